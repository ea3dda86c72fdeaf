import type { Availability } from '../domain/availability.ts';
import { parisDayKey } from '../domain/paris-time.ts';
import type { Alternative } from '../domain/guidance.ts';
import type { Locale } from '../domain/vocabulary.ts';
import { formatDayTime, formatTime } from './format.ts';
import { t } from './index.ts';

/** The words around an alternative, shared by the site's rows and pages, the feeds and the messages to subscribers. */

/**
 * « ouvert jusqu'à 18 h », « fermé, ouvre le lundi 7 décembre à 8 h 30 », « accessible à tout moment ».
 * Null for a phone line or a counter given without hours: the catalogue does not know them, and
 * "at any time" would send people to a closed door.
 */
export function availabilityWords(
  alternative: Pick<Alternative, 'hours' | 'kind'>,
  availability: Availability,
  locale: Locale,
  now: Date,
): string | null {
  const g = t(locale).guidance;
  if (!availability.open) {
    const opens = availability.opensAt;
    if (!opens) return g.closed;
    return g.closedOpens(formatDayTime(opens, locale, { weekday: true }));
  }
  if (!availability.until) {
    if (alternative.hours) return g.openNow;
    return alternative.kind === 'phone' || alternative.kind === 'place' ? null : g.anyTime;
  }
  return parisDayKey(availability.until) === parisDayKey(now)
    ? g.openUntil(formatTime(availability.until, locale))
    : g.openUntilDay(formatDayTime(availability.until, locale));
}

/** What to dial or where to go: the number for a phone line, the label otherwise. */
export function alternativeMain(alternative: Alternative, locale: Locale): string {
  return alternative.kind === 'phone' && alternative.number ? alternative.number : alternative.label[locale];
}

/** `tel:3939` for a phone line, the address otherwise; null when there is nothing to follow. */
export function alternativeHref(alternative: Alternative): string | null {
  if (alternative.kind === 'phone' && alternative.number) return `tel:${alternative.number.replaceAll(' ', '')}`;
  return alternative.url ?? null;
}

/** « Par téléphone : 39 39, ouvert jusqu'à 18 h »: plain text for feeds, emails and webhooks. */
export function alternativeSentence(alternative: Alternative, availability: Availability, locale: Locale, now: Date): string {
  const d = t(locale);
  const where =
    alternative.kind === 'phone'
      ? alternativeMain(alternative, locale)
      : `${alternative.label[locale]}${alternative.url ? ` (${alternative.url})` : ''}`;
  const when = availabilityWords(alternative, availability, locale, now);
  return `${d.guidance.kinds[alternative.kind]}${d.colon}${where}${when ? `, ${when}` : ''}`;
}

/** « Date limite : 22 mai à 23 h 59 (déclaration en ligne) », or « Date limite reportée au 24 mai à 23 h 59 (…), au lieu du 22 mai à 23 h 59 ». */
export function deadlineSentence(
  deadline: { name: { fr: string; en: string }; at: Date; extendedFrom: Date | null },
  locale: Locale,
): string {
  const g = t(locale).guidance;
  const when = formatDayTime(deadline.at, locale);
  const named = `${deadline.extendedFrom ? g.deadlineExtended(when) : g.deadline(when)} (${deadline.name[locale]})`;
  return deadline.extendedFrom ? `${named}, ${g.deadlinePrevious(formatDayTime(deadline.extendedFrom, locale))}` : named;
}
