import type { NotificationEvent } from '../domain/notification-events.ts';
import type { Draft, Locale } from '../domain/vocabulary.ts';
import { t } from '../i18n/index.ts';
import { localText } from '../i18n/local-text.ts';
import { formatDateTime, formatDuration, formatWindow } from '../i18n/format.ts';
import { nameOf, type ServiceNames } from '../status/service-names.ts';
import { pathFor } from '../addresses/routes.ts';
import { availabilityAt } from '../domain/availability.ts';
import type { Alternative } from '../domain/guidance.ts';
import { alternativeSentence } from '../i18n/guidance-words.ts';

/** A service's other ways to do what it does (the catalogue's `alternatives`); none when it lists none. */
export type ServiceAlternatives = (serviceId: string) => readonly Alternative[];

/** A piece of text and the language it is written in (French text in an English message says so). */
export interface Text {
  text: string;
  lang: Locale;
}

/** One event as a message shows it: a heading, paragraphs, and the page that tells more. */
export interface MessageItem {
  /** A short line for the subject when the message tells only this. */
  subject: string;
  /** A service down or working again, for a subject that lists them when the message tells several things. */
  news?: { change: 'down' | 'up'; name: string };
  /** What happened ("New incident"), before a heading written by staff. */
  label: Text | null;
  heading: Text;
  paragraphs: Text[];
  /** Markdown staff wrote, shown as such in text and rendered in HTML. */
  body: Text | null;
  path: string;
}

/** Staff text in the reader's language, or the French while the translation is awaited. */
function pick(draft: Draft, locale: Locale): { text: Text; missing: boolean } {
  const shown = localText(draft, locale);
  return { text: { text: shown.text, lang: shown.pending ? 'fr' : locale }, missing: shown.pending };
}

/** The line that says which part is still French, if any. */
function frenchPart(locale: Locale, title: boolean, body: boolean): Text | null {
  const parts = t(locale).notify.mail.translationToFollow;
  const text = title && body ? parts.both : title ? parts.title : body ? parts.body : null;
  return text === null ? null : { text, lang: locale };
}

/**
 * Pure: what a message says about each event, in `locale`. An outage says what to do instead, each
 * way open or closed at `now` (when the message is written).
 */
export function messageItems(
  events: readonly NotificationEvent[],
  locale: Locale,
  names: ServiceNames,
  instead: { alternatives: ServiceAlternatives; now: Date } = { alternatives: () => [], now: new Date(0) },
): MessageItem[] {
  const d = t(locale).notify.mail;
  const own = (text: string): Text => ({ text, lang: locale });
  const whatNow = (serviceId: string): Text[] => {
    const ways = instead.alternatives(serviceId);
    if (ways.length === 0) return [];
    const sentences = ways.map((a) => own(alternativeSentence(a, availabilityAt(a.hours, instead.now), locale, instead.now)));
    return [own(t(locale).guidance.alternativesTitle), ...sentences];
  };
  const serviceList = (ids: readonly string[]) => ids.map((id) => nameOf(names, id)[locale]).join(', ');
  return events.map(({ payload: p }) => {
    switch (p.kind) {
      case 'outage_confirmed':
        return {
          subject: d.subjectDown(nameOf(names, p.serviceId)[locale]),
          news: { change: 'down', name: nameOf(names, p.serviceId)[locale] },
          label: null,
          heading: own(d.outageConfirmed(nameOf(names, p.serviceId)[locale], formatDateTime(new Date(p.startedAt), locale))),
          paragraphs: [
            ...(p.dependents?.length ? [own(t(locale).waves.dependencies.dependents(serviceList(p.dependents)))] : []),
            ...whatNow(p.serviceId),
          ],
          body: null,
          path: pathFor(locale, { page: 'service', id: p.serviceId }),
        };
      case 'outage_recovered': {
        const seconds = (Date.parse(p.resolvedAt) - Date.parse(p.startedAt)) / 1000;
        const at = formatDateTime(new Date(p.resolvedAt), locale);
        return {
          subject: d.subjectUp(nameOf(names, p.serviceId)[locale]),
          news: { change: 'up', name: nameOf(names, p.serviceId)[locale] },
          label: null,
          heading: own(d.outageRecovered(nameOf(names, p.serviceId)[locale], at, formatDuration(seconds, locale))),
          paragraphs: [],
          body: null,
          path: pathFor(locale, { page: 'service', id: p.serviceId }),
        };
      }
      case 'incident_published':
      case 'incident_updated':
      case 'incident_resolved': {
        const title = pick(p.title, locale);
        const body = pick(p.body, locale);
        const paragraphs = p.serviceIds.length > 0 ? [own(d.services(serviceList(p.serviceIds)))] : [];
        const french = frenchPart(locale, title.missing, body.missing);
        if (french) paragraphs.unshift(french);
        return {
          subject: `${d.incident[p.kind]}${t(locale).colon}${title.text.text}`,
          label: own(d.incident[p.kind]),
          heading: title.text,
          paragraphs,
          body: body.text,
          path: pathFor(locale, { page: 'incident', id: p.incidentId }),
        };
      }
      case 'maintenance_scheduled':
      case 'maintenance_started':
      case 'maintenance_completed':
      case 'maintenance_cancelled': {
        const title = pick(p.title, locale);
        const window = formatWindow(new Date(p.startsAt), new Date(p.endsAt), locale);
        const paragraphs = [
          own(p.kind === 'maintenance_cancelled' ? t(locale).maintenance.cancelledWindow(window) : d.window(window)),
          own(d.services(serviceList(p.serviceIds))),
        ];
        const french = frenchPart(locale, title.missing, false);
        if (french) paragraphs.unshift(french);
        return {
          subject: `${d.maintenance[p.kind]}${t(locale).colon}${title.text.text}`,
          label: own(d.maintenance[p.kind]),
          heading: title.text,
          paragraphs,
          body: null,
          path: pathFor(locale, { page: 'maintenance' }),
        };
      }
    }
  });
}
