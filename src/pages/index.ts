import type { APIRoute } from 'astro';
import { pickLocale } from '../i18n/negotiate.ts';
import { pathFor } from '../addresses/routes.ts';

/** `/` sends visitors to their language (French when unsure); caches must key on the header. */
export const GET: APIRoute = ({ request }) =>
  new Response(null, {
    status: 302,
    headers: {
      location: pathFor(pickLocale(request.headers.get('accept-language')), { page: 'overview' }),
      vary: 'Accept-Language',
      'cache-control': 'public, max-age=300',
    },
  });
