import { parisDayKey, parisDayStartOfKey } from './paris-time.ts';
import type { ReportPeriodKind } from './vocabulary.ts';

/**
 * Calendar periods in Paris: months (the rollups' longest bucket), quarters and years. A month is
 * its Paris days end to end, so March has 743 hours and October 745; a quarter or a year is its
 * months end to end.
 */
export interface ParisPeriod {
  kind: ReportPeriodKind;
  /** "2026-03", "2026-q1", "2026": the period's address in reports. */
  key: string;
  year: number;
  /** Month (1–12) or quarter (1–4); 0 for a year. */
  index: number;
  start: Date;
  end: Date;
  /** Its months' keys ("2026-01"…), oldest first. */
  months: string[];
}

const two = (n: number): string => String(n).padStart(2, '0');

/** The instant Paris month `year-month` begins (month may run past 12: the next year's). */
function monthStart(year: number, month: number): Date {
  const y = year + Math.floor((month - 1) / 12);
  const m = ((((month - 1) % 12) + 12) % 12) + 1;
  return parisDayStartOfKey(`${y}-${two(m)}-01`);
}

function period(kind: ReportPeriodKind, year: number, index: number): ParisPeriod {
  const [first, count] = kind === 'month' ? [index, 1] : kind === 'quarter' ? [(index - 1) * 3 + 1, 3] : [1, 12];
  const months = Array.from({ length: count }, (_, i) => `${year}-${two(first + i)}`);
  const key = kind === 'month' ? `${year}-${two(index)}` : kind === 'quarter' ? `${year}-q${index}` : String(year);
  return { kind, key, year, index, start: monthStart(year, first), end: monthStart(year, first + count), months };
}

/** The period a key names ("2026-03", "2026-q1", "2026"), or null when it names none. */
export function parsePeriodKey(key: string): ParisPeriod | null {
  const match = /^(\d{4})(?:-(?:(0[1-9]|1[0-2])|q([1-4])))?$/.exec(key);
  if (!match) return null;
  const year = Number(match[1]);
  if (year < 2000 || year > 2999) return null;
  if (match[2]) return period('month', year, Number(match[2]));
  if (match[3]) return period('quarter', year, Number(match[3]));
  return period('year', year, 0);
}

/** The period of `kind` containing this instant. */
export function periodContaining(kind: ReportPeriodKind, instant: Date): ParisPeriod {
  const [year = 2000, month = 1] = parisDayKey(instant).split('-').map(Number);
  if (kind === 'month') return period('month', year, month);
  if (kind === 'quarter') return period('quarter', year, Math.ceil(month / 3));
  return period('year', year, 0);
}

// Every check asks for its month twice; nearly all fall in the month the previous one did.
let lastMonth = { start: 0, end: 0 };
function monthAround(ms: number): { start: number; end: number } {
  if (ms >= lastMonth.start && ms < lastMonth.end) return lastMonth;
  const month = periodContaining('month', new Date(ms));
  lastMonth = { start: month.start.getTime(), end: month.end.getTime() };
  return lastMonth;
}

/** The instant the Paris month containing `ms` began: the bucket of monthly rollups. */
export function parisMonthStart(ms: number): number {
  return monthAround(ms).start;
}

/** The start of the Paris month after the one beginning at `start`. */
export function nextParisMonthStart(start: number): number {
  return monthAround(start).end;
}

/**
 * Every period of every kind from the one containing `from` to the one containing `to`, newest
 * first within each kind: what a reports index lists.
 */
export function periodsBetween(kind: ReportPeriodKind, from: Date, to: Date): ParisPeriod[] {
  const periods: ParisPeriod[] = [];
  for (let p = periodContaining(kind, to); p.end.getTime() > from.getTime(); p = periodContaining(kind, new Date(p.start.getTime() - 1))) {
    periods.push(p);
  }
  return periods;
}
