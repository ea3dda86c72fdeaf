import type { APIContext, APIRoute } from 'astro';
import type { Locale } from '../domain/vocabulary.ts';
import { formatWindow } from '../i18n/format.ts';
import { t } from '../i18n/index.ts';
import { publishedNote } from '../i18n/published-note.ts';
import { alternativeSentence } from '../i18n/guidance-words.ts';
import { availabilityAt } from '../domain/availability.ts';
import { serviceConfig } from '../status/guidance.ts';
import type { SiteContext } from '../web/context.ts';
import { absoluteUrl, feedPath, pathFor } from '../addresses/routes.ts';
import { localName } from '../i18n/local-text.ts';
import { incidentViews } from '../status/incident-view.ts';
import { serviceNames } from '../status/service-names.ts';
import { loadIncidentHistory, loadMaintenanceHistory, loadSnapshot } from '../status/load.ts';
import type { ServiceStatusView } from '../status/views.ts';
import { incidentEntries, maintenanceEntries, newestEntries, type EntryContext } from './feed-entries.ts';
import { FEED_CONTENT_TYPE, renderFeed, type FeedKind } from './render-feed.ts';

const ITEM_LIMIT = 50;

/** The feed of every incident and maintenance (no `serviceId`) or of one service, as XML text. */
export async function buildFeed(
  site: SiteContext,
  request: { locale: Locale; kind: FeedKind; serviceId?: string },
  now: Date,
): Promise<string | null> {
  const { locale, kind, serviceId } = request;
  const service = serviceId ? site.catalogue.services.find((s) => s.id === serviceId) : undefined;
  if (serviceId && !service) return null;
  const words = t(locale);
  const url = (path: string) => absoluteUrl(site.settings.VIGIE_PUBLIC_URL, path);
  const names = serviceNames(site.catalogue);
  const [incidents, maintenances, snapshot] = await Promise.all([
    loadIncidentHistory(site, serviceId ? { serviceId } : {}),
    loadMaintenanceHistory(site, now, { includeCancelled: true }),
    serviceId ? loadSnapshot(site, now) : null,
  ]);
  const published = snapshot?.services.find((s) => s.id === serviceId);
  const ctx: EntryContext = {
    locale,
    words: {
      incidentStatus: words.incidentStatuses,
      maintenanceAnnounced: words.feeds.maintenanceAnnounced,
      maintenanceCancelled: words.feeds.maintenanceCancelled,
      translationPending: words.feeds.translationPending,
      affectedServices: words.feeds.affectedServices,
      window: (start, end) => words.feeds.window(formatWindow(start, end, locale)),
      cancelledWindow: (start, end) => words.maintenance.cancelledWindow(formatWindow(start, end, locale)),
      whatNow: words.guidance.alternativesTitle,
    },
    incidentUrl: (id) => url(pathFor(locale, { page: 'incident', id })),
    maintenanceUrl: url(pathFor(locale, { page: 'maintenance' })),
    serviceName: (id) => {
      const name = names.get(id);
      return name ? localName(name, locale) : null;
    },
    alternatives: (id) =>
      (serviceConfig(site.catalogue, id)?.alternatives ?? []).map((a) => alternativeSentence(a, availabilityAt(a.hours, now), locale, now)),
    now,
  };
  const relevant = serviceId ? maintenances.filter((m) => m.serviceIds.includes(serviceId)) : maintenances;
  const views = incidentViews(incidents, { locale, names, now });
  const entries = newestEntries([...incidentEntries(views, ctx), ...maintenanceEntries(relevant, ctx)], ITEM_LIMIT);
  const name = service?.name[locale];
  return renderFeed(
    kind,
    {
      locale,
      title: name ? words.feeds.serviceTitle(name) : words.feeds.title,
      description: name ? [words.feeds.serviceDescription(name), ...stateLines(published, locale)].join(' ') : words.feeds.description,
      pageUrl: url(serviceId ? pathFor(locale, { page: 'service', id: serviceId }) : pathFor(locale, { page: 'overview' })),
      selfUrl: { rss: url(feedPath(locale, 'rss', serviceId)), atom: url(feedPath(locale, 'atom', serviceId)) },
      publisherName: words.site.name,
      now,
    },
    entries,
  );
}

/** A service feed says the published state, as the page and the API do. */
function stateLines(view: ServiceStatusView | undefined, locale: Locale): string[] {
  if (!view) return [];
  const note = publishedNote(view, locale);
  return [t(locale).feeds.currentState(t(locale).states[view.state]), ...(note ? [note] : [])];
}

/** An Astro endpoint serving one feed; per-service feeds take the service id from the route. */
export function feedEndpoint(locale: Locale, kind: FeedKind, perService = false): { GET: APIRoute; HEAD: APIRoute } {
  const GET: APIRoute = async ({ locals, params }: APIContext) => {
    const serviceId = perService ? String(params.id ?? '') : undefined;
    const xml = await buildFeed(locals.ctx, { locale, kind, ...(serviceId !== undefined ? { serviceId } : {}) }, new Date());
    if (xml === null) {
      return new Response(t(locale).notFound.service, {
        status: 404,
        headers: { 'Content-Type': 'text/plain; charset=utf-8', 'X-Content-Type-Options': 'nosniff' },
      });
    }
    return new Response(xml, { headers: { 'Content-Type': FEED_CONTENT_TYPE[kind], 'X-Content-Type-Options': 'nosniff' } });
  };
  return { GET, HEAD: GET };
}
