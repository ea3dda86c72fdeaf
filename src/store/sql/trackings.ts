import { CHECK_OUTCOMES, SERVICE_STATES } from '../../domain/vocabulary.ts';
import type { ServiceTracking } from '../../domain/records.ts';
import {
  readDate,
  readDateOrNull,
  readNumber,
  readNumberOrNull,
  readOneOf,
  readOneOfOrNull,
  readString,
  readStringOrNull,
  placeholders,
  timeOrNull,
  type Row,
  type SqlExecutor,
} from './executor.ts';

export async function getTracking(sql: SqlExecutor, serviceId: string, location: string): Promise<ServiceTracking | null> {
  const rows = await sql.all('SELECT * FROM service_tracking WHERE service_id = ? AND location = ?', [serviceId, location]);
  return rows[0] ? toTracking(rows[0]) : null;
}

/** Every location's tracking of one service. */
export async function listServiceTrackings(sql: SqlExecutor, serviceId: string): Promise<ServiceTracking[]> {
  const rows = await sql.all('SELECT * FROM service_tracking WHERE service_id = ? ORDER BY location', [serviceId]);
  return rows.map(toTracking);
}

export async function listTrackings(sql: SqlExecutor): Promise<ServiceTracking[]> {
  const rows = await sql.all('SELECT * FROM service_tracking ORDER BY service_id, location');
  return rows.map(toTracking);
}

const CHUNK = 200;

/** The trackings of these services at one location, keyed by service id. */
export async function getTrackings(
  sql: SqlExecutor,
  location: string,
  serviceIds: readonly string[],
): Promise<Map<string, ServiceTracking>> {
  const found = new Map<string, ServiceTracking>();
  for (let i = 0; i < serviceIds.length; i += CHUNK) {
    const chunk = serviceIds.slice(i, i + CHUNK);
    const rows = await sql.all(`SELECT * FROM service_tracking WHERE location = ? AND service_id IN (${placeholders(chunk.length)})`, [
      location,
      ...chunk,
    ]);
    for (const row of rows) found.set(readString(row.service_id), toTracking(row));
  }
  return found;
}

export async function saveTracking(tx: SqlExecutor, t: ServiceTracking): Promise<void> {
  await saveTrackings(tx, [t]);
}

/** Several trackings (distinct service and location each), a chunk of rows per statement. */
export async function saveTrackings(tx: SqlExecutor, trackings: readonly ServiceTracking[]): Promise<void> {
  for (let i = 0; i < trackings.length; i += CHUNK) {
    const chunk = trackings.slice(i, i + CHUNK);
    await tx.run(
      UPSERT(chunk.length),
      chunk.flatMap((t) => trackingRow(tx, t)),
    );
  }
}

const UPSERT = (rows: number) =>
  `INSERT INTO service_tracking (service_id, location, state, since, failure_streak, success_streak, failure_run_started_at,
       last_checked_at, last_outcome, latency_ms, open_incident_id, last_step, tls_expires_at, tls_issuer, first_checked_at)
     VALUES ${Array.from({ length: rows }, () => '(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)').join(', ')}
     ON CONFLICT (service_id, location) DO UPDATE SET state = excluded.state, since = excluded.since,
       failure_streak = excluded.failure_streak, success_streak = excluded.success_streak,
       failure_run_started_at = excluded.failure_run_started_at, last_checked_at = excluded.last_checked_at,
       last_outcome = excluded.last_outcome, latency_ms = excluded.latency_ms,
       open_incident_id = excluded.open_incident_id, last_step = excluded.last_step,
       tls_expires_at = excluded.tls_expires_at, tls_issuer = excluded.tls_issuer,
       first_checked_at = excluded.first_checked_at`;

function trackingRow(tx: SqlExecutor, t: ServiceTracking): unknown[] {
  return [
    t.serviceId,
    t.location,
    t.state,
    tx.time(t.since),
    t.failureStreak,
    t.successStreak,
    timeOrNull(tx, t.failureRunStartedAt),
    timeOrNull(tx, t.lastCheckedAt),
    t.lastOutcome,
    t.latencyMs,
    t.openIncidentId,
    t.lastStep ?? null,
    timeOrNull(tx, t.tlsExpiresAt ?? null),
    t.tlsIssuer ?? null,
    timeOrNull(tx, t.firstCheckedAt ?? null),
  ];
}

/** What the public sees of a tracking: a change here must bump the data version. */
export function visiblyDifferent(before: ServiceTracking | null, after: ServiceTracking): boolean {
  return (
    !before ||
    before.state !== after.state ||
    before.since.getTime() !== after.since.getTime() ||
    before.openIncidentId !== after.openIncidentId
  );
}

function toTracking(row: Row): ServiceTracking {
  return {
    serviceId: readString(row.service_id),
    location: readString(row.location),
    state: readOneOf(row.state, SERVICE_STATES, 'service_tracking.state'),
    since: readDate(row.since),
    failureStreak: readNumber(row.failure_streak),
    successStreak: readNumber(row.success_streak),
    failureRunStartedAt: readDateOrNull(row.failure_run_started_at),
    lastCheckedAt: readDateOrNull(row.last_checked_at),
    lastOutcome: readOneOfOrNull(row.last_outcome, CHECK_OUTCOMES, 'service_tracking.last_outcome'),
    latencyMs: readNumberOrNull(row.latency_ms),
    openIncidentId: readStringOrNull(row.open_incident_id),
    lastStep: readNumberOrNull(row.last_step),
    tlsExpiresAt: readDateOrNull(row.tls_expires_at),
    tlsIssuer: readStringOrNull(row.tls_issuer),
    firstCheckedAt: readDateOrNull(row.first_checked_at),
  };
}
