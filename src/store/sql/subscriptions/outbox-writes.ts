import { affectedOf } from '../../../domain/incident-scope.ts';
import type { Incident, Maintenance } from '../../../domain/incident-records.ts';
import { readDate, type SqlExecutor } from '../executor.ts';
import { appendOutboxEvent } from './outbox.ts';

/**
 * The outbox rows of the store's own writes, called inside their transactions: an incident, a
 * maintenance or an outage is never saved without its event, nor an event without it.
 */
export async function appendIncidentEvent(
  tx: SqlExecutor,
  incident: Incident,
  kind: 'incident_published' | 'incident_updated' | 'incident_resolved',
  at: Date,
): Promise<void> {
  const latest = incident.updates.at(-1);
  if (!latest) return;
  await appendOutboxEvent(
    tx,
    {
      kind,
      incidentId: incident.id,
      title: incident.title,
      status: incident.status,
      body: latest.body,
      serviceIds: affectedOf(incident).map((a) => a.serviceId),
    },
    at,
  );
}

export async function appendMaintenanceScheduled(tx: SqlExecutor, m: Maintenance): Promise<void> {
  await appendOutboxEvent(
    tx,
    {
      kind: 'maintenance_scheduled',
      maintenanceId: m.id,
      title: m.title,
      serviceIds: m.serviceIds,
      startsAt: m.startsAt.toISOString(),
      endsAt: m.endsAt.toISOString(),
    },
    m.createdAt,
  );
}

export async function appendMaintenanceCancelled(tx: SqlExecutor, m: Maintenance, at: Date): Promise<void> {
  await appendOutboxEvent(
    tx,
    {
      kind: 'maintenance_cancelled',
      maintenanceId: m.id,
      title: m.title,
      serviceIds: m.serviceIds,
      startsAt: m.startsAt.toISOString(),
      endsAt: m.endsAt.toISOString(),
    },
    at,
  );
}

/** `dependents`: services behind this one, whose subscribers are told this one story rather than one per service. */
export async function appendOutageConfirmed(
  tx: SqlExecutor,
  serviceId: string,
  startedAt: Date,
  at: Date,
  dependents: readonly string[] = [],
): Promise<void> {
  const through = dependents.length > 0 ? { dependents: [...dependents] } : {};
  await appendOutboxEvent(tx, { kind: 'outage_confirmed', serviceId, startedAt: startedAt.toISOString(), ...through }, at);
}

export async function appendOutageRecovered(
  tx: SqlExecutor,
  incidentId: string,
  serviceId: string,
  resolvedAt: Date,
  dependents: readonly string[] = [],
): Promise<void> {
  const rows = await tx.all('SELECT started_at FROM incidents WHERE id = ?', [incidentId]);
  const startedAt = rows[0] ? readDate(rows[0].started_at) : resolvedAt;
  await appendOutboxEvent(
    tx,
    {
      kind: 'outage_recovered',
      serviceId,
      startedAt: startedAt.toISOString(),
      resolvedAt: resolvedAt.toISOString(),
      ...(dependents.length > 0 ? { dependents: [...dependents] } : {}),
    },
    resolvedAt,
  );
}
