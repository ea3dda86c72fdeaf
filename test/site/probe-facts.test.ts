import { describe, expect, it } from 'vitest';
import type { ProbeHeartbeat } from '../../src/domain/records.ts';
import { t } from '../../src/i18n/index.ts';
import { probeFacts } from '../../src/site/probe-facts.ts';
import { catalogue, NOW, service } from '../status/fixtures.ts';

const LOCATIONS = [
  { id: 'paris', name: { fr: 'Paris', en: 'Paris' }, country: 'FR' },
  { id: 'montreal', name: { fr: 'Montréal', en: 'Montreal' }, country: 'CA' },
];
const UA_1 = 'Vigie-probe/0.1.0 (+https://statut.example.gouv.fr)';
const UA_2 = 'Vigie-probe/0.2.0 (+https://statut.example.gouv.fr)';
const beat = (
  location: string,
  self?: { userAgent: string; perHost: number },
  process = `${location}-host:1:aaaaaa`,
  at = NOW,
): ProbeHeartbeat => ({
  location,
  process,
  at,
  canariesHealthy: true,
  version: '0.1.0',
  ...(self ? { self } : {}),
});

const PARIS_1 = { name: 'Paris', processes: 1 };
const MONTREAL_1 = { name: 'Montreal', processes: 1 };

describe('probeFacts', () => {
  const withLocations = { ...catalogue([service('impots')]), locations: LOCATIONS };

  it.each([
    ['no heartbeat yet', [], null],
    ['only heartbeats from before probes described themselves', [beat('paris')], null],
    [
      'one probe, not named when the catalogue lists no places (its id « local » is no name for citizens)',
      [beat('local', { userAgent: UA_1, perHost: 2 })],
      { locations: [{ name: null, processes: 1 }], userAgents: [UA_1], perHost: 2 },
    ],
    [
      'places in catalogue order and by name, each User-Agent once, the highest cap; a place the catalogue no longer lists left out',
      [
        beat('montreal', { userAgent: UA_2, perHost: 3 }),
        beat('paris', { userAgent: UA_1, perHost: 2 }),
        beat('lyon'),
        beat('local', { userAgent: UA_1, perHost: 9 }),
      ],
      { locations: [PARIS_1, MONTREAL_1], userAgents: [UA_1, UA_2], perHost: 3 },
    ],
    [
      'the same User-Agent from two places, listed once',
      [beat('paris', { userAgent: UA_1, perHost: 2 }), beat('montreal', { userAgent: UA_1, perHost: 2 })],
      { locations: [PARIS_1, MONTREAL_1], userAgents: [UA_1], perHost: 2 },
    ],
  ] as const)('%s', (_, heartbeats, reported) => {
    const cat = heartbeats.length === 1 && heartbeats[0]?.location === 'local' ? catalogue([service('impots')]) : withLocations;
    expect(probeFacts(cat, heartbeats, 'en', NOW).reported).toEqual(reported);
  });

  it('names the places in the page language', () => {
    const heartbeats = [beat('paris', { userAgent: UA_1, perHost: 2 }), beat('montreal', { userAgent: UA_1, perHost: 2 })];
    expect(probeFacts(withLocations, heartbeats, 'fr', NOW).reported?.locations.map((l) => l.name)).toEqual(['Paris', 'Montréal']);
  });

  it('counts the probe processes alive at each place, a place whose processes all went silent at zero', () => {
    const self = { userAgent: UA_1, perHost: 2 };
    const heartbeats = [
      beat('paris', self, 'a:1:aaaaaa'),
      beat('paris', self, 'b:2:bbbbbb'),
      beat('paris', self, 'c:3:cccccc', new Date(NOW.getTime() - 3 * 60_000 - 1)),
      beat('montreal', self, 'd:4:dddddd', new Date(NOW.getTime() - 3_600_000)),
    ];
    const facts = probeFacts(withLocations, heartbeats, 'en', NOW);
    expect(facts.reported?.locations).toEqual([
      { name: 'Paris', processes: 2 },
      { name: 'Montreal', processes: 0 },
    ]);
    const fromWhere = (locale: 'fr' | 'en') =>
      t(locale).info.probes.body(probeFacts(withLocations, heartbeats, locale, NOW))[2]?.paragraphs[0];
    expect(fromWhere('en')).toMatch(/^Vantage points: Paris \(2\u00a0probes running\) and Montreal \(no probe running right now\)\./);
    expect(fromWhere('fr')).toMatch(
      /^Points de mesure\u00a0: Paris \(2\u00a0sondes en service\) et Montréal \(aucune sonde en service en ce moment\)\./,
    );
  });
});
