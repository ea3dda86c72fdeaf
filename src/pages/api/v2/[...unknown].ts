import type { APIRoute } from 'astro';
import { apiLocale, CORS_HEADERS } from '../../../api/endpoint.ts';
import { t } from '../../../i18n/index.ts';

/**
 * Any other address under /api/v2/: a JSON 404 that API clients can parse, not the HTML page
 * (the documents themselves are more specific routes and win over this one).
 */
export const GET: APIRoute = ({ url }) =>
  new Response(JSON.stringify({ error: { status: 404, message: t(apiLocale(url)).notFound.document } }), {
    status: 404,
    headers: { 'Content-Type': 'application/json; charset=utf-8', 'X-Content-Type-Options': 'nosniff', ...CORS_HEADERS },
  });

export const HEAD = GET;
