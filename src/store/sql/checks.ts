import type { CheckOutcome } from '../../domain/vocabulary.ts';
import type { CheckResult, ProbeHeartbeat } from '../../domain/records.ts';
import { bumpDataVersion } from './data-version.ts';
import {
  readBool,
  readDate,
  readDateOrNull,
  readNumberOrNull,
  readString,
  readStringOrNull,
  timeOrNull,
  type Row,
  type SqlDatabase,
  type SqlExecutor,
} from './executor.ts';

const RESULTS_CHUNK = 200;

/** A batch of results, a chunk of rows per statement. */
export async function insertResults(tx: SqlExecutor, results: readonly CheckResult[]): Promise<void> {
  for (let i = 0; i < results.length; i += RESULTS_CHUNK) {
    const chunk = results.slice(i, i + RESULTS_CHUNK);
    await tx.run(
      `INSERT INTO check_results (service_id, location, started_at, outcome, latency_ms, http_status, final_url,
         tls_expires_at, detail, probe_offline) VALUES ${chunk.map(() => '(?, ?, ?, ?, ?, ?, ?, ?, ?, ?)').join(', ')}`,
      chunk.flatMap((r) => resultRow(tx, r)),
    );
  }
}

function resultRow(tx: SqlExecutor, r: CheckResult): unknown[] {
  return [
      r.serviceId,
      r.location,
      tx.time(r.startedAt),
      r.outcome,
      r.latencyMs,
      r.httpStatus,
      r.finalUrl,
      timeOrNull(tx, r.tlsExpiresAt),
      r.detail,
      tx.bool(r.probeOffline),
  ];
}

export async function listResults(
  db: SqlDatabase,
  serviceId: string,
  options: { since?: Date; limit: number },
): Promise<CheckResult[]> {
  const since = options.since ? ' AND started_at >= ?' : '';
  const params = options.since ? [serviceId, db.time(options.since), options.limit] : [serviceId, options.limit];
  const rows = await db.all(
    `SELECT * FROM check_results WHERE service_id = ?${since} ORDER BY started_at DESC, seq DESC LIMIT ?`,
    params,
  );
  return rows.map(toResult);
}

/** Small batches, each its own transaction: a day of results is millions of rows, and probes must keep writing. */
const PRUNE_BATCH = 5000;

export async function pruneResults(db: SqlDatabase, before: Date): Promise<number> {
  let total = 0;
  for (;;) {
    const deleted = await db.transaction((tx) =>
      tx.run('DELETE FROM check_results WHERE seq IN (SELECT seq FROM check_results WHERE started_at < ? LIMIT ?)', [
        tx.time(before),
        PRUNE_BATCH,
      ]),
    );
    total += deleted;
    if (deleted < PRUNE_BATCH) return total;
  }
}

function toResult(row: Row): CheckResult {
  return {
    serviceId: readString(row.service_id),
    location: readString(row.location),
    startedAt: readDate(row.started_at),
    outcome: readString(row.outcome) as CheckOutcome,
    latencyMs: readNumberOrNull(row.latency_ms),
    httpStatus: readNumberOrNull(row.http_status),
    finalUrl: readStringOrNull(row.final_url),
    tlsExpiresAt: readDateOrNull(row.tls_expires_at),
    detail: readStringOrNull(row.detail),
    probeOffline: readBool(row.probe_offline),
  };
}

/** A heartbeat is public only through canary health: the version bumps when that changes. */
export async function recordHeartbeat(db: SqlDatabase, heartbeat: ProbeHeartbeat): Promise<void> {
  await db.transaction(async (tx) => {
    const previous = await tx.all('SELECT canaries_healthy FROM probe_heartbeats WHERE location = ?', [heartbeat.location]);
    await tx.run(
      `INSERT INTO probe_heartbeats (location, at, canaries_healthy, version) VALUES (?, ?, ?, ?)
       ON CONFLICT (location) DO UPDATE SET at = excluded.at, canaries_healthy = excluded.canaries_healthy,
         version = excluded.version`,
      [heartbeat.location, tx.time(heartbeat.at), tx.bool(heartbeat.canariesHealthy), heartbeat.version],
    );
    const before = previous[0];
    if (!before || readBool(before.canaries_healthy) !== heartbeat.canariesHealthy) await bumpDataVersion(tx);
  });
}

export async function listHeartbeats(db: SqlExecutor): Promise<ProbeHeartbeat[]> {
  const rows = await db.all('SELECT * FROM probe_heartbeats ORDER BY location');
  return rows.map((row) => ({
    location: readString(row.location),
    at: readDate(row.at),
    canariesHealthy: readBool(row.canaries_healthy),
    version: readString(row.version),
  }));
}
