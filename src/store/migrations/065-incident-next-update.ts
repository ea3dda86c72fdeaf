import type { Migration } from './migration.ts';

/**
 * When staff promised their next word with an update (« Prochaine information prévue à 15 h 30 »).
 * Null when they left it to the default delay for the incident's impact, computed when read.
 */
export const incidentNextUpdate: Migration = {
  version: 65,
  name: 'incident-next-update',
  sqlite: 'ALTER TABLE incident_updates ADD COLUMN next_update_at INTEGER;',
  postgres: 'ALTER TABLE incident_updates ADD COLUMN next_update_at TIMESTAMPTZ;',
};
