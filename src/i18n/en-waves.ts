import type { frWaves } from './fr-waves.ts';
import { pluralForm } from './plural.ts';

const plural = (n: number, one: string, other: string) => pluralForm('en', n, { one, other });

/** English words of shared causes: services one depends on, other status pages, waves and their templates. */
export const enWaves: typeof frWaves = {
  wave: {
    title: 'Wave of outages',
    detected: (services: number, categories: number) =>
      `${services} ${plural(services, 'service', 'services')} in ${categories} ${plural(categories, 'category', 'categories')} went down within a few minutes: one shared incident can cover them all.`,
    template: 'Template',
    create: 'Create the shared incident',
    pinned: 'Incident in progress across several services',
    pinnedLink: 'Follow the incident',
  },
  templates: {
    title: 'Incident templates',
    help: 'Variables filled in when a template is picked: {services}, {start}, {locations}; {until} is yours to complete.',
    name: (lang: string) => `Name (${lang})`,
    titleField: (lang: string) => `Title (${lang})`,
    bodyField: (lang: string) => `Message (${lang})`,
    save: 'Save the template',
    saved: 'Template saved.',
    pick: 'Start from a template',
    use: 'Fill in with this template',
    none: 'None',
  },
  upstream: {
    source: 'according to its own status page',
    alongside: {
      operational: 'According to its own status page: operational.',
      degraded: 'According to its own status page: degraded.',
      down: 'According to its own status page: down.',
      maintenance: 'According to its own status page: under maintenance.',
      unknown: 'Its own status page has said nothing recent.',
    },
    alongsideNote: 'This is what the service says of itself, not a measurement by Vigie: the state shown above is ours.',
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
