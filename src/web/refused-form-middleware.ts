import { defineMiddleware } from 'astro:middleware';
import { RequestRefused } from './form-input.ts';
import { REFUSAL_STATUS, refusalText } from './request-limits.ts';

/**
 * A form refused while a page reads it (too many fields) gets its status and the bilingual text
 * on every route, public or staff, never a 500.
 */
export const answerRefusedForms = defineMiddleware(async (_context, next) => {
  try {
    return await next();
  } catch (error) {
    if (!(error instanceof RequestRefused)) throw error;
    return new Response(refusalText(error.refusal), {
      status: REFUSAL_STATUS[error.refusal],
      headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' },
    });
  }
});
