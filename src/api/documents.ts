import type { Locale } from '../domain/vocabulary.ts';
import type { Dictionary } from '../i18n/index.ts';
import { absoluteUrl, pathFor } from '../addresses/routes.ts';
import type { Incident, Maintenance } from '../domain/incident-records.ts';
import { isoParis } from '../domain/paris-time.ts';
import { incidentViews } from '../status/incident-view.ts';
import { serviceNames } from '../status/service-names.ts';
import type { StatusSnapshot } from '../status/views.ts';
import { bannerView } from '../site/banner.ts';
import { snapshotComponents } from './components.ts';
import { toSpIncident, toSpMaintenance, type IncidentMapContext } from './incidents.ts';
import type { SpComponent, SpPage, SpStatus } from './statuspage-types.ts';

/** Statuspage has one page id per page; a Vigie instance is one page. */
export const PAGE_ID = 'vigie';

export interface DocumentContext {
  locale: Locale;
  words: Dictionary;
  publicUrl: string;
  snapshot: StatusSnapshot;
}

/** The documents of `/api/v2/`, from the same read model as the pages. */
export function statuspageDocuments(ctx: DocumentContext) {
  const { snapshot, locale, words, publicUrl } = ctx;
  const page: SpPage = {
    id: PAGE_ID,
    name: words.site.name,
    url: absoluteUrl(publicUrl, pathFor(locale, { page: 'overview' })),
    time_zone: 'Europe/Paris',
    updated_at: isoParis(lastChange(snapshot)),
  };
  const status: SpStatus = {
    indicator: snapshot.overall.indicator,
    // The page's own sentence, so the API never says more (or less) than the banner people read.
    description: bannerView(snapshot, words).title,
  };
  const components = snapshotComponents(snapshot, { pageId: PAGE_ID, locale, words });
  const byId = new Map<string, SpComponent>(components.filter((c) => !c.group).map((c) => [c.id, c]));
  const mapContext: IncidentMapContext = {
    pageId: PAGE_ID,
    locale,
    incidentUrl: (id) => absoluteUrl(publicUrl, pathFor(locale, { page: 'incident', id })),
    maintenanceUrl: absoluteUrl(publicUrl, pathFor(locale, { page: 'maintenance' })),
    component: (id) => byId.get(id) ?? null,
    serviceCount: snapshot.services.length,
    now: snapshot.generatedAt,
  };
  const names = serviceNames(snapshot);
  const incidents = (list: Incident[]) =>
    incidentViews(list, { locale, names, now: snapshot.generatedAt }).map((i) => toSpIncident(i, mapContext));
  const maintenances = (list: Maintenance[]) => list.map((m) => toSpMaintenance(m, mapContext));
  return {
    summary: () => ({
      page,
      status,
      components,
      incidents: incidents(snapshot.openIncidents),
      scheduled_maintenances: maintenances([...snapshot.activeMaintenances, ...snapshot.upcomingMaintenances]),
    }),
    status: () => ({ page, status }),
    components: () => ({ page, components }),
    incidents: (list: Incident[]) => ({ page, incidents: incidents(list) }),
    unresolvedIncidents: () => ({ page, incidents: incidents(snapshot.openIncidents) }),
    scheduledMaintenances: (list: Maintenance[]) => ({ page, scheduled_maintenances: maintenances(list) }),
    upcomingMaintenances: () => ({ page, scheduled_maintenances: maintenances(snapshot.upcomingMaintenances) }),
    activeMaintenances: () => ({ page, scheduled_maintenances: maintenances(snapshot.activeMaintenances) }),
  };
}

/**
 * When what the page shows last changed (a service's state, an open incident), as Statuspage means
 * `page.updated_at`; the moment the document was made only when nothing says otherwise.
 */
function lastChange(snapshot: StatusSnapshot): Date {
  const times = [
    ...snapshot.services.flatMap((s) => (s.since ? [s.since.getTime()] : [])),
    ...snapshot.openIncidents.map((i) => i.updatedAt.getTime()),
  ];
  return times.length > 0 ? new Date(Math.max(...times)) : snapshot.generatedAt;
}
