import type { Migration } from './migration.ts';

/**
 * Why Vigie closed an automatic incident when it was not a recovery (its service left the
 * catalogue, or was renamed): a word of a closed set, rendered from the dictionaries when read,
 * so no prose is frozen in the update. Null on every other update.
 */
const statement = 'ALTER TABLE incident_updates ADD COLUMN reason TEXT;';

export const incidentUpdateReasons: Migration = {
  version: 15,
  name: 'incident-update-reasons',
  sqlite: statement,
  postgres: statement,
};
