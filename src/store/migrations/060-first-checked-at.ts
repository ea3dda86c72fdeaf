import type { Migration } from './migration.ts';

/**
 * When each location first checked each service. A state whose start is that first check was not
 * seen to begin: Vigie only saw it already there, so pages say "checked at", never "since". Rows
 * written before stay null until their next check (then a state older than it reads as not seen
 * to begin either, which claims nothing false).
 */
function statements(time: string): string {
  return `
ALTER TABLE service_tracking ADD COLUMN first_checked_at ${time};
`;
}

export const firstCheckedAt: Migration = {
  version: 60,
  name: 'first-checked-at',
  sqlite: statements('INTEGER'),
  postgres: statements('TIMESTAMPTZ'),
};
