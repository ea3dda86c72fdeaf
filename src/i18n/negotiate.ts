import type { Locale } from '../domain/vocabulary.ts';

/**
 * Picks the site language from an Accept-Language header: the highest-weighted of French or
 * English wins; French when nothing says otherwise (a tie, no header, only other languages).
 */
export function pickLocale(header: string | null | undefined): Locale {
  let best: { locale: Locale; q: number } = { locale: 'fr', q: 0 };
  for (const entry of (header ?? '').split(',')) {
    const [tag = '', ...params] = entry.trim().toLowerCase().split(';');
    const primary = tag.split('-')[0];
    if (primary !== 'fr' && primary !== 'en') continue;
    const qParam = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    const q = qParam ? Number(qParam.slice(2)) : 1;
    if (!Number.isFinite(q) || q <= 0) continue;
    if (q > best.q || (q === best.q && primary === 'fr')) best = { locale: primary, q };
  }
  return best.locale;
}
