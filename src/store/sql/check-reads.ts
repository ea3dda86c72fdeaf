import { CHECK_OUTCOMES, type CheckOutcome } from '../../domain/vocabulary.ts';
import type { CheckResult, FailureTally } from '../../domain/records.ts';
import { readDate, readNumber, readOneOf, readString, type SqlDatabase } from './executor.ts';
import { toResult } from './checks.ts';

/** Results of one service in [from, to), oldest first: a day's open-data file is written a service at a time. */
export async function listResultsBetween(db: SqlDatabase, options: { serviceId: string; from: Date; to: Date }): Promise<CheckResult[]> {
  const rows = await db.all(
    'SELECT * FROM check_results WHERE service_id = ? AND started_at >= ? AND started_at < ? ORDER BY started_at, seq',
    [options.serviceId, db.time(options.from), db.time(options.to)],
  );
  return rows.map(toResult);
}

/** Services with at least one result in [from, to), sorted. */
export async function listResultServices(db: SqlDatabase, options: { from: Date; to: Date }): Promise<string[]> {
  const rows = await db.all('SELECT DISTINCT service_id FROM check_results WHERE started_at >= ? AND started_at < ? ORDER BY service_id', [
    db.time(options.from),
    db.time(options.to),
  ]);
  return rows.map((row) => readString(row.service_id));
}

/**
 * Per location and outcome, how many results of a service in [from, to] had one of `outcomes`,
 * and the first and last of them. Results of a probe doubting its own network are left out.
 */
export async function tallyFailures(
  db: SqlDatabase,
  options: { serviceId: string; from: Date; to: Date; outcomes: readonly CheckOutcome[] },
): Promise<FailureTally[]> {
  if (options.outcomes.length === 0) return [];
  const rows = await db.all(
    `SELECT location, outcome, COUNT(*) AS n, MIN(started_at) AS first, MAX(started_at) AS last FROM check_results
     WHERE service_id = ? AND started_at >= ? AND started_at <= ? AND probe_offline = ? AND outcome IN (${options.outcomes.map(() => '?').join(', ')})
     GROUP BY location, outcome ORDER BY location, outcome`,
    [options.serviceId, db.time(options.from), db.time(options.to), db.bool(false), ...options.outcomes],
  );
  return rows.map((row) => ({
    location: readString(row.location),
    outcome: readOneOf(row.outcome, CHECK_OUTCOMES, 'check_results.outcome'),
    count: readNumber(row.n),
    first: readDate(row.first),
    last: readDate(row.last),
  }));
}
