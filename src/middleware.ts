import { defineMiddleware, sequence } from 'astro:middleware';
import { siteContext } from './site/context.ts';
import { createCacheMiddleware } from './web/cache-middleware.ts';

const provideContext = defineMiddleware(async (context, next) => {
  context.locals.ctx = await siteContext();
  return next();
});

/** Public GET/HEAD responses are rendered once per data version and served from memory. */
const cachePublicResponses = createCacheMiddleware();

export const onRequest = sequence(provideContext, cachePublicResponses);
