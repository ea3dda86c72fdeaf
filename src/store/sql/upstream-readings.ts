import { CHECK_OUTCOMES } from '../../domain/vocabulary.ts';
import type { UpstreamReading } from '../../domain/records.ts';
import { bumpDataVersion } from './data-version.ts';
import { readDate, readOneOf, readString, type SqlDatabase } from './executor.ts';

/**
 * The latest reading of each service's own status page, kept beside Vigie's measurement. An older
 * reading (two locations writing out of order) never replaces a newer one; a new outcome bumps
 * the data version so pages show it, a repeated one does not.
 */
export async function recordUpstreamReading(db: SqlDatabase, reading: UpstreamReading): Promise<void> {
  await db.transaction(async (tx) => {
    const rows = await tx.all('SELECT outcome FROM upstream_readings WHERE service_id = ?', [reading.serviceId]);
    const changed = rows[0]?.outcome !== reading.outcome;
    const written = await tx.run(
      `INSERT INTO upstream_readings (service_id, outcome, checked_at) VALUES (?, ?, ?)
       ON CONFLICT (service_id) DO UPDATE SET outcome = excluded.outcome, checked_at = excluded.checked_at
       WHERE upstream_readings.checked_at < excluded.checked_at`,
      [reading.serviceId, reading.outcome, tx.time(reading.checkedAt)],
    );
    if (written > 0 && changed) await bumpDataVersion(tx);
  });
}

export async function listUpstreamReadings(db: SqlDatabase): Promise<UpstreamReading[]> {
  const rows = await db.all('SELECT service_id, outcome, checked_at FROM upstream_readings ORDER BY service_id');
  return rows.map((row) => ({
    serviceId: readString(row.service_id),
    outcome: readOneOf(row.outcome, CHECK_OUTCOMES, 'upstream_readings.outcome'),
    checkedAt: readDate(row.checked_at),
  }));
}
