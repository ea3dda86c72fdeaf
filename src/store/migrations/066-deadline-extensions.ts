import type { Migration } from './migration.ts';

/**
 * Deadlines staff extended after an outage: the new date and the official page announcing it,
 * one row per catalogue deadline (a later extension replaces the earlier one). The words citizens
 * read are rendered from these facts and the catalogue's, in their language.
 */
function statements(time: string): string {
  return `
CREATE TABLE deadline_extensions (
  service_id TEXT NOT NULL,
  deadline_id TEXT NOT NULL,
  new_at ${time} NOT NULL,
  url TEXT NOT NULL,
  author TEXT NOT NULL,
  published_at ${time} NOT NULL,
  PRIMARY KEY (service_id, deadline_id)
);
`;
}

export const deadlineExtensions: Migration = {
  version: 66,
  name: 'deadline-extensions',
  sqlite: statements('INTEGER'),
  postgres: statements('TIMESTAMPTZ'),
};
