import type { Migration } from './migration.ts';

/**
 * What a service's own status page last said of it, for a service Vigie checks itself and reads
 * besides (catalogue `check` and `upstream`): shown next to Vigie's measurement, never as it, so it
 * lives apart from the results and trackings that make the published state. One row per service.
 */
function statements(time: string): string {
  return `
CREATE TABLE upstream_readings (
  service_id TEXT PRIMARY KEY,
  outcome TEXT NOT NULL,
  checked_at ${time} NOT NULL
);
`;
}

export const upstreamReadings: Migration = {
  version: 72,
  name: 'upstream-readings',
  sqlite: statements('INTEGER'),
  postgres: statements('TIMESTAMPTZ'),
};
