import type { MiddlewareHandler } from 'astro';
import { cacheTarget } from './cache-rules.ts';
import { replyFor } from './reply.ts';
import type { WebCache } from './web-cache.ts';

/**
 * Serves public GET/HEAD responses from the web cache, rendering on a miss. Renders use a clean
 * GET request for the canonical URL on the public origin: no Host, X-Forwarded-*, cookies or junk
 * query string can shape what is cached and then served to everyone.
 */
export function createCacheMiddleware(webCache: () => WebCache): MiddlewareHandler {
  return async (context, next) => {
    const target = cacheTarget(context.request.method, context.url);
    if (!target) return next();
    const site = context.locals.ctx;
    const cache = webCache();
    cache.connect(() => site.store.dataVersion());
    const { entry, outcome } = await cache.responses.get(target.key, async () => {
      const canonical = new Request(new URL(target.pathAndQuery, `${site.settings.VIGIE_PUBLIC_URL}/`), { method: 'GET' });
      const response = await next(canonical);
      return { status: response.status, headers: response.headers, body: Buffer.from(await response.arrayBuffer()) };
    });
    const headers = context.request.headers;
    const reply = replyFor(entry, outcome, {
      method: context.request.method,
      acceptEncoding: headers.get('accept-encoding'),
      ifNoneMatch: headers.get('if-none-match'),
    });
    // Buffers from zlib and arrayBuffer() are backed by plain ArrayBuffers.
    return new Response(reply.body as Uint8Array<ArrayBuffer> | null, { status: reply.status, headers: reply.headers });
  };
}
