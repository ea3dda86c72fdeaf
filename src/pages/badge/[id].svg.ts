import type { APIRoute } from 'astro';
import { apiLocale, CORS_HEADERS } from '../../api/endpoint.ts';
import { badgeSvg } from '../../api/badge.ts';
import { t } from '../../i18n/index.ts';
import { localName } from '../../i18n/local-text.ts';
import { publishedNote } from '../../i18n/published-note.ts';
import { loadSnapshot } from '../../status/load.ts';

/** `/badge/<service id>.svg` (`?lang=en`): the service's current state, for other sites to embed. */
export const GET: APIRoute = async ({ locals, params, url }) => {
  const locale = apiLocale(url);
  const words = t(locale);
  const snapshot = await loadSnapshot(locals.ctx, new Date());
  const view = snapshot.services.find((s) => s.id === params.id);
  if (!view) {
    return new Response(words.notFound.service, {
      status: 404,
      headers: { 'Content-Type': 'text/plain; charset=utf-8', 'X-Content-Type-Options': 'nosniff' },
    });
  }
  const stateWord = words.states[view.state];
  const title = [words.badge.title(view.name[locale], stateWord), publishedNote(view, locale)].filter(Boolean).join('. ');
  const name = localName(view.name, locale);
  const nameLang = name.lang === locale ? undefined : name.lang;
  const svg = badgeSvg({ name: view.name[locale], state: view.state, stateWord, title, lang: locale, nameLang });
  return new Response(svg, {
    headers: {
      'Content-Type': 'image/svg+xml; charset=utf-8',
      'X-Content-Type-Options': 'nosniff',
      'Content-Security-Policy': "default-src 'none'; style-src 'unsafe-inline'",
      ...CORS_HEADERS,
    },
  });
};

export const HEAD = GET;
