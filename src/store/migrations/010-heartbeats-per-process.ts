import type { Migration } from './migration.ts';

/**
 * Heartbeats per probe process, keyed (location, process): processes at one location used to share
 * one row and overwrite each other's canary health, so one process with a cut network made the
 * location's vote flap, and a dead process was hidden by a live one keeping the row fresh.
 * The row a location had keeps its values under the process "legacy": it still counts as that
 * location's last word until the upgraded processes write theirs, and is pruned once it is old.
 */
function statements(t: { time: string; bool: string }): string {
  return `
CREATE TABLE probe_heartbeats_by_process (
  location TEXT NOT NULL,
  process TEXT NOT NULL,
  at ${t.time} NOT NULL,
  canaries_healthy ${t.bool} NOT NULL,
  version TEXT NOT NULL,
  user_agent TEXT,
  per_host INTEGER,
  PRIMARY KEY (location, process)
);
INSERT INTO probe_heartbeats_by_process (location, process, at, canaries_healthy, version, user_agent, per_host)
SELECT location, 'legacy', at, canaries_healthy, version, user_agent, per_host FROM probe_heartbeats;
DROP TABLE probe_heartbeats;
ALTER TABLE probe_heartbeats_by_process RENAME TO probe_heartbeats;
CREATE INDEX probe_heartbeats_at ON probe_heartbeats (at);
`;
}

export const heartbeatsPerProcess: Migration = {
  version: 10,
  name: 'heartbeats-per-process',
  sqlite: statements({ time: 'INTEGER', bool: 'INTEGER' }),
  postgres: statements({ time: 'TIMESTAMPTZ', bool: 'BOOLEAN' }),
};
