import { createWebCache, type WebCache, type WebCacheOptions } from './web-cache.ts';

/**
 * The built site (bundled middleware) and the server wrapper that answers cache hits before Astro
 * (`cli/web.ts`) are two module graphs in one process; they meet on this one process-wide key.
 * Without the wrapper, the middleware alone creates and uses the cache.
 */
const KEY = Symbol.for('vigie.web-cache');

/** The process's (or thread's) cache; `options` apply when this call creates it. */
export function sharedWebCache(options?: WebCacheOptions): WebCache {
  const holder = globalThis as { [KEY]?: WebCache };
  holder[KEY] ??= createWebCache(options);
  return holder[KEY];
}
