import type { APIContext, APIRoute } from 'astro';
import type { Locale } from '../domain/vocabulary.ts';
import { t } from '../i18n/index.ts';
import type { SiteContext } from '../web/context.ts';
import { loadIncidentHistory, loadMaintenanceHistory, loadSnapshot } from '../status/load.ts';
import { statuspageDocuments } from './documents.ts';

export const API_DOCUMENTS = [
  'summary',
  'status',
  'components',
  'incidents',
  'unresolvedIncidents',
  'scheduledMaintenances',
  'upcomingMaintenances',
  'activeMaintenances',
] as const;
export type ApiDocument = (typeof API_DOCUMENTS)[number];

/** Read-only API: any origin may read it, nobody may write through it. */
export const CORS_HEADERS = {
  'Access-Control-Allow-Origin': '*',
  'Access-Control-Allow-Methods': 'GET, HEAD, OPTIONS',
  'Access-Control-Expose-Headers': 'ETag',
} as const;

/** French by default; `?lang=en` for English. Anything else is French, never an error. */
export function apiLocale(url: URL): Locale {
  return url.searchParams.get('lang') === 'en' ? 'en' : 'fr';
}

export async function renderApiDocument(site: SiteContext, document: ApiDocument, locale: Locale, now: Date): Promise<unknown> {
  const snapshot = await loadSnapshot(site, now);
  const docs = statuspageDocuments({ locale, words: t(locale), publicUrl: site.settings.VIGIE_PUBLIC_URL, snapshot });
  switch (document) {
    case 'incidents':
      return docs.incidents(await loadIncidentHistory(site));
    case 'scheduledMaintenances':
      return docs.scheduledMaintenances(await loadMaintenanceHistory(site, now, { includeCancelled: false }));
    default:
      return docs[document]();
  }
}

/** The `GET`/`HEAD`/`OPTIONS` handlers of one `/api/v2/` document. */
export function apiEndpoint(document: ApiDocument): { GET: APIRoute; HEAD: APIRoute; OPTIONS: APIRoute } {
  const GET: APIRoute = async ({ locals, url }: APIContext) => {
    const body = await renderApiDocument(locals.ctx, document, apiLocale(url), new Date());
    return new Response(JSON.stringify(body), {
      headers: { 'Content-Type': 'application/json; charset=utf-8', 'X-Content-Type-Options': 'nosniff', ...CORS_HEADERS },
    });
  };
  const OPTIONS: APIRoute = () =>
    new Response(null, {
      status: 204,
      headers: { ...CORS_HEADERS, 'Access-Control-Allow-Headers': 'If-None-Match', 'Access-Control-Max-Age': '86400' },
    });
  return { GET, HEAD: GET, OPTIONS };
}
