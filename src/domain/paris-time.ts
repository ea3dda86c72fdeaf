import { TIME_ZONE } from './vocabulary.ts';

/**
 * Europe/Paris wall-clock arithmetic, in one place: daily rollups and uptime bars are Paris days
 * (23 or 25 hours long on DST changes), staff type maintenance windows in Paris time, and the API
 * writes Paris offsets. Midnight always exists in Paris, which changes clocks at 02:00/03:00.
 */
const wall = new Intl.DateTimeFormat('en-GB', {
  timeZone: TIME_ZONE,
  hourCycle: 'h23',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
});

interface WallClock {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

function wallClock(ms: number): WallClock {
  const get: Record<string, number> = {};
  for (const part of wall.formatToParts(new Date(ms))) if (part.type !== 'literal') get[part.type] = Number(part.value);
  return {
    year: get.year ?? 0,
    month: get.month ?? 1,
    day: get.day ?? 1,
    hour: get.hour ?? 0,
    minute: get.minute ?? 0,
    second: get.second ?? 0,
  };
}

/** How far Paris wall-clock time is ahead of UTC at `ms` (3600000 or 7200000). */
function offsetMs(ms: number): number {
  const w = wallClock(ms);
  return Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second) - Math.floor(ms / 1000) * 1000;
}

/** The instant a Paris wall-clock time names; two passes settle the offset across a clock change. */
function wallToInstant(asUtc: number): number {
  const first = asUtc - offsetMs(asUtc);
  return asUtc - offsetMs(first);
}

const two = (n: number): string => String(n).padStart(2, '0');

/** The instant the Paris calendar day containing `ms` began. */
export function parisDayStart(ms: number): number {
  const w = wallClock(ms);
  return wallToInstant(Date.UTC(w.year, w.month - 1, w.day));
}

/** The start of the next Paris day: 30 h is past any 25-hour day and short of two 23-hour ones. */
export function nextParisDayStart(dayStart: number): number {
  return parisDayStart(dayStart + 30 * 3_600_000);
}

/** "YYYY-MM-DD" of the Paris calendar day containing this instant. */
export function parisDayKey(instant: Date): string {
  const w = wallClock(instant.getTime());
  return `${w.year}-${two(w.month)}-${two(w.day)}`;
}

/** The instant Paris day `key` ("YYYY-MM-DD") begins, as the store buckets daily rollups. */
export function parisDayStartOfKey(key: string): Date {
  const [y = 0, m = 1, d = 1] = key.split('-').map(Number);
  // Noon UTC of a date is always within that same Paris day.
  return new Date(parisDayStart(Date.UTC(y, m - 1, d, 12)));
}

/** The key of the Paris day `n` days after `key` (negative for before). */
export function addParisDays(key: string, n: number): string {
  const [y = 0, m = 1, d = 1] = key.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d + n)).toISOString().slice(0, 10);
}

export interface ParisDay {
  key: string;
  start: Date;
  end: Date;
}

// Each day needs several Intl calls; an overview asks for the same 90 days once per service.
const recentCalendars = new Map<string, readonly ParisDay[]>();

/** The Paris days ending with the one containing `now`, oldest first, with their bounds. */
export function lastParisDays(now: Date, days: number): readonly ParisDay[] {
  const today = parisDayKey(now);
  const memoKey = `${today}|${days}`;
  const known = recentCalendars.get(memoKey);
  if (known) return known;
  const result: ParisDay[] = [];
  for (let i = days - 1; i >= 0; i--) {
    const key = addParisDays(today, -i);
    result.push({ key, start: parisDayStartOfKey(key), end: parisDayStartOfKey(addParisDays(key, 1)) });
  }
  if (recentCalendars.size >= 8) recentCalendars.clear();
  recentCalendars.set(memoKey, Object.freeze(result));
  return result;
}

/** ISO 8601 in Paris local time with its offset ("2026-11-24T22:05:00.000+01:00"), as Statuspage writes. */
export function isoParis(instant: Date): string {
  const ms = instant.getTime();
  const offset = offsetMs(ms);
  const local = new Date(ms + offset).toISOString().slice(0, -1);
  const minutes = Math.round(offset / 60_000);
  return `${local}${minutes >= 0 ? '+' : '-'}${two(Math.floor(Math.abs(minutes) / 60))}:${two(Math.abs(minutes) % 60)}`;
}

/**
 * The instant a Paris wall-clock time ("2026-03-29", "02:30") names, or null when the text is not
 * a date and time, or names a time that does not exist (skipped by the spring clock change).
 */
export function parisWallClockToUtc(date: string, time: string): Date | null {
  const d = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date.trim());
  const t = /^(\d{2}):(\d{2})$/.exec(time.trim());
  if (!d || !t) return null;
  const [y, mo, da, h, mi] = [d[1], d[2], d[3], t[1], t[2]].map(Number) as [number, number, number, number, number];
  if (mo < 1 || mo > 12 || da < 1 || da > 31 || h > 23 || mi > 59) return null;
  const instant = new Date(wallToInstant(Date.UTC(y, mo - 1, da, h, mi)));
  const back = utcToParisInputs(instant);
  return back.date === date.trim() && back.time === time.trim() ? instant : null;
}

/** The Paris day ("YYYY-MM-DD") and minute of that day (0 to 1439) at this instant. */
export function parisDayMinute(instant: Date): { key: string; minute: number } {
  const w = wallClock(instant.getTime());
  return { key: `${w.year}-${two(w.month)}-${two(w.day)}`, minute: w.hour * 60 + w.minute };
}

/**
 * The first instant Paris clocks show `minute` (0 to 1440) of day `key` or later. A time the spring
 * change skips names the instant clocks jump past it; a time the autumn change repeats names the
 * first of its two instants.
 */
export function parisDayMinuteToInstant(key: string, minute: number): Date {
  const [y = 0, m = 1, d = 1] = key.split('-').map(Number);
  const asUtc = Date.UTC(y, m - 1, d, 0, minute);
  const instant = wallToInstant(asUtc);
  const wallOf = (ms: number) => ms + offsetMs(ms);
  if (wallOf(instant) === asUtc) {
    // Repeated by the autumn change: the first time clocks show it.
    const hourBefore = instant - 3_600_000;
    return new Date(wallOf(hourBefore) === asUtc ? hourBefore : instant);
  }
  // Skipped: search the second at which the wall clock first passes the asked time.
  let before = asUtc - 2 * 3_600_000;
  let after = asUtc - 3_600_000;
  while (after - before > 1000) {
    const mid = Math.floor((before + after) / 2000) * 1000;
    if (wallOf(mid) < asUtc) before = mid;
    else after = mid;
  }
  return new Date(after);
}

/** Values for `<input type="date">` and `<input type="time">` showing this instant in Paris. */
export function utcToParisInputs(instant: Date): { date: string; time: string } {
  const w = wallClock(instant.getTime());
  return { date: `${w.year}-${two(w.month)}-${two(w.day)}`, time: `${two(w.hour)}:${two(w.minute)}` };
}
