import type { OwnPageReading } from '../domain/records.ts';
import { pluralForm } from './plural.ts';

const plural = (n: number, one: string, other: string) => pluralForm('fr', n, { one, other });

/** French words of shared causes: services one depends on, other status pages, waves and their templates. */
export const frWaves = {
  wave: {
    title: 'Vague de pannes',
    detected: (services: number, categories: number) =>
      `${services}\u00a0${plural(services, 'service', 'services')} de ${categories}\u00a0${plural(categories, 'catégorie', 'catégories')} ${plural(services, 'est tombé', 'sont tombés')} en panne en quelques minutes\u00a0: un seul incident commun peut les couvrir tous.`,
    template: 'Modèle',
    create: 'Créer l’incident commun',
    pinned: 'Incident en cours sur plusieurs services',
    pinnedLink: 'Suivre l’incident',
  },
  templates: {
    title: 'Modèles d’incident',
    help: `Variables remplies au choix du modèle\u00a0: {services}, {start}, {locations}\u00a0; {until} est à compléter.`,
    name: (lang: string) => `Nom (${lang})`,
    titleField: (lang: string) => `Titre (${lang})`,
    bodyField: (lang: string) => `Message (${lang})`,
    save: 'Enregistrer le modèle',
    saved: 'Modèle enregistré.',
    pick: 'Partir d’un modèle',
    use: 'Remplir avec ce modèle',
    none: 'Aucun',
  },
  upstream: {
    /** Said next to the state of a service read from its own status page. */
    source: 'd’après sa propre page d’état',
    /** Beside Vigie's own measurement of a service that is also read from its own status page. */
    alongside: {
      operational: 'D’après sa propre page d’état\u00a0: en service.',
      degraded: 'D’après sa propre page d’état\u00a0: perturbé.',
      down: 'D’après sa propre page d’état\u00a0: en panne.',
      maintenance: 'D’après sa propre page d’état\u00a0: en maintenance.',
      unknown: 'Sa propre page d’état ne dit rien de récent.',
    } satisfies Record<OwnPageReading['state'], string>,
    alongsideNote: 'C’est ce que le service dit de lui-même, pas une mesure de Vigie\u00a0: l’état affiché au-dessus est le nôtre.',
  },
  dependencies: {
    /** A service this one goes through is down; when it still answers, what does not go through it works. */
    upstreamDown: (name: string, stillAnswers: boolean) =>
      stillAnswers
        ? `Connexion avec ${name} indisponible\u00a0: la connexion directe reste possible`
        : `Connexion avec ${name} indisponible`,
    /** Next to a service an upstream's incident lists: why it is affected. */
    through: (name: string) => `à cause de ${name}`,
    /** In the message telling an upstream's outage: the services behind it, for their subscribers. */
    dependents: (names: string) => `Services qui en dépendent\u00a0: ${names}.`,
    banner: (name: string, dependents: number) =>
      `${name} est indisponible\u00a0; ${dependents}\u00a0${plural(dependents, 'service en dépend', 'services en dépendent')}.`,
  },
};
