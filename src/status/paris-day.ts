import { TIME_ZONE } from '../domain/vocabulary.ts';
import { parisDayStart as storeParisDayStart } from '../store/paris-day.ts';

/**
 * Europe/Paris calendar days as UTC instants. Daily rollups and uptime bars are Paris days, which
 * last 23 or 25 hours on DST changes; midnight always exists in Paris (changes happen at 02:00/03:00).
 */
const parts = new Intl.DateTimeFormat('en-GB', {
  timeZone: TIME_ZONE,
  hourCycle: 'h23',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
});

function wallClock(instant: number): { y: number; m: number; d: number; h: number; min: number; s: number } {
  const get = Object.fromEntries(parts.formatToParts(instant).map((p) => [p.type, Number(p.value)]));
  return { y: get.year ?? 0, m: get.month ?? 0, d: get.day ?? 0, h: get.hour ?? 0, min: get.minute ?? 0, s: get.second ?? 0 };
}

/** Paris offset from UTC at this instant, in milliseconds (+1 h or +2 h). */
function offsetMs(instant: number): number {
  const w = wallClock(instant);
  const asUtc = Date.UTC(w.y, w.m - 1, w.d, w.h, w.min, w.s);
  return asUtc - Math.floor(instant / 1000) * 1000;
}

/** "YYYY-MM-DD" of the Paris calendar day containing this instant. */
export function parisDayKey(instant: Date): string {
  const w = wallClock(instant.getTime());
  return `${w.y}-${String(w.m).padStart(2, '0')}-${String(w.d).padStart(2, '0')}`;
}

/** The instant Paris day `key` ("YYYY-MM-DD") begins, as the store buckets daily rollups. */
export function parisDayStart(key: string): Date {
  const [y = 0, m = 1, d = 1] = key.split('-').map(Number);
  // Noon UTC of a date is always within that same Paris day.
  return new Date(storeParisDayStart(Date.UTC(y, m - 1, d, 12)));
}

/** The key of the Paris day `n` days after `key` (negative for before). */
export function addParisDays(key: string, n: number): string {
  const [y = 0, m = 1, d = 1] = key.split('-').map(Number);
  const shifted = new Date(Date.UTC(y, m - 1, d + n));
  return shifted.toISOString().slice(0, 10);
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
    result.push({ key, start: parisDayStart(key), end: parisDayStart(addParisDays(key, 1)) });
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
  const sign = minutes >= 0 ? '+' : '-';
  const abs = Math.abs(minutes);
  return `${local}${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
}
