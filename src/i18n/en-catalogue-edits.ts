import type { frCatalogueEdits } from './fr-catalogue-edits.ts';

/** English words of what Vigie tells when it closes an automatic incident for a catalogue edit. */
export const enCatalogueEdits: typeof frCatalogueEdits = {
  updateReasons: {
    service_removed: 'This service is no longer monitored. This incident is closed without our knowing whether the service works again.',
    service_renamed: 'This service is now monitored under another name: this incident goes on in its current incident.',
  },
};
