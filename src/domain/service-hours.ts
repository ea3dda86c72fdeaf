import { addParisDays, parisDayMinute, parisDayMinuteToInstant } from './paris-time.ts';
import { WEEKDAYS, type Weekday } from './vocabulary.ts';

/**
 * A service's opening hours, in Paris wall-clock time: some public services close on purpose
 * (nightly batch windows, weekends for some procedures). Outside them the service is closed as
 * planned: failures open no outage and the time is left out of uptime, like maintenance.
 */

/** Minutes of a Paris day, `from` included, `to` excluded (1440 for "until the end of the day"). */
export interface OpeningRange {
  from: number;
  to: number;
}

export interface ServiceHours {
  /** A weekday left out is closed all day. */
  weekly: Record<Weekday, OpeningRange[]>;
  /** Dated exceptions ("YYYY-MM-DD" in Paris) replacing that day's weekly hours; `[]` is closed all day. */
  exceptions: Record<string, OpeningRange[]>;
}

export type HoursStatus = { open: true } | { open: false; opensAt: Date | null };

/** How far ahead an opening is searched: a year of exceptions, and then some. */
const HORIZON_DAYS = 400;

export function weekdayOf(key: string): Weekday {
  // 2024-01-01 was a Monday; day keys are calendar dates, so UTC arithmetic on them is exact.
  const days = Math.round((Date.parse(`${key}T00:00:00Z`) - Date.UTC(2024, 0, 1)) / 86_400_000);
  return WEEKDAYS[((days % 7) + 7) % 7] as Weekday;
}

export function rangesOn(hours: ServiceHours, key: string): OpeningRange[] {
  return hours.exceptions[key] ?? hours.weekly[weekdayOf(key)];
}

export function isOpen(hours: ServiceHours | null, at: Date): boolean {
  if (!hours) return true;
  const { key, minute } = parisDayMinute(at);
  return rangesOn(hours, key).some((r) => r.from <= minute && minute < r.to);
}

/** Open now, or closed with the next instant it opens (null when no opening is scheduled ahead). */
export function hoursStatus(hours: ServiceHours | null, at: Date): HoursStatus {
  if (!hours || isOpen(hours, at)) return { open: true };
  const today = parisDayMinute(at).key;
  for (let i = 0; i < HORIZON_DAYS; i++) {
    const key = addParisDays(today, i);
    const starts = rangesOn(hours, key)
      .map((r) => r.from)
      .sort((a, b) => a - b);
    for (const from of starts) {
      const instant = opening(key, from, at);
      if (instant) return { open: false, opensAt: instant };
    }
  }
  return { open: false, opensAt: null };
}

/** The first instant after `at` that Paris clocks show `minute` of day `key`, the autumn repeat included. */
function opening(key: string, minute: number, at: Date): Date | null {
  const first = parisDayMinuteToInstant(key, minute);
  if (first.getTime() > at.getTime()) return first;
  const repeat = new Date(first.getTime() + 3_600_000);
  const shown = parisDayMinute(repeat);
  return shown.key === key && shown.minute === minute && repeat.getTime() > at.getTime() ? repeat : null;
}

/** "08:30-18:00" as minutes; "24:00" may end a range. Null when the text is not such a range. */
export function parseOpeningRange(text: string): OpeningRange | null {
  const match = /^([01]\d|2[0-3]):([0-5]\d)-(?:([01]\d|2[0-3]):([0-5]\d)|(24):00)$/.exec(text);
  if (!match) return null;
  const [, h1, m1, h2, m2, end] = match;
  const from = Number(h1) * 60 + Number(m1);
  const to = end ? 1440 : Number(h2) * 60 + Number(m2);
  return { from, to };
}
