import { pluralForm } from './plural.ts';

const plural = (n: number, one: string, other: string) => pluralForm('fr', n, { one, other });

/** French words of shared causes: services one depends on, other status pages, waves and their templates. */
export const frWaves = {
  upstream: {
    /** Said next to the state of a service read from its own status page. */
    source: 'd’après sa propre page d’état',
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
