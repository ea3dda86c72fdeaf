import type { IncidentUpdate } from '../domain/incident-records.ts';
import type { Draft } from '../domain/vocabulary.ts';
import { t } from './index.ts';

/**
 * The text of an incident update as it is shown: what staff or the probe wrote, or, for an update
 * Vigie made when it closed an incident for a catalogue edit, the dictionaries' words for its
 * reason, rendered now (so a wording fix reaches past incidents too).
 */
export function updateBody(update: Pick<IncidentUpdate, 'body' | 'reason'>): Draft {
  if (update.reason === null) return update.body;
  return { fr: t('fr').catalogueEdits.updateReasons[update.reason], en: t('en').catalogueEdits.updateReasons[update.reason] };
}
