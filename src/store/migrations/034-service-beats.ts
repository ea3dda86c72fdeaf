import type { Migration } from './migration.ts';

/**
 * The last heartbeat each service pushed (`POST /api/heartbeat/<token>`): written by the web
 * process, read by the probe's heartbeat checks. One row per service: only the latest beat matters.
 */
function statements(time: string): string {
  return `
CREATE TABLE service_beats (
  service_id TEXT PRIMARY KEY,
  at ${time} NOT NULL
);
`;
}

export const serviceBeats: Migration = {
  version: 34,
  name: 'service-beats',
  sqlite: statements('INTEGER'),
  postgres: statements('TIMESTAMPTZ'),
};
