import { CHECK_OUTCOMES } from '../../domain/vocabulary.ts';
import type { CheckResult, ProbeHeartbeat } from '../../domain/records.ts';
import { bumpDataVersion } from './data-version.ts';
import {
  readBool,
  readDate,
  readDateOrNull,
  readNumberOrNull,
  readOneOf,
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

export async function listResults(db: SqlDatabase, serviceId: string, options: { since?: Date; limit: number }): Promise<CheckResult[]> {
  const since = options.since ? ' AND started_at >= ?' : '';
  const params = options.since ? [serviceId, db.time(options.since), options.limit] : [serviceId, options.limit];
  const rows = await db.all(`SELECT * FROM check_results WHERE service_id = ?${since} ORDER BY started_at DESC, seq DESC LIMIT ?`, params);
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
    outcome: readOneOf(row.outcome, CHECK_OUTCOMES, 'check_results.outcome'),
    latencyMs: readNumberOrNull(row.latency_ms),
    httpStatus: readNumberOrNull(row.http_status),
    finalUrl: readStringOrNull(row.final_url),
    tlsExpiresAt: readDateOrNull(row.tls_expires_at),
    detail: readStringOrNull(row.detail),
    probeOffline: readBool(row.probe_offline),
  };
}

/** A heartbeat is public through canary health and the probe's description of itself: the version bumps when either changes. */
export async function recordHeartbeat(db: SqlDatabase, heartbeat: ProbeHeartbeat): Promise<void> {
  await db.transaction(async (tx) => {
    const previous = await tx.all('SELECT canaries_healthy, user_agent, per_host FROM probe_heartbeats WHERE location = ?', [
      heartbeat.location,
    ]);
    await tx.run(
      `INSERT INTO probe_heartbeats (location, at, canaries_healthy, version, user_agent, per_host) VALUES (?, ?, ?, ?, ?, ?)
       ON CONFLICT (location) DO UPDATE SET at = excluded.at, canaries_healthy = excluded.canaries_healthy,
         version = excluded.version, user_agent = excluded.user_agent, per_host = excluded.per_host`,
      [
        heartbeat.location,
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

export async function listHeartbeats(db: SqlExecutor): Promise<ProbeHeartbeat[]> {
  const rows = await db.all('SELECT * FROM probe_heartbeats ORDER BY location');
  return rows.map((row) => ({
    location: readString(row.location),
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
