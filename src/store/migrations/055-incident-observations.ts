import type { Migration } from './migration.ts';

/**
 * The probe's updates of automatic incidents record what it saw (outcome, kind of check, failed
 * step, domain, locations), not prose: the words are rendered when read, from the dictionaries
 * of the day. Rows written before keep their stored title and text (null here) and stay readable
 * as they are; an automatic incident written from now on has an empty stored title, its words
 * coming from its opening update's facts until staff take it over.
 */
function statement(json: string): string {
  return `ALTER TABLE incident_updates ADD COLUMN observed ${json};`;
}

export const incidentObservations: Migration = {
  version: 55,
  name: 'incident-observations',
  sqlite: statement('TEXT'),
  postgres: statement('JSONB'),
};
