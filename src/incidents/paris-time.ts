import { TIME_ZONE } from '../domain/vocabulary.ts';

/**
 * Staff type maintenance windows in Paris wall-clock time; the store keeps UTC. Conversions go
 * through Intl so summer/winter time is always right, and form fields are prefilled the same way.
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

function wallParts(instant: number): Record<string, number> {
  const parts: Record<string, number> = {};
  for (const p of wall.formatToParts(new Date(instant))) if (p.type !== 'literal') parts[p.type] = Number(p.value);
  return parts;
}

function offsetMs(instant: number): number {
  const w = wallParts(instant);
  const asUtc = Date.UTC(w.year ?? 0, (w.month ?? 1) - 1, w.day ?? 1, w.hour ?? 0, w.minute ?? 0, w.second ?? 0);
  return asUtc - Math.floor(instant / 1000) * 1000;
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
  const asUtc = Date.UTC(y, mo - 1, da, h, mi);
  // Two passes settle the offset on either side of a clock change.
  let instant = asUtc - offsetMs(asUtc);
  instant = asUtc - offsetMs(instant);
  const back = utcToParisInputs(new Date(instant));
  return back.date === date.trim() && back.time === time.trim() ? new Date(instant) : null;
}

/** Values for `<input type="date">` and `<input type="time">` showing this instant in Paris. */
export function utcToParisInputs(instant: Date): { date: string; time: string } {
  const w = wallParts(instant.getTime());
  const two = (n: number | undefined) => String(n ?? 0).padStart(2, '0');
  return { date: `${w.year}-${two(w.month)}-${two(w.day)}`, time: `${two(w.hour)}:${two(w.minute)}` };
}
