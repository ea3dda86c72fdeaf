import { defineMiddleware, sequence } from 'astro:middleware';
import { siteContext } from './site/context.ts';

const provideContext = defineMiddleware(async (context, next) => {
  context.locals.ctx = await siteContext();
  return next();
});

export const onRequest = sequence(provideContext);
