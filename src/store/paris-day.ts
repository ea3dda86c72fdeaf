import { TIME_ZONE } from '../domain/vocabulary.ts';

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

/** How far Paris wall-clock time is ahead of UTC at `ms` (3600000 or 7200000). */
function offsetAt(ms: number): number {
  const p = Object.fromEntries(parts.formatToParts(new Date(ms)).map((x) => [x.type, x.value]));
  const wall = Date.UTC(Number(p.year), Number(p.month) - 1, Number(p.day), Number(p.hour), Number(p.minute), Number(p.second));
  return wall - Math.floor(ms / 1000) * 1000;
}

/**
 * The instant the Paris calendar day containing `ms` began. Days are 23 or 25 hours long around
 * DST changes; midnight itself is never skipped, since Paris changes clocks at 02:00/03:00.
 */
export function parisDayStart(ms: number): number {
  const p = Object.fromEntries(parts.formatToParts(new Date(ms)).map((x) => [x.type, x.value]));
  const wallMidnight = Date.UTC(Number(p.year), Number(p.month) - 1, Number(p.day));
  let guess = wallMidnight - offsetAt(ms);
  guess = wallMidnight - offsetAt(guess);
  return guess;
}

/** The start of the next Paris day: 30 h is past any 25-hour day and short of two 23-hour ones. */
export function nextParisDayStart(dayStart: number): number {
  return parisDayStart(dayStart + 30 * 3_600_000);
}
