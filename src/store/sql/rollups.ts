import type { Rollup, RollupDelta, RollupGranularity } from '../../domain/records.ts';
import { LATENCY_BUCKETS_MS, ROLLUP_GRANULARITIES } from '../../domain/records.ts';
import { mergeRollups } from '../../domain/rollup.ts';
import { readDate, readNumber, readOneOf, readString, type Row, type SqlExecutor } from './executor.ts';

const HISTOGRAM = Array.from({ length: LATENCY_BUCKETS_MS.length + 1 }, (_, i) => `h${i}`);
const STATE_COLUMNS = ['s_operational', 's_degraded', 's_down', 's_maintenance', 's_unknown'] as const;
const ADDITIVE = ['checks', 'failures', ...STATE_COLUMNS, 'latency_count', 'latency_sum_ms', ...HISTOGRAM];
const COLUMNS = ['granularity', 'service_id', 'bucket_start', ...ADDITIVE, 'latency_max_ms'];

const ROW = `(${COLUMNS.map(() => '?').join(', ')})`;
/** Rows per statement: well under both backends' parameter limits. */
const CHUNK = 100;

/** Every field is additive (max aside), so concurrent probes can apply deltas with one UPSERT per chunk. */
const upsert = (rows: number) => `INSERT INTO rollups (${COLUMNS.join(', ')}) VALUES ${Array.from({ length: rows }, () => ROW).join(', ')}
ON CONFLICT (granularity, service_id, bucket_start) DO UPDATE SET
${ADDITIVE.map((c) => `${c} = rollups.${c} + excluded.${c}`).join(', ')},
latency_max_ms = CASE WHEN excluded.latency_max_ms > rollups.latency_max_ms THEN excluded.latency_max_ms
  ELSE rollups.latency_max_ms END`;

/**
 * Deltas for the same bucket are added together first (a batch of results holds many for the
 * same hour and day), then written a chunk of rows per statement.
 */
export async function applyRollupDeltas(tx: SqlExecutor, deltas: readonly RollupDelta[]): Promise<void> {
  // A stable order keeps two transactions touching the same rows from deadlocking on PostgreSQL.
  const ordered = mergeByBucket(deltas).sort(
    (a, b) =>
      a.granularity.localeCompare(b.granularity) ||
      a.serviceId.localeCompare(b.serviceId) ||
      a.bucketStart.getTime() - b.bucketStart.getTime(),
  );
  for (let i = 0; i < ordered.length; i += CHUNK) {
    const chunk = ordered.slice(i, i + CHUNK);
    await tx.run(
      upsert(chunk.length),
      chunk.flatMap((d) => rowOf(tx, d)),
    );
  }
}

function mergeByBucket(deltas: readonly RollupDelta[]): RollupDelta[] {
  const byKey = new Map<string, RollupDelta>();
  for (const d of deltas) {
    const key = `${d.granularity} ${d.serviceId} ${d.bucketStart.getTime()}`;
    const seen = byKey.get(key);
    byKey.set(key, seen ? { ...seen, ...mergeRollups([seen, d]) } : d);
  }
  return [...byKey.values()];
}

function rowOf(tx: SqlExecutor, d: RollupDelta): unknown[] {
  const histogram = HISTOGRAM.map((_, i) => d.latencyHistogram[i] ?? 0);
  return [
    d.granularity,
    d.serviceId,
    tx.time(d.bucketStart),
    d.checks,
    d.failures,
    d.seconds.operational,
    d.seconds.degraded,
    d.seconds.down,
    d.seconds.maintenance,
    d.seconds.unknown,
    d.latencyCount,
    d.latencySumMs,
    ...histogram,
    d.latencyMaxMs,
  ];
}

export async function listRollups(
  sql: SqlExecutor,
  options: { granularity: RollupGranularity; from: Date; to: Date; serviceId?: string },
): Promise<Rollup[]> {
  const params: unknown[] = [options.granularity, sql.time(options.from), sql.time(options.to)];
  let where = 'granularity = ? AND bucket_start >= ? AND bucket_start < ?';
  if (options.serviceId !== undefined) {
    where += ' AND service_id = ?';
    params.push(options.serviceId);
  }
  const rows = await sql.all(`SELECT * FROM rollups WHERE ${where} ORDER BY bucket_start, service_id`, params);
  return rows.map(toRollup);
}

/**
 * Each service's buckets of a granularity in [from, to) added up in the database, one row per
 * service (dated `from`): a year's report reads 500 rows, not 6,000.
 */
export async function sumRollups(sql: SqlExecutor, options: { granularity: RollupGranularity; from: Date; to: Date }): Promise<Rollup[]> {
  const totals = [...ADDITIVE.map((c) => `SUM(${c}) AS ${c}`), 'MAX(latency_max_ms) AS latency_max_ms'].join(', ');
  const rows = await sql.all(
    `SELECT service_id, ${totals} FROM rollups WHERE granularity = ? AND bucket_start >= ? AND bucket_start < ? GROUP BY service_id ORDER BY service_id`,
    [options.granularity, sql.time(options.from), sql.time(options.to)],
  );
  return rows.map((row) => toRollup({ ...row, granularity: options.granularity, bucket_start: options.from }));
}

/** The first and last bucket of a granularity (the history's extent), or null when there is none. */
export async function rollupSpan(sql: SqlExecutor, granularity: RollupGranularity): Promise<{ first: Date; last: Date } | null> {
  const rows = await sql.all('SELECT MIN(bucket_start) AS first, MAX(bucket_start) AS last FROM rollups WHERE granularity = ?', [
    granularity,
  ]);
  const row = rows[0];
  return row && row.first !== null && row.first !== undefined ? { first: readDate(row.first), last: readDate(row.last) } : null;
}

/** Deletes buckets that began before `before`; returns rows deleted. */
export async function pruneRollups(sql: SqlExecutor, before: Date): Promise<number> {
  return sql.run('DELETE FROM rollups WHERE bucket_start < ?', [sql.time(before)]);
}

function toRollup(row: Row): Rollup {
  return {
    serviceId: readString(row.service_id),
    granularity: readOneOf(row.granularity, ROLLUP_GRANULARITIES, 'rollups.granularity'),
    bucketStart: readDate(row.bucket_start),
    checks: readNumber(row.checks),
    failures: readNumber(row.failures),
    seconds: {
      operational: readNumber(row.s_operational),
      degraded: readNumber(row.s_degraded),
      down: readNumber(row.s_down),
      maintenance: readNumber(row.s_maintenance),
      unknown: readNumber(row.s_unknown),
    },
    latencyCount: readNumber(row.latency_count),
    latencySumMs: readNumber(row.latency_sum_ms),
    latencyMaxMs: readNumber(row.latency_max_ms),
    latencyHistogram: HISTOGRAM.map((column) => readNumber(row[column])),
  };
}
