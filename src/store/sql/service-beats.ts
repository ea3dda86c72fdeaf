import { readDate, type SqlDatabase } from './executor.ts';

/**
 * Heartbeats services push (not to be mixed with the probes' own heartbeats, `heartbeats.ts`).
 * One row per service; a beat older than the one stored (two web processes writing out of
 * order) never moves it back. Not public by itself: the probe's check result is.
 */
export async function recordServiceBeat(db: SqlDatabase, serviceId: string, at: Date): Promise<void> {
  await db.run(
    `INSERT INTO service_beats (service_id, at) VALUES (?, ?)
     ON CONFLICT (service_id) DO UPDATE SET at = excluded.at WHERE service_beats.at < excluded.at`,
    [serviceId, db.time(at)],
  );
}

export async function lastServiceBeat(db: SqlDatabase, serviceId: string): Promise<Date | null> {
  const rows = await db.all('SELECT at FROM service_beats WHERE service_id = ?', [serviceId]);
  return rows[0] ? readDate(rows[0].at) : null;
}
