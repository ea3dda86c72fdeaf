import { LATENCY_BUCKETS_MS } from '../../domain/records.ts';
import type { Migration } from './migration.ts';

/**
 * Monthly rollups (Paris calendar months), which the probe writes from now on beside hours and
 * days, so a report over five years of 500 services reads 30,000 rows instead of 900,000. The
 * months already past are added up from the daily rows once here.
 */
const HISTOGRAM = Array.from({ length: LATENCY_BUCKETS_MS.length + 1 }, (_, i) => `h${i}`);
const SUMMED = [
  'checks',
  'failures',
  's_operational',
  's_degraded',
  's_down',
  's_maintenance',
  's_unknown',
  'latency_count',
  'latency_sum_ms',
  ...HISTOGRAM,
];
const COLUMNS = ['granularity', 'service_id', 'bucket_start', ...SUMMED, 'latency_max_ms'].join(', ');
const TOTALS = [...SUMMED.map((c) => `SUM(${c})`), 'MAX(latency_max_ms)'].join(', ');

function backfill(monthStart: string): string {
  return `INSERT INTO rollups (${COLUMNS})
SELECT 'month', service_id, ${monthStart} AS month_start, ${TOTALS}
FROM rollups WHERE granularity = 'day' GROUP BY service_id, month_start
ON CONFLICT (granularity, service_id, bucket_start) DO NOTHING;`;
}

// SQLite keeps epoch milliseconds and knows no time zones. A day bucket starts at Paris midnight;
// twelve hours later it is that same date in UTC. The first of a month is never a clock-change
// day: months from April to October start in summer time (UTC+2), the others in winter time.
const NOON = '(bucket_start + 43200000) / 1000';
const SQLITE_MONTH_START = `(CAST(strftime('%s', strftime('%Y-%m-01', ${NOON}, 'unixepoch')) AS INTEGER)
  - CASE WHEN CAST(strftime('%m', ${NOON}, 'unixepoch') AS INTEGER) BETWEEN 4 AND 10 THEN 7200 ELSE 3600 END) * 1000`;
const POSTGRES_MONTH_START = `(date_trunc('month', bucket_start AT TIME ZONE 'Europe/Paris') AT TIME ZONE 'Europe/Paris')`;

export const monthlyRollups: Migration = {
  version: 30,
  name: 'monthly-rollups',
  sqlite: backfill(SQLITE_MONTH_START),
  postgres: backfill(POSTGRES_MONTH_START),
};
