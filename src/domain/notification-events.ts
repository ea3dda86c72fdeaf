import type { Draft, IncidentStatus } from './vocabulary.ts';

/** What subscribers and webhooks are told about. Written to the outbox with what caused it. */
export const NOTIFICATION_KINDS = [
  'outage_confirmed',
  'outage_recovered',
  'incident_published',
  'incident_updated',
  'incident_resolved',
  'maintenance_scheduled',
  'maintenance_started',
  'maintenance_completed',
  'maintenance_cancelled',
] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

/** Automatic outage events are the ones a flapping service repeats; they are the ones folded. */
export const OUTAGE_KINDS = ['outage_confirmed', 'outage_recovered'] as const satisfies readonly NotificationKind[];

export type NotificationPayload =
  /** `dependents`: services that depend on this one, whose subscribers are told this story too (once). */
  | { kind: 'outage_confirmed'; serviceId: string; startedAt: string; dependents?: string[] }
  | { kind: 'outage_recovered'; serviceId: string; startedAt: string; resolvedAt: string; dependents?: string[] }
  | {
      kind: 'incident_published' | 'incident_updated' | 'incident_resolved';
      incidentId: string;
      title: Draft;
      status: IncidentStatus;
      body: Draft;
      serviceIds: string[];
    }
  | {
      /** `maintenance_cancelled`: the window it no longer covers. */
      kind: 'maintenance_scheduled' | 'maintenance_started' | 'maintenance_completed' | 'maintenance_cancelled';
      maintenanceId: string;
      title: Draft;
      serviceIds: string[];
      startsAt: string;
      endsAt: string;
    };

/** An outbox row as the sender reads it. */
export interface NotificationEvent {
  id: string;
  occurredAt: Date;
  payload: NotificationPayload;
}

export function payloadServiceIds(payload: NotificationPayload): string[] {
  return 'serviceId' in payload ? [payload.serviceId, ...(payload.dependents ?? [])] : payload.serviceIds;
}
