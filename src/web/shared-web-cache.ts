import { createWebCache, type WebCache } from './web-cache.ts';

/**
 * The built site (bundled middleware) and the server wrapper that answers cache hits before Astro
 * (`cli/web.ts`) are two module graphs in one process; they meet on this one process-wide key.
 * Without the wrapper, the middleware alone creates and uses the cache.
 */
const KEY = Symbol.for('vigie.web-cache');

export function sharedWebCache(): WebCache {
  const holder = globalThis as { [KEY]?: WebCache };
  holder[KEY] ??= createWebCache();
  return holder[KEY];
}
