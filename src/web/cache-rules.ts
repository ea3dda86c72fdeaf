import { isSubscriptionPath } from '../addresses/subscription-routes.ts';

/**
 * Which public responses are cached, and which query parameters make a different response.
 * Anything else in the query string is dropped from the key and from the URL the page is rendered
 * with, so junk query strings neither create cache entries nor change what is rendered.
 */
import { parsePageNumber } from '../domain/page-number.ts';
import { trimTrailingSlashes } from '../domain/trim-slashes.ts';
import { normaliseQuery } from '../search/fold.ts';

type Normalize = (value: string) => string | null;

const lang: Normalize = (v) => (v === 'en' ? 'en' : null);
// Folded and length-capped: "Impôts" and "IMPOTS " share one entry, and a long query makes a short key.
const searchQuery: Normalize = (v) => normaliseQuery(v);
/** Page 1 is the page without the parameter; every unreadable value is one entry, the page's 404 (`page=0`). */
const pageNumber: Normalize = (v) => {
  const page = parsePageNumber(v);
  if (page === null) return '0';
  return page === 1 ? null : String(page);
};

interface Rule {
  matches: (path: string) => boolean;
  params: Record<string, Normalize>;
}

const RULES: Rule[] = [
  { matches: (p) => p === '/admin' || p.startsWith('/admin/') || isSubscriptionPath(p), params: {} },
  { matches: (p) => p.startsWith('/api/v2/') && p.endsWith('.json'), params: { lang } },
  { matches: (p) => p.startsWith('/badge/') && p.endsWith('.svg'), params: { lang } },
  { matches: (p) => /^\/(fr|en)\/incidents\/?$/.test(p), params: { page: pageNumber } },
  { matches: (p) => /^\/(fr|en)$/.test(p), params: { q: searchQuery } },
  { matches: (p) => /^\/(fr|en)(\/|$)/.test(p), params: {} },
];
const NEVER = RULES[0];

export interface CacheTarget {
  /** Cache key: the path and the kept parameters, normalised and sorted. */
  key: string;
  /** Path and query the response is rendered for. */
  pathAndQuery: string;
}

/** The cache target of a public GET/HEAD request, or null when it must not be cached. */
export function cacheTarget(method: string, url: URL): CacheTarget | null {
  if (method !== 'GET' && method !== 'HEAD') return null;
  const path = trimTrailingSlashes(url.pathname);
  const rule = RULES.find((r) => r.matches(path));
  if (!rule || rule === NEVER) return null;
  const kept: string[] = [];
  for (const name of Object.keys(rule.params).sort()) {
    const raw = url.searchParams.get(name);
    const value = raw === null ? null : (rule.params[name]?.(raw) ?? null);
    if (value !== null) kept.push(`${name}=${encodeURIComponent(value)}`);
  }
  const query = kept.length > 0 ? `?${kept.join('&')}` : '';
  // Keyed on the path as asked (a trailing slash makes a second entry, not a different page).
  return { key: `${url.pathname}${query}`, pathAndQuery: `${url.pathname}${query}` };
}
