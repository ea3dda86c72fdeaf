import type { ServiceTracking } from '../../domain/records.ts';
import type { StateChange } from '../../domain/timeline-records.ts';
import type { SqlDatabase, SqlExecutor } from './executor.ts';

/**
 * The state changes a batch of trackings makes, taken in order from what was stored before: a
 * backlog holding several checks of one service keeps each change, not only the last state.
 */
export function stateChangesOf(before: ReadonlyMap<string, ServiceTracking>, trackings: readonly ServiceTracking[]): StateChange[] {
  const last = new Map<string, ServiceTracking['state']>();
  const changes: StateChange[] = [];
  for (const t of trackings) {
    const key = `${t.location} ${t.serviceId}`;
    const from = last.get(key) ?? before.get(key)?.state ?? 'unknown';
    if (from !== t.state) changes.push({ serviceId: t.serviceId, location: t.location, at: t.since, from, to: t.state });
    last.set(key, t.state);
  }
  return changes;
}

const CHUNK = 200;

export async function insertStateChanges(tx: SqlExecutor, changes: readonly StateChange[]): Promise<void> {
  for (let i = 0; i < changes.length; i += CHUNK) {
    const chunk = changes.slice(i, i + CHUNK);
    await tx.run(
      `INSERT INTO state_changes (service_id, location, at, from_state, to_state) VALUES ${chunk.map(() => '(?, ?, ?, ?, ?)').join(', ')}`,
      chunk.flatMap((c) => [c.serviceId, c.location, tx.time(c.at), c.from, c.to]),
    );
  }
}

/** Small batches, each its own transaction, as with raw results: probes keep writing while a long history goes. */
const PRUNE_BATCH = 5000;

export async function pruneStateChanges(db: SqlDatabase, before: Date): Promise<number> {
  let total = 0;
  for (;;) {
    const deleted = await db.transaction((tx) =>
      tx.run('DELETE FROM state_changes WHERE seq IN (SELECT seq FROM state_changes WHERE at < ? LIMIT ?)', [tx.time(before), PRUNE_BATCH]),
    );
    total += deleted;
    if (deleted < PRUNE_BATCH) return total;
  }
}
