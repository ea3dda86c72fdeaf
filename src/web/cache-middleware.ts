import type { MiddlewareHandler } from 'astro';
import { isCompressible, variant, type CachedEntry } from './cached-entry.ts';
import { cacheTarget } from './cache-rules.ts';
import { matchesIfNoneMatch, pickEncoding } from './negotiate.ts';
import { createResponseCache, type CacheOutcome, type ResponseCache } from './response-cache.ts';
import { createVersionPoller } from './version-poller.ts';

/**
 * Browsers and a CDN may reuse a response for 15 s and serve it up to 30 s more while fetching a
 * fresh one; when the origin fails they may keep serving it for 10 minutes, not a day: beyond that a
 * status page saying "checked 40 s ago" would mislead more than an error would.
 */
export const PUBLIC_CACHE_CONTROL = 'public, max-age=15, stale-while-revalidate=30, stale-if-error=600';

export interface CacheMiddlewareOptions {
  now?: () => number;
  maxAgeMs?: number;
  staleIfErrorMs?: number;
  versionPollMs?: number;
  maxEntries?: number;
  maxBytes?: number;
}

/**
 * Serves public GET/HEAD responses from the response cache. Renders use a clean GET request for
 * the canonical URL on the public origin: no Host, X-Forwarded-*, cookies or junk query string can
 * shape what is cached and then served to everyone.
 */
export function createCacheMiddleware(options: CacheMiddlewareOptions = {}): MiddlewareHandler {
  const now = options.now ?? Date.now;
  let cache: ResponseCache | null = null;
  return async (context, next) => {
    const target = cacheTarget(context.request.method, context.url);
    if (!target) return next();
    const site = context.locals.ctx;
    cache ??= createResponseCache({
      versions: createVersionPoller({ read: () => site.store.dataVersion(), intervalMs: options.versionPollMs ?? 1000, now }),
      now,
      maxAgeMs: options.maxAgeMs ?? 15_000,
      staleIfErrorMs: options.staleIfErrorMs ?? 600_000,
      maxEntries: options.maxEntries ?? 2000,
      maxBytes: options.maxBytes ?? 128 * 1024 * 1024,
    });
    const { entry, outcome } = await cache.get(target.key, async () => {
      const canonical = new Request(new URL(target.pathAndQuery, `${site.settings.VIGIE_PUBLIC_URL}/`), { method: 'GET' });
      const response = await next(canonical);
      return { status: response.status, headers: response.headers, body: Buffer.from(await response.arrayBuffer()) };
    });
    return respond(entry, outcome, context.request);
  };
}

function respond(entry: CachedEntry, outcome: CacheOutcome, request: Request): Response {
  const encoding = isCompressible(entry) ? pickEncoding(request.headers.get('accept-encoding')) : null;
  const headers = new Headers(entry.headers);
  headers.set('Cache-Control', entry.status >= 500 ? 'no-store' : PUBLIC_CACHE_CONTROL);
  headers.set('Vary', 'Accept-Encoding');
  headers.set('X-Vigie-Cache', outcome);
  if (entry.status === 200 && matchesIfNoneMatch(request.headers.get('if-none-match'), entry.etag)) {
    headers.set('ETag', variant(entry, encoding).etag);
    headers.delete('Content-Type');
    return new Response(null, { status: 304, headers });
  }
  const { body, etag } = variant(entry, encoding);
  if (entry.status < 500) headers.set('ETag', etag);
  if (encoding) headers.set('Content-Encoding', encoding);
  headers.set('Content-Length', String(body.length));
  // Buffers from zlib and arrayBuffer() are backed by plain ArrayBuffers.
  return new Response(request.method === 'HEAD' ? null : (body as Uint8Array<ArrayBuffer>), {
    status: entry.status,
    headers,
  });
}
