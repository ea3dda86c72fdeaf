import type { CheckResult, OutageEvent, RollupDelta, ServiceTracking } from '../records.ts';
import { insertResult } from './checks.ts';
import { bumpDataVersion } from './data-version.ts';
import { readString, type SqlDatabase, type SqlExecutor } from './executor.ts';
import { insertIncident, insertUpdate, replaceAffected } from './incidents-write.ts';
import { applyRollupDeltas } from './rollups.ts';
import { appendOutageConfirmed, appendOutageRecovered } from './subscriptions/outbox-writes.ts';
import { getTracking, saveTracking, visiblyDifferent } from './trackings.ts';

export interface RecordCheckInput {
  result: CheckResult;
  tracking: ServiceTracking;
  rollups: RollupDelta[];
  event: OutageEvent | null;
}

/** One transaction: the result, its rollups, the tracking and the event stand or fall together. */
export async function recordCheck(db: SqlDatabase, input: RecordCheckInput): Promise<{ incidentId: string | null }> {
  return db.transaction(async (tx) => {
    const before = await getTracking(tx, input.tracking.serviceId);
    await insertResult(tx, input.result);
    await applyRollupDeltas(tx, input.rollups);
    let incidentId = input.tracking.openIncidentId;
    if (input.event?.type === 'outage_opened') incidentId = await openAutoIncident(tx, input.event, input.result.startedAt);
    if (input.event?.type === 'outage_resolved') {
      await resolveAutoIncident(tx, input.event);
      incidentId = null;
    }
    const tracking = { ...input.tracking, openIncidentId: incidentId };
    await saveTracking(tx, tracking);
    if (input.event || visiblyDifferent(before, tracking)) await bumpDataVersion(tx);
    return { incidentId };
  });
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
    await appendOutageConfirmed(tx, event.serviceId, event.startedAt, at);
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
  await appendOutageRecovered(tx, id, event.serviceId, event.resolvedAt);
}

async function findOpenAuto(tx: SqlExecutor, serviceId: string): Promise<string | null> {
  const rows = await tx.all("SELECT id FROM incidents WHERE service_id = ? AND kind = 'auto' AND resolved_at IS NULL", [
    serviceId,
  ]);
  return rows[0] ? readString(rows[0].id) : null;
}
