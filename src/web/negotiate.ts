import type { Encoding } from './cached-entry.ts';

// Browsers send a handful of distinct Accept-Encoding values; the answer for each is kept.
const picked = new Map<string, Encoding | null>();

/** Brotli when the client accepts it, else gzip, else none; `q=0` refuses a coding. */
export function pickEncoding(acceptEncoding: string | null): Encoding | null {
  if (!acceptEncoding) return null;
  const known = picked.get(acceptEncoding);
  if (known !== undefined) return known;
  const choice = parseEncoding(acceptEncoding);
  if (picked.size >= 256) picked.clear();
  picked.set(acceptEncoding, choice);
  return choice;
}

function parseEncoding(acceptEncoding: string): Encoding | null {
  const accepted = new Map<string, number>();
  for (const part of acceptEncoding.toLowerCase().split(',')) {
    const [name = '', ...params] = part.trim().split(';');
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    const weight = q ? Number(q.slice(2)) : 1;
    accepted.set(name.trim(), Number.isFinite(weight) ? weight : 0);
  }
  const weightOf = (coding: string) => accepted.get(coding) ?? accepted.get('*') ?? 0;
  if (weightOf('br') > 0) return 'br';
  if (weightOf('gzip') > 0) return 'gzip';
  return null;
}

/**
 * If-None-Match against an entry (weak comparison, as RFC 9110 asks for this header): any variant
 * of the same bytes matches, whatever coding the client held.
 */
export function matchesIfNoneMatch(header: string | null, baseEtag: string): boolean {
  if (!header) return false;
  const base = baseEtag.slice(1, -1);
  return header.split(',').some((raw) => {
    const tag = raw.trim().replace(/^W\//, '');
    if (tag === '*') return true;
    const opaque = tag.replace(/^"|"$/g, '').replace(/-(br|gz)$/, '');
    return opaque === base;
  });
}
