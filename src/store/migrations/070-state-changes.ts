import type { Migration } from './migration.ts';

/**
 * Every state change a location's tracking made, kept apart from the raw results (pruned after
 * their retention): the timeline export replays a wave from these rows, the same bytes each time.
 * Its updates are read by date too.
 */
function statements(t: { time: string; seq: string }): string {
  return `
CREATE TABLE state_changes (
  seq ${t.seq},
  service_id TEXT NOT NULL,
  location TEXT NOT NULL,
  at ${t.time} NOT NULL,
  from_state TEXT NOT NULL,
  to_state TEXT NOT NULL
);
CREATE INDEX state_changes_at ON state_changes (at);
CREATE INDEX incident_updates_created ON incident_updates (created_at);
`;
}

export const stateChanges: Migration = {
  version: 70,
  name: 'state-changes',
  sqlite: statements({ time: 'INTEGER', seq: 'INTEGER PRIMARY KEY' }),
  postgres: statements({ time: 'TIMESTAMPTZ', seq: 'BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY' }),
};
