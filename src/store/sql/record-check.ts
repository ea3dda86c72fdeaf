import type { CheckResult, OutageDecider, OutageEvent, RollupDelta, ServiceTracking } from '../records.ts';
import { insertResult, listHeartbeats } from './checks.ts';
import { bumpDataVersion } from './data-version.ts';
import { readDate, readString, type SqlDatabase, type SqlExecutor } from './executor.ts';
import { insertIncident, insertUpdate, replaceAffected } from './incidents-write.ts';
import { applyRollupDeltas } from './rollups.ts';
import { getTracking, listServiceTrackings, saveTracking, visiblyDifferent } from './trackings.ts';

export interface RecordCheckInput {
  result: CheckResult;
  tracking: ServiceTracking;
  rollups: RollupDelta[];
  /** An event already decided, or a decider run under the service's lock with every location's tracking. */
  event: OutageEvent | OutageDecider | null;
}

/** One transaction: the result, its rollups, the tracking and the event stand or fall together. */
export async function recordCheck(db: SqlDatabase, input: RecordCheckInput): Promise<{ incidentId: string | null }> {
  return db.transaction(async (tx) => {
    const { serviceId, location } = input.tracking;
    const before = await getTracking(tx, serviceId, location);
    await insertResult(tx, input.result);
    await applyRollupDeltas(tx, input.rollups);
    let incidentId = input.tracking.openIncidentId;
    let event: OutageEvent | null = null;
    if (typeof input.event === 'function') {
      await saveTracking(tx, input.tracking);
      const decided = await decideUnderLock(tx, serviceId, input.event);
      event = decided.event;
      incidentId = decided.openIncidentId;
    } else {
      event = input.event;
    }
    if (event?.type === 'outage_opened') incidentId = await openAutoIncident(tx, event, input.result.startedAt);
    if (event?.type === 'outage_resolved') {
      await resolveAutoIncident(tx, event);
      incidentId = null;
    }
    const tracking = { ...input.tracking, openIncidentId: incidentId };
    await saveTracking(tx, tracking);
    if (event || visiblyDifferent(before, tracking)) await bumpDataVersion(tx);
    return { incidentId };
  });
}

/**
 * Takes the service's lock row (PostgreSQL row lock until commit; SQLite write transactions are
 * already one at a time), then reads what every location says, committed by others up to now.
 */
async function decideUnderLock(
  tx: SqlExecutor,
  serviceId: string,
  decide: OutageDecider,
): Promise<{ event: OutageEvent | null; openIncidentId: string | null }> {
  await tx.run(
    'INSERT INTO service_locks (service_id) VALUES (?) ON CONFLICT (service_id) DO UPDATE SET service_id = excluded.service_id',
    [serviceId],
  );
  const [trackings, heartbeats, open] = [
    await listServiceTrackings(tx, serviceId),
    await listHeartbeats(tx),
    await tx.all("SELECT id, started_at FROM incidents WHERE service_id = ? AND kind = 'auto' AND resolved_at IS NULL", [serviceId]),
  ];
  const openIncident = open[0] ? { id: readString(open[0].id), startedAt: readDate(open[0].started_at) } : null;
  const event = decide({ serviceId, trackings, heartbeats, openIncident });
  return { event, openIncidentId: openIncident?.id ?? null };
}

type Opened = Extract<OutageEvent, { type: 'outage_opened' }>;
type Resolved = Extract<OutageEvent, { type: 'outage_resolved' }>;

/**
 * The partial unique index decides: whoever inserts first opens the incident; everyone else
 * (an overlapping probe, a restarted one) gets the open incident's id.
 */
async function openAutoIncident(tx: SqlExecutor, event: Opened, at: Date): Promise<string> {
  const id = await insertIncident(tx, {
    kind: 'auto',
    serviceId: event.serviceId,
    title: event.title,
    status: 'investigating',
    startedAt: event.startedAt,
    at,
    unlessOpenAuto: true,
  });
  if (id) {
    await replaceAffected(tx, id, [{ serviceId: event.serviceId, impact: 'major' }]);
    await insertUpdate(tx, id, { status: 'investigating', body: event.body, author: 'probe', at });
    return id;
  }
  const open = await findOpenAuto(tx, event.serviceId);
  if (!open) throw new Error(`An automatic incident for "${event.serviceId}" conflicted but none is open`);
  return open;
}

async function resolveAutoIncident(tx: SqlExecutor, event: Resolved): Promise<void> {
  const id = await findOpenAuto(tx, event.serviceId);
  if (!id) return;
  await insertUpdate(tx, id, { status: 'resolved', body: event.body, author: 'probe', at: event.resolvedAt });
  await tx.run('UPDATE incidents SET status = ?, resolved_at = ?, updated_at = ? WHERE id = ?', [
    'resolved',
    tx.time(event.resolvedAt),
    tx.time(event.resolvedAt),
    id,
  ]);
}

async function findOpenAuto(tx: SqlExecutor, serviceId: string): Promise<string | null> {
  const rows = await tx.all("SELECT id FROM incidents WHERE service_id = ? AND kind = 'auto' AND resolved_at IS NULL", [
    serviceId,
  ]);
  return rows[0] ? readString(rows[0].id) : null;
}
