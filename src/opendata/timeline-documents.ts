import type { TimelineRows } from '../domain/timeline-records.ts';
import { csvField } from './report-documents.ts';

/**
 * The timeline of a period for a crisis cell or CERT-FR: one row per event, oldest first, at the
 * minute. Built from stored rows alone (no clock, no generation date), so the same rows give the
 * same bytes: a copy can be checked against a replay.
 */

export const TIMELINE_COLUMNS = [
  'time',
  'event',
  'service',
  'location',
  'from',
  'to',
  'incident',
  'status',
  'by',
  'title_fr',
  'title_en',
  'text_fr',
  'text_en',
  'action',
  'target',
] as const;

type Column = (typeof TIMELINE_COLUMNS)[number];
export type TimelineEvent = { time: string; event: 'state_change' | 'incident_update' | 'staff_action' } & Partial<
  Record<Exclude<Column, 'time' | 'event'>, string>
>;

/** UTC to the minute: "2026-03-11T09:42Z". */
export function minuteOf(at: Date): string {
  return `${at.toISOString().slice(0, 16)}Z`;
}

const KIND_ORDER = { state_change: 0, incident_update: 1, staff_action: 2 } as const;

export function timelineEvents(rows: TimelineRows): TimelineEvent[] {
  const events: (TimelineEvent & { ms: number })[] = [
    ...rows.stateChanges.map((c) => ({
      ms: c.at.getTime(),
      time: minuteOf(c.at),
      event: 'state_change' as const,
      service: c.serviceId,
      location: c.location,
      from: c.from,
      to: c.to,
    })),
    ...rows.updates.map((u) => ({
      ms: u.at.getTime(),
      time: minuteOf(u.at),
      event: 'incident_update' as const,
      incident: u.incidentId,
      status: u.status,
      by: u.byProbe ? 'probe' : 'staff',
      title_fr: u.title.fr,
      ...(u.title.en === null ? {} : { title_en: u.title.en }),
      text_fr: u.body.fr,
      ...(u.body.en === null ? {} : { text_en: u.body.en }),
    })),
    ...rows.staffActions.map((a) => ({
      ms: a.at.getTime(),
      time: minuteOf(a.at),
      event: 'staff_action' as const,
      action: a.action,
      ...(a.target === null ? {} : { target: a.target }),
    })),
  ];
  // Stable: within one instant and kind, the store's own order (which ends on a unique column).
  events.sort((a, b) => a.ms - b.ms || KIND_ORDER[a.event] - KIND_ORDER[b.event]);
  for (const event of events) delete (event as Partial<typeof event>).ms;
  return events;
}

/** A spreadsheet would run staff text starting with =, +, - or @ as a formula: it is kept as text. */
function safeText(value: string | undefined): string | null {
  if (value === undefined) return null;
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

export function timelineCsv(rows: TimelineRows): string {
  const lines = timelineEvents(rows).map((e) => TIMELINE_COLUMNS.map((c) => csvField(safeText(e[c]))).join(','));
  return [TIMELINE_COLUMNS.join(','), ...lines].map((line) => `${line}\r\n`).join('');
}

export function timelineJson(rows: TimelineRows, range: { from: Date; to: Date }): string {
  const events = timelineEvents(rows);
  return `${JSON.stringify({ from: minuteOf(range.from), to: minuteOf(range.to), events }, null, 2)}\n`;
}
