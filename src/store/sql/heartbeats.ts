import type { ProbeHeartbeat } from '../../domain/records.ts';
import { bumpDataVersion } from './data-version.ts';
import {
  readBool,
  readDate,
  readNumberOrNull,
  readString,
  readStringOrNull,
  type Row,
  type SqlDatabase,
  type SqlExecutor,
} from './executor.ts';

/**
 * Heartbeats, one row per probe process (location, process). The store keeps each process's last
 * word; what a location's processes say together is `src/status/location-liveness.ts`'s call.
 */

/**
 * A heartbeat is public through canary health, the processes alive and the probe's description of
 * itself: the version bumps when a process appears or either of the others changes.
 */
export async function recordHeartbeat(db: SqlDatabase, heartbeat: ProbeHeartbeat): Promise<void> {
  await db.transaction(async (tx) => {
    const previous = await tx.all(
      'SELECT canaries_healthy, user_agent, per_host FROM probe_heartbeats WHERE location = ? AND process = ?',
      [heartbeat.location, heartbeat.process],
    );
    await tx.run(
      `INSERT INTO probe_heartbeats (location, process, at, canaries_healthy, version, user_agent, per_host) VALUES (?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (location, process) DO UPDATE SET at = excluded.at, canaries_healthy = excluded.canaries_healthy,
         version = excluded.version, user_agent = excluded.user_agent, per_host = excluded.per_host`,
      [
        heartbeat.location,
        heartbeat.process,
        tx.time(heartbeat.at),
        tx.bool(heartbeat.canariesHealthy),
        heartbeat.version,
        heartbeat.self?.userAgent ?? null,
        heartbeat.self?.perHost ?? null,
      ],
    );
    const before = previous[0];
    const changed =
      !before ||
      readBool(before.canaries_healthy) !== heartbeat.canariesHealthy ||
      readStringOrNull(before.user_agent) !== (heartbeat.self?.userAgent ?? null) ||
      readNumberOrNull(before.per_host) !== (heartbeat.self?.perHost ?? null);
    if (changed) await bumpDataVersion(tx);
  });
}

/** Every process's last heartbeat, by location then process. */
export async function listHeartbeats(db: SqlExecutor): Promise<ProbeHeartbeat[]> {
  const rows = await db.all('SELECT * FROM probe_heartbeats ORDER BY location, process');
  return rows.map((row) => ({
    location: readString(row.location),
    process: readString(row.process),
    at: readDate(row.at),
    canariesHealthy: readBool(row.canaries_healthy),
    version: readString(row.version),
    ...selfDescription(row),
  }));
}

function selfDescription(row: Row): Pick<ProbeHeartbeat, 'self'> {
  const userAgent = readStringOrNull(row.user_agent);
  const perHost = readNumberOrNull(row.per_host);
  return userAgent === null || perHost === null ? {} : { self: { userAgent, perHost } };
}

/**
 * Forgets processes silent since before `before` (restarts leave one row each), except a
 * location's newest row: it stays the location's last word (when it was last heard, how its
 * probe described itself) however long the location has been silent.
 */
export async function pruneHeartbeats(db: SqlDatabase, before: Date): Promise<number> {
  return db.run(
    `DELETE FROM probe_heartbeats WHERE at < ? AND EXISTS (
       SELECT 1 FROM probe_heartbeats newer WHERE newer.location = probe_heartbeats.location AND newer.at > probe_heartbeats.at)`,
    [db.time(before)],
  );
}
