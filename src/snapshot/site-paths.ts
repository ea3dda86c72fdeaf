import { API_DOCUMENTS, type ApiDocument } from '../api/endpoint.ts';
import { periodContaining } from '../domain/paris-periods.ts';
import { LOCALES, REPORT_PERIOD_KINDS, type Locale } from '../domain/vocabulary.ts';
import { PAUSED_SUBSCRIPTIONS_PATHS, subscriptionPagePaths } from '../addresses/subscription-routes.ts';
import { calendarPath, FEED_FORMATS, feedPath, INFO_PAGES, pathFor, reportFilePath, STATE_TEXT_PATHS } from '../addresses/routes.ts';

/** The Statuspage documents' addresses under /api/v2/ (the origin's route files). */
const API_PATHS: Record<ApiDocument, string> = {
  summary: 'summary.json',
  status: 'status.json',
  components: 'components.json',
  incidents: 'incidents.json',
  unresolvedIncidents: 'incidents/unresolved.json',
  scheduledMaintenances: 'scheduled-maintenances.json',
  upcomingMaintenances: 'scheduled-maintenances/upcoming.json',
  activeMaintenances: 'scheduled-maintenances/active.json',
};

/** One address of the public site and the file of the static copy that holds it. */
export interface PublishedPath {
  /** Asked of the origin. */
  path: string;
  /** Relative file in the copy. */
  file: string;
  /** Status the origin answers with (the not-found page is a 404). */
  status: 200 | 404;
  /** The one service whose data alone the address shows (its page, feeds, badge). */
  service?: string;
  /** The one incident whose data alone the address shows (its page, its attestations). */
  incident?: string;
  /** A report or the reports' list: they move with the rollups, hour by hour, not with each change. */
  report?: true;
}

/**
 * Every public address of the site, for the static copy: both languages, the overview, every
 * service page, the incident list and the given recent incidents, maintenance, information
 * pages, feeds, the Statuspage JSON and badges. English variants of `?lang=en` documents become
 * `.en` files (the nginx configuration maps the query to them). With subscriptions, every
 * subscription address holds the page saying the copy cannot take them (pages link there).
 * Addresses that show one service or one incident say so, for incremental publication.
 */
export function sitePaths(input: { serviceIds: string[]; incidentIds: string[]; now: Date; subscriptions?: boolean }): PublishedPath[] {
  const published: PublishedPath[] = [];
  const add = (path: string, owner: { service?: string; incident?: string; report?: true } = {}) =>
    published.push({ path, file: pageFile(path), status: 200, ...owner });
  for (const locale of LOCALES) {
    for (const page of ['overview', 'affected', 'incidents', 'maintenance', ...INFO_PAGES] as const) add(pathFor(locale, { page }));
    add(pathFor(locale, { page: 'reports' }), { report: true });
    add(calendarPath(locale));
    add(STATE_TEXT_PATHS[locale]);
    for (const period of currentPeriods(input.now)) {
      for (const path of [
        pathFor(locale, { page: 'report', period }),
        reportFilePath(locale, period, 'csv'),
        reportFilePath(locale, period, 'json'),
      ])
        add(path, { report: true });
    }
    for (const format of FEED_FORMATS) add(feedPath(locale, format));
    for (const service of input.serviceIds) {
      add(pathFor(locale, { page: 'service', id: service }), { service });
      for (const format of FEED_FORMATS) add(feedPath(locale, format, service), { service });
    }
    for (const incident of input.incidentIds) add(pathFor(locale, { page: 'incident', id: incident }), { incident });
    if (input.subscriptions) {
      for (const page of subscriptionPagePaths(locale))
        published.push({ path: PAUSED_SUBSCRIPTIONS_PATHS[locale], file: pageFile(page), status: 200 });
    }
  }
  for (const document of API_DOCUMENTS) published.push(...bothLanguages(`/api/v2/${API_PATHS[document]}`));
  for (const service of input.serviceIds)
    published.push(...bothLanguages(`/badge/${encodeURIComponent(service)}.svg`).map((p) => ({ ...p, service })));
  for (const path of ['/llms.txt', '/.well-known/vigie-signing-key.pem']) published.push({ path, file: path.slice(1), status: 200 });
  published.push({ path: '/404', file: '404.html', status: 404 });
  return published;
}

function bothLanguages(path: string): PublishedPath[] {
  const file = decodeURIComponent(path.slice(1));
  const english: Record<Locale, PublishedPath> = {
    fr: { path, file, status: 200 },
    en: { path: `${path}?lang=en`, file: file.replace(/(\.[a-z]+)$/, '.en$1'), status: 200 },
  };
  return LOCALES.map((locale) => english[locale]);
}

/** The reports of the month, quarter and year in progress, and of the last complete ones. */
function currentPeriods(now: Date): string[] {
  return REPORT_PERIOD_KINDS.flatMap((kind) => {
    const current = periodContaining(kind, now);
    return [current.key, periodContaining(kind, new Date(current.start.getTime() - 1)).key];
  });
}

const ATTESTATION_LINK = /href="(\/(?:fr|en)\/services\/[^"/]+\/attestations\/[^"/]+)"/g;

/**
 * The attestations an incident page links to (only the origin knows which outages have one), each
 * with its signed JSON and signature files.
 */
export function attestationPaths(incidentPage: string, incident: string): PublishedPath[] {
  const found: PublishedPath[] = [];
  for (const [, page] of incidentPage.matchAll(ATTESTATION_LINK)) {
    for (const path of [page!, `${page!}/attestation.json`, `${page!}/attestation.sig`])
      found.push({ path, file: pageFile(path), status: 200, incident });
  }
  return found;
}

/** `/fr/` → `fr/index.html`; `/fr/services/caf` → `fr/services/caf.html`; feeds keep their name. */
export function pageFile(path: string): string {
  const decoded = decodeURIComponent(path).replace(/^\/+/, '');
  if (decoded === '' || decoded.endsWith('/')) return `${decoded}index.html`;
  return /\.(xml|atom|ics|txt|csv|json|sig)$/.test(decoded) ? decoded : `${decoded}.html`;
}
