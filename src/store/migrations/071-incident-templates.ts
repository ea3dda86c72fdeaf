import type { Migration } from './migration.ts';

/**
 * Incident templates staff pick in the incident and update forms and edit in the admin (see
 * `src/domain/templates.ts`), shipped with three: a denial-of-service attack, a maintenance that
 * runs late, a deadline pushed back.
 */
const NB = '\u00a0';
const SEEDS = [
  {
    id: 'ddos',
    name: ['Attaque par déni de service', 'Denial-of-service attack'],
    title: ['Attaque par déni de service en cours', 'Denial-of-service attack in progress'],
    body: [
      `Attaque par déni de service en cours${NB}; certains sites ne sont accessibles que depuis la France. Services touchés${NB}: {services}. Début${NB}: {start}. Nos équipes et celles des services concernés travaillent au rétablissement.`,
      'A denial-of-service attack is in progress; some sites can only be reached from France. Services affected: {services}. Since: {start}. Our teams and those of the services concerned are working to restore them.',
    ],
  },
  {
    id: 'maintenance-prolongee',
    name: ['Maintenance prolongée', 'Maintenance extended'],
    title: ['Maintenance prolongée', 'Maintenance extended'],
    body: [
      `La maintenance de {services} dure plus longtemps que prévu${NB}: elle est prolongée jusqu’au {until}.`,
      'The maintenance of {services} is taking longer than planned: it is extended until {until}.',
    ],
  },
  {
    id: 'delai-prolonge',
    name: ['Délai prolongé', 'Deadline extended'],
    title: ['Délai prolongé jusqu’au {until}', 'Deadline extended until {until}'],
    body: [
      `En raison des difficultés d’accès à {services} depuis le {start}, le délai est prolongé jusqu’au {until}.`,
      'Because {services} could not be reached properly since {start}, the deadline is extended until {until}.',
    ],
  },
];

const quote = (text: string) => `'${text.replace(/'/g, "''")}'`;

function statements(time: string, epoch: string): string {
  const rows = SEEDS.map((s) => `(${[s.id, ...s.name, ...s.title, ...s.body].map(quote).join(', ')}, ${epoch})`);
  return `
CREATE TABLE incident_templates (
  id TEXT PRIMARY KEY,
  name_fr TEXT NOT NULL,
  name_en TEXT NOT NULL,
  title_fr TEXT NOT NULL,
  title_en TEXT NOT NULL,
  body_fr TEXT NOT NULL,
  body_en TEXT NOT NULL,
  updated_at ${time} NOT NULL
);
INSERT INTO incident_templates (id, name_fr, name_en, title_fr, title_en, body_fr, body_en, updated_at) VALUES
${rows.join(',\n')};
`;
}

export const incidentTemplates: Migration = {
  version: 71,
  name: 'incident-templates',
  sqlite: statements('INTEGER', '0'),
  postgres: statements('TIMESTAMPTZ', "'1970-01-01T00:00:00Z'"),
};
