import { defineMiddleware, sequence } from 'astro:middleware';
import { guardAdmin } from './admin/admin-guard.ts';
import { siteContext } from './site/context.ts';
import { applySiteSecurity } from './site/security-headers.ts';
import { createCacheMiddleware } from './web/cache-middleware.ts';

const provideContext = defineMiddleware(async (context, next) => {
  context.locals.ctx = await siteContext();
  return next();
});

/** Public GET/HEAD responses are rendered once per data version and served from memory. */
const cachePublicResponses = createCacheMiddleware();

// Security wraps everything (cached responses included); the admin guard runs before the cache.
export const onRequest = sequence(provideContext, applySiteSecurity, guardAdmin, cachePublicResponses);
