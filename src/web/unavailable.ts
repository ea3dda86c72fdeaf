import type { Locale } from '../domain/vocabulary.ts';
import { t } from '../i18n/index.ts';
import { securityHeaders } from './security-policy.ts';
import { escapeHtml } from '../addresses/escape.ts';

/** Seconds a client (or a CDN) is asked to wait before trying again. */
export const RETRY_AFTER_S = 30;

/**
 * What the web process answers when it has nothing honest to render: the store is unreachable and
 * nothing was read from it since start-up. Both languages (the path's first), never a blank error;
 * JSON on the API; never cached, so real pages come back as soon as the store answers.
 */
export function unavailableResponse(path: string, publicUrl: string): Response {
  const headers = {
    ...securityHeaders(publicUrl),
    'Cache-Control': 'no-store',
    'Retry-After': String(RETRY_AFTER_S),
  };
  if (path.startsWith('/api/')) {
    const body = { error: { code: 'store_unreachable', message: t('fr').unavailable.api, message_en: t('en').unavailable.api } };
    return new Response(JSON.stringify(body), { status: 503, headers: { ...headers, 'Content-Type': 'application/json; charset=utf-8' } });
  }
  const first: Locale = path.startsWith('/en') ? 'en' : 'fr';
  return new Response(unavailableHtml(first), { status: 503, headers: { ...headers, 'Content-Type': 'text/html; charset=utf-8' } });
}

function unavailableHtml(first: Locale): string {
  const order: Locale[] = first === 'en' ? ['en', 'fr'] : ['fr', 'en'];
  const sections = order
    .map((locale) => {
      const d = t(locale).unavailable;
      return `<section lang="${locale}"><h1>${escapeHtml(d.title)}</h1><p>${escapeHtml(d.body)}</p></section>`;
    })
    .join('\n');
  return `<!doctype html>
<html lang="${first}">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><meta name="color-scheme" content="light dark"><title>${escapeHtml(t(first).unavailable.title)} · Vigie</title></head>
<body><main id="main">
${sections}
</main></body>
</html>
`;
}
