import { resolveCatalogue, type Catalogue } from '../../../src/config/services-schema.ts';
import type { IncidentContext } from '../../../src/incidents/service-context.ts';
import type { Store } from '../../../src/store/store.ts';

/** A two-service catalogue, enough for the staff actions' checks. */
export const CATALOGUE: Catalogue = resolveCatalogue({
  categories: [{ id: 'social', name: { fr: 'Social', en: 'Social' } }],
  services: [
    { id: 'ameli', name: { fr: 'ameli.fr', en: 'ameli.fr' }, category: 'social', url: 'https://www.ameli.fr/' },
    { id: 'caf', name: { fr: 'caf.fr', en: 'caf.fr' }, category: 'social', url: 'https://www.caf.fr/' },
  ],
});

export function incidentContext(store: Store, clock: () => Date): IncidentContext {
  return { store, catalogue: CATALOGUE, clock, actor: { email: 'agent@example.gouv.fr', ip: '198.51.100.7' } };
}

export const BILINGUAL = {
  titleFr: 'Connexion impossible',
  titleEn: 'Cannot sign in',
  bodyFr: 'Nous **cherchons** la cause.',
  bodyEn: 'We are **looking** into it.',
  status: 'investigating',
  impacts: { ameli: 'major', caf: '' },
};
