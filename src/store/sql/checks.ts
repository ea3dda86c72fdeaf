import { CHECK_OUTCOMES } from '../../domain/vocabulary.ts';
import type { CheckResult } from '../../domain/records.ts';
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
         tls_expires_at, detail, probe_offline, tls_issuer, step) VALUES ${chunk.map(() => '(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)').join(', ')}`,
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
    r.tlsIssuer ?? null,
    r.step ?? null,
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

export function toResult(row: Row): CheckResult {
  return {
    serviceId: readString(row.service_id),
    location: readString(row.location),
    startedAt: readDate(row.started_at),
    outcome: readOneOf(row.outcome, CHECK_OUTCOMES, 'check_results.outcome'),
    latencyMs: readNumberOrNull(row.latency_ms),
    httpStatus: readNumberOrNull(row.http_status),
    finalUrl: readStringOrNull(row.final_url),
    tlsExpiresAt: readDateOrNull(row.tls_expires_at),
    tlsIssuer: readStringOrNull(row.tls_issuer),
    step: readNumberOrNull(row.step),
    detail: readStringOrNull(row.detail),
    probeOffline: readBool(row.probe_offline),
  };
}
