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

export type PageRef =
  | { page: 'overview' }
  | { page: 'affected' }
  | { page: 'service'; id: string }
  | { page: 'incidents'; pageNumber?: number }
  | { page: 'incident'; id: string }
  | { page: 'maintenance' }
  | { page: 'subscribe' }
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

export function absoluteUrl(publicUrl: string, path: string): string {
  return `${trimTrailingSlashes(publicUrl)}${path}`;
}
