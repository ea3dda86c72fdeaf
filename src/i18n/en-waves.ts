import type { frWaves } from './fr-waves.ts';
import { pluralForm } from './plural.ts';

const plural = (n: number, one: string, other: string) => pluralForm('en', n, { one, other });

/** English words of shared causes: services one depends on, other status pages, waves and their templates. */
export const enWaves: typeof frWaves = {
  upstream: {
    source: 'according to its own status page',
  },
  dependencies: {
    upstreamDown: (name: string, stillAnswers: boolean) =>
      stillAnswers ? `Connection through ${name} unavailable: connecting directly still works` : `Connection through ${name} unavailable`,
    through: (name: string) => `because of ${name}`,
    dependents: (names: string) => `Services that depend on it: ${names}.`,
    banner: (name: string, dependents: number) =>
      `${name} is unavailable; ${dependents} ${plural(dependents, 'service depends', 'services depend')} on it.`,
  },
};
