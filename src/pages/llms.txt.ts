import type { APIRoute } from 'astro';
import { llmsText } from '../feeds/plain-text.ts';

/** `/llms.txt` (llmstxt.org): what this site is and where its machine-readable parts are. */
export const GET: APIRoute = ({ locals }) =>
  new Response(llmsText(locals.ctx.settings.VIGIE_PUBLIC_URL), {
    headers: { 'Content-Type': 'text/plain; charset=utf-8', 'X-Content-Type-Options': 'nosniff' },
  });
export const HEAD = GET;
