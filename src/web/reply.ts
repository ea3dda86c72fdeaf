import { variantBody, variantEtag, type CachedEntry, type Encoding } from './cached-entry.ts';
import { matchesIfNoneMatch, pickEncoding } from './negotiate.ts';
import type { CacheOutcome } from './response-cache.ts';

/**
 * Browsers and a CDN may reuse a response for 15 s and serve it up to 30 s more while fetching a
 * fresh one; when the origin fails they may keep serving it for 10 minutes, not a day: beyond that a
 * status page saying "checked 40 s ago" would mislead more than an error would.
 */
export const PUBLIC_CACHE_CONTROL = 'public, max-age=15, stale-while-revalidate=30, stale-if-error=600';

export interface ReplyRequest {
  method: string;
  acceptEncoding: string | null;
  ifNoneMatch: string | null;
}

export interface Reply {
  status: number;
  headers: [string, string][];
  /** The same headers as one flat list, the form node:http's writeHead takes without copying. */
  flatHeaders: string[];
  body: Buffer | null;
}

const OUTCOME_SLOT: Record<CacheOutcome, number> = { hit: 0, miss: 1, shared: 2, stale: 3, 'stale-error': 4 };
const ENCODING_SLOT: Record<Encoding, number> = { br: 2, gzip: 4 };

/** What to send for a cached entry: 304 when the client holds it, else the negotiated coding. */
export function replyFor(entry: CachedEntry, outcome: CacheOutcome, request: ReplyRequest): Reply {
  const encoding = entry.compressible ? pickEncoding(request.acceptEncoding) : null;
  const body = variantBody(entry, encoding);
  const notModified = entry.status === 200 && matchesIfNoneMatch(request.ifNoneMatch, entry.etag);
  // A number, not a string key: the hot path of every cache hit allocates nothing to find its headers.
  const slot = OUTCOME_SLOT[outcome] * 6 + (encoding === null ? 0 : ENCODING_SLOT[encoding]) + (notModified ? 1 : 0);
  let built = entry.replyHeaders[slot];
  if (!built) {
    const etag = variantEtag(entry, encoding);
    const pairs = buildHeaders(entry, outcome, { encoding, etag, length: body.length, notModified });
    built = { pairs, flat: pairs.flat() };
    entry.replyHeaders[slot] = built;
  }
  const { pairs: headers, flat: flatHeaders } = built;
  if (notModified) return { status: 304, headers, flatHeaders, body: null };
  return { status: entry.status, headers, flatHeaders, body: request.method === 'HEAD' ? null : body };
}

function buildHeaders(
  entry: CachedEntry,
  outcome: CacheOutcome,
  v: { encoding: Encoding | null; etag: string; length: number; notModified: boolean },
): [string, string][] {
  const failed = entry.status >= 500;
  const headers: [string, string][] = [
    ...entry.headers.filter(([name]) => !v.notModified || name.toLowerCase() !== 'content-type'),
    ['Cache-Control', failed ? 'no-store' : PUBLIC_CACHE_CONTROL],
    ['Vary', 'Accept-Encoding'],
    ['X-Vigie-Cache', outcome],
  ];
  if (!failed) headers.push(['ETag', v.etag]);
  if (v.notModified) return headers;
  if (v.encoding) headers.push(['Content-Encoding', v.encoding]);
  headers.push(['Content-Length', String(v.length)]);
  return headers;
}
