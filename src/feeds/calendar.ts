import type { Maintenance } from '../domain/incident-records.ts';
import { addParisDays, parisDayMinuteToInstant, parisDayStartOfKey } from '../domain/paris-time.ts';
import type { ServiceHours } from '../domain/service-hours.ts';

/**
 * Planned maintenance and dated closures as an iCalendar file (RFC 5545): one VEVENT per window,
 * times in UTC, a cancelled window kept with `STATUS:CANCELLED` so calendars that had it remove it.
 */
export interface CalendarEvent {
  uid: string;
  start: Date;
  end: Date;
  summary: string;
  description: string;
  url: string;
  stamp: Date;
  /** Increases with each change, so calendars take the newest version. */
  sequence: number;
  cancelled: boolean;
}

/** TEXT values: backslash, semicolon, comma and line breaks escaped (RFC 5545 §3.3.11). */
function text(value: string): string {
  return value.replace(/\\/g, '\\\\').replace(/;/g, '\\;').replace(/,/g, '\\,').replace(/\r?\n/g, '\\n');
}

/** Lines longer than 75 octets are folded: CRLF then a space, never inside a UTF-8 character. */
export function fold(line: string): string {
  const bytes = Buffer.from(line, 'utf8');
  if (bytes.length <= 75) return line;
  const parts: string[] = [];
  let start = 0;
  let limit = 75;
  while (start < bytes.length) {
    let end = Math.min(start + limit, bytes.length);
    while (end < bytes.length && (bytes[end]! & 0xc0) === 0x80) end -= 1;
    parts.push(bytes.subarray(start, end).toString('utf8'));
    start = end;
    limit = 74;
  }
  return parts.join('\r\n ');
}

const utc = (date: Date) =>
  date
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');

export function renderCalendar(calendar: { name: string; events: readonly CalendarEvent[] }): string {
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Vigie//Maintenance//FR',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    `X-WR-CALNAME:${text(calendar.name)}`,
  ];
  for (const e of calendar.events) {
    lines.push(
      'BEGIN:VEVENT',
      `UID:${e.uid}`,
      `DTSTAMP:${utc(e.stamp)}`,
      `DTSTART:${utc(e.start)}`,
      `DTEND:${utc(e.end)}`,
      `SEQUENCE:${e.sequence}`,
      `STATUS:${e.cancelled ? 'CANCELLED' : 'CONFIRMED'}`,
      'TRANSP:TRANSPARENT',
      `SUMMARY:${text(e.summary)}`,
      `DESCRIPTION:${text(e.description)}`,
      `URL:${e.url}`,
      'END:VEVENT',
    );
  }
  lines.push('END:VCALENDAR');
  return `${lines.map(fold).join('\r\n')}\r\n`;
}

/** A maintenance window's event; its sequence counts the seconds of edits since it was created. */
export function maintenanceEvent(
  m: Maintenance,
  words: { summary: string; description: string; url: string; host: string },
): CalendarEvent {
  const changed = m.cancelledAt ?? m.updatedAt;
  return {
    uid: `maintenance-${m.id}@${words.host}`,
    start: m.startsAt,
    end: m.endsAt,
    summary: words.summary,
    description: words.description,
    url: words.url,
    stamp: changed,
    sequence: Math.max(0, Math.floor((changed.getTime() - m.createdAt.getTime()) / 1000)),
    cancelled: m.cancelledAt !== null,
  };
}

/**
 * The closed stretches of a service's dated exceptions (from `fromDay` on): a day closed all day is
 * one stretch, a day with shorter hours gives the gaps between its openings.
 */
export function closuresOf(hours: ServiceHours | null, fromDay: string): { day: string; start: Date; end: Date }[] {
  if (!hours) return [];
  const closures: { day: string; start: Date; end: Date }[] = [];
  for (const day of Object.keys(hours.exceptions).sort()) {
    if (day < fromDay) continue;
    const ranges = [...(hours.exceptions[day] ?? [])].sort((a, b) => a.from - b.from);
    let cursor = 0;
    for (const range of [...ranges, { from: 1440, to: 1440 }]) {
      if (range.from > cursor) {
        const start = cursor === 0 ? parisDayStartOfKey(day) : parisDayMinuteToInstant(day, cursor);
        const end = range.from === 1440 ? parisDayStartOfKey(addParisDays(day, 1)) : parisDayMinuteToInstant(day, range.from);
        closures.push({ day, start, end });
      }
      cursor = Math.max(cursor, range.to);
    }
  }
  return closures;
}
