import type { Migration } from './migration.ts';

/** Columns shared by both dialects once their types are substituted. */
function tables(t: { time: string; real: string; bool: string; json: string; seq: string }): string {
  const histogram = Array.from({ length: 16 }, (_, i) => `  h${i} INTEGER NOT NULL DEFAULT 0`).join(',\n');
  return `
CREATE TABLE data_version (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  version INTEGER NOT NULL
);
INSERT INTO data_version (id, version) VALUES (1, 1);

CREATE TABLE check_results (
  seq ${t.seq},
  service_id TEXT NOT NULL,
  location TEXT NOT NULL,
  started_at ${t.time} NOT NULL,
  outcome TEXT NOT NULL,
  latency_ms ${t.real},
  http_status INTEGER,
  final_url TEXT,
  tls_expires_at ${t.time},
  detail TEXT,
  probe_offline ${t.bool} NOT NULL
);
CREATE INDEX check_results_service_time ON check_results (service_id, started_at);
CREATE INDEX check_results_time ON check_results (started_at);

CREATE TABLE rollups (
  granularity TEXT NOT NULL,
  service_id TEXT NOT NULL,
  bucket_start ${t.time} NOT NULL,
  checks INTEGER NOT NULL,
  failures INTEGER NOT NULL,
  s_operational ${t.real} NOT NULL,
  s_degraded ${t.real} NOT NULL,
  s_down ${t.real} NOT NULL,
  s_maintenance ${t.real} NOT NULL,
  s_unknown ${t.real} NOT NULL,
  latency_count INTEGER NOT NULL,
  latency_sum_ms ${t.real} NOT NULL,
  latency_max_ms ${t.real} NOT NULL,
${histogram},
  PRIMARY KEY (granularity, service_id, bucket_start)
);
CREATE INDEX rollups_time ON rollups (granularity, bucket_start);

CREATE TABLE service_tracking (
  service_id TEXT PRIMARY KEY,
  state TEXT NOT NULL,
  since ${t.time} NOT NULL,
  failure_streak INTEGER NOT NULL,
  success_streak INTEGER NOT NULL,
  failure_run_started_at ${t.time},
  last_checked_at ${t.time},
  last_outcome TEXT,
  latency_ms ${t.real},
  open_incident_id TEXT
);

CREATE TABLE probe_heartbeats (
  location TEXT PRIMARY KEY,
  at ${t.time} NOT NULL,
  canaries_healthy ${t.bool} NOT NULL,
  version TEXT NOT NULL
);

CREATE TABLE incidents (
  id TEXT PRIMARY KEY,
  kind TEXT NOT NULL,
  service_id TEXT,
  title ${t.json} NOT NULL,
  status TEXT NOT NULL,
  started_at ${t.time} NOT NULL,
  created_at ${t.time} NOT NULL,
  updated_at ${t.time} NOT NULL,
  resolved_at ${t.time},
  taken_over_by TEXT
);
-- One open automatic incident per service, whoever (which probe, before or after a restart) opens it.
CREATE UNIQUE INDEX incidents_one_open_auto ON incidents (service_id) WHERE kind = 'auto' AND resolved_at IS NULL;
CREATE INDEX incidents_started ON incidents (started_at);

CREATE TABLE incident_services (
  incident_id TEXT NOT NULL REFERENCES incidents (id) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  service_id TEXT NOT NULL,
  impact TEXT NOT NULL,
  PRIMARY KEY (incident_id, position)
);
CREATE INDEX incident_services_service ON incident_services (service_id);

CREATE TABLE incident_updates (
  seq ${t.seq},
  id TEXT NOT NULL UNIQUE,
  incident_id TEXT NOT NULL REFERENCES incidents (id) ON DELETE CASCADE,
  status TEXT NOT NULL,
  body ${t.json} NOT NULL,
  created_at ${t.time} NOT NULL,
  author TEXT NOT NULL,
  edited_at ${t.time},
  history ${t.json} NOT NULL
);
CREATE INDEX incident_updates_incident ON incident_updates (incident_id);

CREATE TABLE maintenances (
  id TEXT PRIMARY KEY,
  title ${t.json} NOT NULL,
  body ${t.json} NOT NULL,
  service_ids ${t.json} NOT NULL,
  starts_at ${t.time} NOT NULL,
  ends_at ${t.time} NOT NULL,
  created_at ${t.time} NOT NULL,
  updated_at ${t.time} NOT NULL,
  cancelled_at ${t.time},
  author TEXT NOT NULL
);
CREATE INDEX maintenances_ends ON maintenances (ends_at);

CREATE TABLE staff (
  id TEXT PRIMARY KEY,
  email TEXT NOT NULL,
  email_key TEXT NOT NULL UNIQUE,
  password_hash TEXT NOT NULL,
  totp_secret TEXT,
  totp_last_step INTEGER NOT NULL DEFAULT 0,
  disabled ${t.bool} NOT NULL,
  created_at ${t.time} NOT NULL,
  credentials_changed_at ${t.time} NOT NULL
);

CREATE TABLE staff_sessions (
  id_hash TEXT PRIMARY KEY,
  staff_id TEXT NOT NULL REFERENCES staff (id) ON DELETE CASCADE,
  created_at ${t.time} NOT NULL,
  last_seen_at ${t.time} NOT NULL,
  ip TEXT NOT NULL
);
CREATE INDEX staff_sessions_staff ON staff_sessions (staff_id);

CREATE TABLE login_failures (
  key TEXT NOT NULL,
  at ${t.time} NOT NULL
);
CREATE INDEX login_failures_key ON login_failures (key, at);

CREATE TABLE audit_log (
  seq ${t.seq},
  id TEXT NOT NULL UNIQUE,
  at ${t.time} NOT NULL,
  actor TEXT NOT NULL,
  ip TEXT,
  action TEXT NOT NULL,
  target TEXT,
  before ${t.json},
  after ${t.json}
);
`;
}

/** Instants are epoch ms in SQLite (sortable integers) and timestamptz in PostgreSQL. */
export const initial: Migration = {
  version: 1,
  name: 'initial',
  sqlite: tables({ time: 'INTEGER', real: 'REAL', bool: 'INTEGER', json: 'TEXT', seq: 'INTEGER PRIMARY KEY' }),
  postgres: tables({
    time: 'TIMESTAMPTZ',
    real: 'DOUBLE PRECISION',
    bool: 'BOOLEAN',
    json: 'JSONB',
    seq: 'BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY',
  }),
};
