import type { Migration } from './migration.ts';

/**
 * Trackings per (service, location), so each vantage point confirms on its own; one lock row per
 * service, which probes writing at the same instant take in turn to decide its automatic incident;
 * the probe processes alive, and leases per (service, location) through which the processes at one
 * location share its services without a coordinator.
 * Rows written before this migration came from the single probe: they keep its location, read
 * from its heartbeat ("local", the default name, when it never sent one).
 */
function statements(t: { time: string; real: string }): string {
  return `
CREATE TABLE service_tracking_by_location (
  service_id TEXT NOT NULL,
  location TEXT NOT NULL,
  state TEXT NOT NULL,
  since ${t.time} NOT NULL,
  failure_streak INTEGER NOT NULL,
  success_streak INTEGER NOT NULL,
  failure_run_started_at ${t.time},
  last_checked_at ${t.time},
  last_outcome TEXT,
  latency_ms ${t.real},
  open_incident_id TEXT,
  PRIMARY KEY (service_id, location)
);
INSERT INTO service_tracking_by_location (service_id, location, state, since, failure_streak, success_streak,
  failure_run_started_at, last_checked_at, last_outcome, latency_ms, open_incident_id)
SELECT service_id, COALESCE((SELECT location FROM probe_heartbeats ORDER BY at DESC LIMIT 1), 'local'), state, since,
  failure_streak, success_streak, failure_run_started_at, last_checked_at, last_outcome, latency_ms, open_incident_id
FROM service_tracking;
DROP TABLE service_tracking;
ALTER TABLE service_tracking_by_location RENAME TO service_tracking;

CREATE TABLE service_locks (
  service_id TEXT PRIMARY KEY
);

CREATE TABLE probe_holders (
  holder TEXT PRIMARY KEY,
  location TEXT NOT NULL,
  host TEXT NOT NULL,
  pid INTEGER NOT NULL,
  seen_until ${t.time} NOT NULL
);

CREATE TABLE service_leases (
  service_id TEXT NOT NULL,
  location TEXT NOT NULL,
  holder TEXT,
  lease_until ${t.time} NOT NULL,
  PRIMARY KEY (location, service_id)
);
`;
}

export const locations: Migration = {
  version: 5,
  name: 'locations',
  sqlite: statements({ time: 'INTEGER', real: 'REAL' }),
  postgres: statements({ time: 'TIMESTAMPTZ', real: 'DOUBLE PRECISION' }),
};
