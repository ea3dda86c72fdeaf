import { parisDayKey } from '../domain/paris-time.ts';
import { TIME_ZONE, type Locale } from '../domain/vocabulary.ts';
import { pluralForm } from './plural.ts';

/**
 * Dates, durations and numbers as each language writes them, always in Paris time: French prose
 * says « 22 h 05 », « 0 h 30 » and « 22 h », English (en-GB) "22:05". Hours are written out
 * (« 0 h », "00:00"), never "midnight".
 */

const NBSP = '\u00a0';
const INTL_LOCALE: Record<Locale, string> = { fr: 'fr-FR', en: 'en-GB' };

/** The few words that glue formatted parts together; the dictionaries hold everything else. */
const GLUE = {
  fr: { at: 'à', on: 'le', from: 'du', to: 'au', fromTime: 'de', toTime: 'à', ago: (x: string) => `il y a ${x}`, zone: 'heure de Paris' },
  en: { at: 'at', on: 'on', from: 'from', to: 'to', fromTime: 'from', toTime: 'to', ago: (x: string) => `${x} ago`, zone: 'Paris time' },
} as const;

const cache = new Map<string, Intl.DateTimeFormat>();
function dtf(locale: Locale, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale}|${JSON.stringify(options)}`;
  let format = cache.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(INTL_LOCALE[locale], { timeZone: TIME_ZONE, ...options });
    cache.set(key, format);
  }
  return format;
}

// Building an Intl formatter costs far more than using one: pages format hundreds of values.
const numberCache = new Map<string, Intl.NumberFormat>();
function nf(locale: Locale, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = `${locale}|${JSON.stringify(options)}`;
  let format = numberCache.get(key);
  if (!format) {
    format = new Intl.NumberFormat(INTL_LOCALE[locale], options);
    numberCache.set(key, format);
  }
  return format;
}

/** « 22 h 05 », « 0 h 30 », « 22 h » / "22:05", "00:30", "22:00" (Paris time). */
export function formatTime(date: Date, locale: Locale): string {
  const parts = dtf(locale, { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).formatToParts(date);
  const hour = parts.find((p) => p.type === 'hour')?.value ?? '00';
  const minute = parts.find((p) => p.type === 'minute')?.value ?? '00';
  if (locale === 'en') return `${hour}:${minute}`;
  const h = `${Number(hour)}${NBSP}h`;
  return minute === '00' ? h : `${h}${NBSP}${minute}`;
}

/** « 1er novembre 2026 » / "1 November 2026"; `weekday` adds « lundi » / "Monday". */
export function formatDate(date: Date, locale: Locale, options: { weekday?: boolean; year?: boolean } = {}): string {
  const parts = dtf(locale, {
    day: 'numeric',
    month: 'long',
    ...(options.year === false ? {} : { year: 'numeric' }),
    ...(options.weekday ? { weekday: 'long' } : {}),
  }).formatToParts(date);
  return parts
    .map((p) => (locale === 'fr' && p.type === 'day' && p.value === '1' ? '1er' : p.value))
    .join('')
    .replace(/^(\p{L}+),/u, '$1')
    .replace(/ /g, NBSP);
}

/** « 17 nov. » / "17 Nov": chart axes, where room is short. */
export function formatShortDate(date: Date, locale: Locale): string {
  return dtf(locale, { day: 'numeric', month: 'short' }).format(date).replace(/ /g, NBSP);
}

/** « 24 novembre 2026 à 22 h 05 » / "24 November 2026 at 22:05". */
export function formatDateTime(date: Date, locale: Locale): string {
  return `${formatDate(date, locale)} ${GLUE[locale].at} ${formatTime(date, locale)}`;
}

/** « 22 mai à 23 h 59 » / "22 May at 23:59": a date close at hand, whose year goes without saying; `weekday` adds « lundi » / "Monday". */
export function formatDayTime(date: Date, locale: Locale, options: { weekday?: boolean } = {}): string {
  return `${formatDate(date, locale, { year: false, ...options })} ${GLUE[locale].at} ${formatTime(date, locale)}`;
}

/** As formatDateTime, followed by « (heure de Paris) » / "(Paris time)". */
export function formatDateTimeZoned(date: Date, locale: Locale): string {
  return `${formatDateTime(date, locale)} (${GLUE[locale].zone})`;
}

export function parisTimeLabel(locale: Locale): string {
  return GLUE[locale].zone;
}

/** A Paris calendar day given as YYYY-MM-DD: « lundi 23 novembre 2026 » / "Monday 23 November 2026". */
export function formatDayKey(day: string, locale: Locale, options: { weekday?: boolean; year?: boolean } = {}): string {
  const [y = 1970, m = 1, d = 1] = day.split('-').map(Number);
  // Noon UTC of that date falls on the same calendar day in Paris whatever the season.
  return formatDate(new Date(Date.UTC(y, m - 1, d, 12)), locale, options);
}

/** « le 24 novembre 2026 de 22 h 00 à 23 h 30 » / "from 24 November 2026 at 22:00 to 25 November 2026 at 02:00". */
export function formatWindow(start: Date, end: Date, locale: Locale): string {
  const g = GLUE[locale];
  if (parisDayKey(start) === parisDayKey(end)) {
    return `${g.on} ${formatDate(start, locale)} ${g.fromTime} ${formatTime(start, locale)} ${g.toTime} ${formatTime(end, locale)}`;
  }
  return `${g.from} ${formatDateTime(start, locale)} ${g.to} ${formatDateTime(end, locale)}`;
}

const DURATION_WORDS = {
  fr: { day: { one: 'jour', other: 'jours' }, hour: { one: 'h', other: 'h' } },
  en: { day: { one: 'day', other: 'days' }, hour: { one: 'h', other: 'h' } },
} as const;

/**
 * The one duration format of pages, feeds and notices: « 40 s », « 12 min », « 2 h 5 min »,
 * « 2 jours 3 h » / "2 h 5 min", "2 days 3 h": days in words (service-public.fr writes « 2 jours »;
 * English has no usual abbreviation for them), hours abbreviated as everywhere else.
 */
export function formatDuration(seconds: number, locale: Locale): string {
  const s = Math.max(0, Math.round(seconds));
  const unit = (n: number, u: string) => `${n}${NBSP}${u}`;
  if (s < 60) return unit(s, 's');
  if (s < 3600) return unit(Math.floor(s / 60), 'min');
  if (s < 86_400) {
    const h = Math.floor(s / 3600);
    const m = Math.floor((s % 3600) / 60);
    return m === 0 ? unit(h, 'h') : `${unit(h, 'h')} ${unit(m, 'min')}`;
  }
  const words = DURATION_WORDS[locale];
  const d = Math.floor(s / 86_400);
  const h = Math.floor((s % 86_400) / 3600);
  const days = unit(d, pluralForm(locale, d, words.day));
  return h === 0 ? days : `${days} ${unit(h, pluralForm(locale, h, words.hour))}`;
}

/** « il y a 40 s » / "40 s ago"; a time in the future counts as now. */
export function formatAgo(then: Date, now: Date, locale: Locale): string {
  return GLUE[locale].ago(formatDuration(Math.max(0, (now.getTime() - then.getTime()) / 1000), locale));
}

/**
 * « 99,95 % » / "99.95%". Rounded down, so 99.996 % never reads as a perfect 100 %.
 */
export function formatPercent(value: number, locale: Locale, fractionDigits = 2): string {
  const factor = 10 ** fractionDigits;
  const floored = value >= 100 ? 100 : Math.floor(value * factor) / factor;
  return nf(locale, { style: 'percent', maximumFractionDigits: fractionDigits }).format(floored / 100);
}

/** « 1 250 ms » / "1,250 ms". */
export function formatMs(ms: number, locale: Locale): string {
  return `${formatNumber(Math.round(ms), locale)}${NBSP}ms`;
}

export function formatNumber(value: number, locale: Locale): string {
  return nf(locale, {}).format(value);
}

/** Whole minutes, rounded up so a 20-second cut does not read as "0 min". */
export function downMinutes(seconds: number): number {
  return Math.ceil(Math.max(0, seconds) / 60);
}

/** « Paris, Lyon et Montréal » / "Paris, Lyon and Montreal". */
export function formatList(items: readonly string[], locale: Locale): string {
  return new Intl.ListFormat(INTL_LOCALE[locale], { type: 'conjunction' }).format(items);
}

/** « mars 2026 » / "March 2026" (the Paris month containing `date`). */
export function formatMonth(date: Date, locale: Locale): string {
  return dtf(locale, { month: 'long', year: 'numeric' }).format(date).replace(/ /g, NBSP);
}
