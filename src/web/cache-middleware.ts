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
    // Read before rendering: a rewrite replaces `context.request` with the canonical request.
    const asked = {
      method: context.request.method,
      acceptEncoding: context.request.headers.get('accept-encoding'),
      ifNoneMatch: context.request.headers.get('if-none-match'),
    };
    const cache = webCache();
    cache.connect(() => site.store.dataVersion());
    const { entry, outcome } = await cache.responses.get(target.key, async () => {
      const canonical = new Request(new URL(target.pathAndQuery, `${site.settings.VIGIE_PUBLIC_URL}/`), { method: 'GET' });
      const response = await next(canonical);
      return { status: response.status, headers: response.headers, body: Buffer.from(await response.arrayBuffer()) };
    });
    const reply = replyFor(entry, outcome, asked);
    // Buffers from zlib and arrayBuffer() are backed by plain ArrayBuffers.
    return new Response(reply.body as Uint8Array<ArrayBuffer> | null, { status: reply.status, headers: reply.headers });
  };
}
