import type { CheckResult, ServiceTracking, WriteLease } from '../../domain/records.ts';
import { placeholders, readNumber, readStringOrNull, type SqlExecutor } from './executor.ts';
import { getTrackings } from './trackings.ts';

/**
 * Which writes of a batch count, decided inside the write's transaction. A write counts when the
 * lease it was made under is still its writer's (`WriteLease`), and when its result is not older
 * than what the location's tracking already says (a result arriving late, after a newer one).
 * Those that do not count are kept as history only: the result is stored, nothing else moves, so
 * a process paused or cut off past its lease can neither flip a service's state, open or resolve
 * an incident, queue a notification, nor count time in the uptime that another process counts.
 * On PostgreSQL the lease rows are read `FOR SHARE`: a claim cannot take them until this commits.
 */
/** What the fence reads of a write (a `RecordCheckInput`). */
export interface FencedWrite {
  result: CheckResult;
  tracking: ServiceTracking;
  lease?: WriteLease | null;
}

export async function countedWrites(tx: SqlExecutor, inputs: readonly FencedWrite[]): Promise<boolean[]> {
  const leases = await leaseRows(tx, inputs);
  const latest = new Map<string, number>();
  for (const [location, ids] of group(inputs.map((i) => [i.tracking.location, i.tracking.serviceId]))) {
    for (const t of (await getTrackings(tx, location, ids)).values()) {
      if (t.lastCheckedAt) latest.set(key(location, t.serviceId), t.lastCheckedAt.getTime());
    }
  }
  return inputs.map((input) => {
    const k = key(input.tracking.location, input.tracking.serviceId);
    if (input.lease && !holds(leases.get(k), input.lease)) return false;
    const last = latest.get(k);
    if (last !== undefined && input.result.startedAt.getTime() < last) return false;
    const checked = input.tracking.lastCheckedAt?.getTime();
    if (checked !== undefined && checked > (last ?? -Infinity)) latest.set(k, checked);
    return true;
  });
}

interface LeaseRow {
  holder: string | null;
  epoch: number;
}

function holds(row: LeaseRow | undefined, lease: WriteLease): boolean {
  if (!row) return false;
  const ownOrFree = row.holder === lease.holder || row.holder === null;
  return lease.epoch === null ? ownOrFree : ownOrFree && row.epoch === lease.epoch;
}

const CHUNK = 200;

async function leaseRows(tx: SqlExecutor, inputs: readonly FencedWrite[]): Promise<Map<string, LeaseRow>> {
  const rows = new Map<string, LeaseRow>();
  const share = tx.dialect === 'postgres' ? ' ORDER BY service_id FOR SHARE' : '';
  for (const [location, ids] of group(inputs.filter((i) => i.lease).map((i) => [i.tracking.location, i.tracking.serviceId]))) {
    for (let i = 0; i < ids.length; i += CHUNK) {
      const chunk = ids.slice(i, i + CHUNK);
      const found = await tx.all(
        `SELECT service_id, holder, epoch FROM service_leases WHERE location = ? AND service_id IN (${placeholders(chunk.length)})${share}`,
        [location, ...chunk],
      );
      for (const r of found)
        rows.set(key(location, String(r.service_id)), { holder: readStringOrNull(r.holder), epoch: readNumber(r.epoch) });
    }
  }
  return rows;
}

/** Distinct service ids per location. */
function group(pairs: readonly (readonly [string, string])[]): Map<string, string[]> {
  const byLocation = new Map<string, Set<string>>();
  for (const [location, id] of pairs) byLocation.set(location, (byLocation.get(location) ?? new Set()).add(id));
  return new Map([...byLocation].map(([location, ids]) => [location, [...ids]]));
}

const key = (location: string, serviceId: string) => `${location} ${serviceId}`;
