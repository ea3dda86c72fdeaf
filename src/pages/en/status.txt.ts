import type { APIRoute } from 'astro';
import { stateText } from '../../feeds/plain-text.ts';
import { loadSnapshot } from '../../status/load.ts';

export const GET: APIRoute = async ({ locals }) =>
  new Response(stateText(await loadSnapshot(locals.ctx, new Date()), 'en', locals.ctx.settings.VIGIE_PUBLIC_URL, locals.ctx.catalogue), {
    headers: { 'Content-Type': 'text/plain; charset=utf-8', 'X-Content-Type-Options': 'nosniff' },
  });
export const HEAD = GET;
