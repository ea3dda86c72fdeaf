import type { Locale } from '../domain/vocabulary.ts';
import { trimTrailingSlashes } from '../domain/trim-slashes.ts';
import { subscriptionPath } from './subscription-routes.ts';

/**
 * Every public page's address in each language. The language switch and `hreflang` alternates map
 * a page to its twin through these references, so slugs may differ between languages.
 */
export const INFO_PAGES = ['accessibility', 'legal', 'privacy', 'probes'] as const;
export type InfoPage = (typeof INFO_PAGES)[number];

const INFO_SLUGS: Record<Locale, Record<InfoPage, string>> = {
  fr: { accessibility: 'accessibilite', legal: 'mentions-legales', privacy: 'donnees-personnelles', probes: 'sondes' },
  en: { accessibility: 'accessibility', legal: 'legal-notice', privacy: 'personal-data', probes: 'probes' },
};

const AFFECTED_SLUGS: Record<Locale, string> = { fr: 'services-touches', en: 'affected-services' };
const REPORTS_SLUGS: Record<Locale, string> = { fr: 'rapports', en: 'reports' };

export type PageRef =
  | { page: 'overview' }
  | { page: 'affected' }
  | { page: 'service'; id: string }
  | { page: 'incidents'; pageNumber?: number }
  | { page: 'incident'; id: string }
  | { page: 'maintenance' }
  | { page: 'subscribe' }
  | { page: 'reports' }
  | { page: 'report'; period: string }
  | { page: 'attestation'; serviceId: string; incidentId: string }
  | { page: InfoPage };

export function pathFor(locale: Locale, ref: PageRef): string {
  switch (ref.page) {
    case 'overview':
      return `/${locale}/`;
    case 'affected':
      return `/${locale}/${AFFECTED_SLUGS[locale]}`;
    case 'service':
      return `/${locale}/services/${encodeURIComponent(ref.id)}`;
    case 'incidents':
      return ref.pageNumber && ref.pageNumber > 1 ? `/${locale}/incidents?page=${ref.pageNumber}` : `/${locale}/incidents`;
    case 'incident':
      return `/${locale}/incidents/${encodeURIComponent(ref.id)}`;
    case 'maintenance':
      return `/${locale}/maintenance`;
    case 'subscribe':
      return subscriptionPath(locale, 'subscribe');
    case 'reports':
      return `/${locale}/${REPORTS_SLUGS[locale]}`;
    case 'report':
      return `/${locale}/${REPORTS_SLUGS[locale]}/${encodeURIComponent(ref.period)}`;
    case 'attestation':
      return `/${locale}/services/${encodeURIComponent(ref.serviceId)}/attestations/${encodeURIComponent(ref.incidentId)}`;
    default:
      return `/${locale}/${INFO_SLUGS[locale][ref.page]}`;
  }
}

/** The information page a slug names in that language, or null (a 404). */
export function infoPageFromSlug(locale: Locale, slug: string | undefined): InfoPage | null {
  return INFO_PAGES.find((page) => INFO_SLUGS[locale][page] === slug) ?? null;
}

export const FEED_FORMATS = ['rss', 'atom'] as const;
export type FeedFormat = (typeof FEED_FORMATS)[number];

const FEED_EXTENSION: Record<FeedFormat, string> = { rss: 'xml', atom: 'atom' };

/** The feed of every incident and maintenance, or of one service. */
export function feedPath(locale: Locale, format: FeedFormat, serviceId?: string): string {
  const base = serviceId ? `/${locale}/services/${encodeURIComponent(serviceId)}` : `/${locale}`;
  return `${base}/feed.${FEED_EXTENSION[format]}`;
}

/** A report as data: `/fr/rapports/2026-03.csv`. */
export function reportFilePath(locale: Locale, period: string, format: 'csv' | 'json'): string {
  return `${pathFor(locale, { page: 'report', period })}.${format}`;
}

/** An attestation's canonical content and its signature, beside its page. */
export function attestationFilePath(
  locale: Locale,
  serviceId: string,
  incidentId: string,
  file: 'attestation.json' | 'attestation.sig',
): string {
  return `${pathFor(locale, { page: 'attestation', serviceId, incidentId })}/${file}`;
}

/** The current state in plain text, for assistants and scripts. */
export const STATE_TEXT_PATHS: Record<Locale, string> = { fr: '/fr/etat.txt', en: '/en/status.txt' };

/** Planned maintenance and dated closures as iCalendar, of every service or of one. */
export function calendarPath(locale: Locale, serviceId?: string): string {
  return serviceId ? `/${locale}/services/${encodeURIComponent(serviceId)}/maintenance.ics` : `/${locale}/maintenance.ics`;
}

export function absoluteUrl(publicUrl: string, path: string): string {
  return `${trimTrailingSlashes(publicUrl)}${path}`;
}
