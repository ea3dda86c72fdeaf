import type { IncidentUpdateReason } from '../domain/vocabulary.ts';

/** French words of what Vigie tells when it closes an automatic incident for a catalogue edit. */
export const frCatalogueEdits: { updateReasons: Record<IncidentUpdateReason, string> } = {
  updateReasons: {
    service_removed: 'Ce service n’est plus suivi. Cet incident est clos sans que nous sachions si le service fonctionne de nouveau.',
    service_renamed: 'Ce service est désormais suivi sous un autre nom\u00a0: la suite de cet incident est dans son incident en cours.',
  },
};
