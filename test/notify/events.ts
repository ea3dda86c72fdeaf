import type { NotificationEvent, NotificationPayload } from '../../src/domain/notification-events.ts';

export const T0 = new Date('2026-03-10T10:00:00.000Z');

export function sec(s: number): Date {
  return new Date(T0.getTime() + s * 1000);
}

let n = 0;
export function event(payload: NotificationPayload, atSeconds: number, id = `e${++n}`): NotificationEvent {
  return { id, occurredAt: sec(atSeconds), payload };
}

export const down = (serviceId: string, s: number, id?: string) =>
  event({ kind: 'outage_confirmed', serviceId, startedAt: sec(s - 120).toISOString() }, s, id);

export const up = (serviceId: string, s: number, id?: string) =>
  event({ kind: 'outage_recovered', serviceId, startedAt: sec(s - 600).toISOString(), resolvedAt: sec(s).toISOString() }, s, id);

export const incident = (
  kind: 'incident_published' | 'incident_updated' | 'incident_resolved',
  serviceIds: string[],
  s: number,
  en: string | null = 'Slow logins',
  id?: string,
) =>
  event(
    {
      kind,
      incidentId: 'inc1',
      title: { fr: 'Connexions lentes', en },
      status: kind === 'incident_resolved' ? 'resolved' : 'investigating',
      body: { fr: 'Nous **cherchons** la cause.', en: en === null ? null : 'We are **looking** into it.' },
      serviceIds,
    },
    s,
    id,
  );
