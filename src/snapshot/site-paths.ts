import { API_DOCUMENTS, type ApiDocument } from '../api/endpoint.ts';
import { LOCALES, type Locale } from '../domain/vocabulary.ts';
import { FEED_FORMATS, feedPath, INFO_PAGES, pathFor } from '../addresses/routes.ts';

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
}

/**
 * Every public address of the site, for the static copy: both languages, the overview, every
 * service page, the incident list and the given recent incidents, maintenance, information
 * pages, feeds, the Statuspage JSON and badges. English variants of `?lang=en` documents become
 * `.en` files (the nginx configuration maps the query to them).
 */
export function sitePaths(input: { serviceIds: string[]; incidentIds: string[] }): PublishedPath[] {
  const pages: string[] = [];
  for (const locale of LOCALES) {
    pages.push(pathFor(locale, { page: 'overview' }), pathFor(locale, { page: 'incidents' }), pathFor(locale, { page: 'maintenance' }));
    for (const page of INFO_PAGES) pages.push(pathFor(locale, { page }));
    for (const id of input.serviceIds) pages.push(pathFor(locale, { page: 'service', id }));
    for (const id of input.incidentIds) pages.push(pathFor(locale, { page: 'incident', id }));
    for (const format of FEED_FORMATS) {
      pages.push(feedPath(locale, format));
      for (const id of input.serviceIds) pages.push(feedPath(locale, format, id));
    }
  }
  const published: PublishedPath[] = pages.map((path) => ({ path, file: pageFile(path), status: 200 }));
  for (const document of API_DOCUMENTS) published.push(...bothLanguages(`/api/v2/${API_PATHS[document]}`));
  for (const id of input.serviceIds) published.push(...bothLanguages(`/badge/${encodeURIComponent(id)}.svg`));
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

/** `/fr/` → `fr/index.html`; `/fr/services/caf` → `fr/services/caf.html`; feeds keep their name. */
export function pageFile(path: string): string {
  const decoded = decodeURIComponent(path).replace(/^\/+/, '');
  if (decoded === '' || decoded.endsWith('/')) return `${decoded}index.html`;
  return /\.(xml|atom)$/.test(decoded) ? decoded : `${decoded}.html`;
}
