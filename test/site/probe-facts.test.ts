import { describe, expect, it } from 'vitest';
import type { ProbeHeartbeat } from '../../src/domain/records.ts';
import { probeFacts } from '../../src/site/probe-facts.ts';
import { catalogue, NOW, service } from '../status/fixtures.ts';

const LOCATIONS = [
  { id: 'paris', name: { fr: 'Paris', en: 'Paris' }, country: 'FR' },
  { id: 'montreal', name: { fr: 'Montréal', en: 'Montreal' }, country: 'CA' },
];
const UA_1 = 'Vigie-probe/0.1.0 (+https://statut.example.gouv.fr)';
const UA_2 = 'Vigie-probe/0.2.0 (+https://statut.example.gouv.fr)';
const beat = (location: string, self?: { userAgent: string; perHost: number }): ProbeHeartbeat => ({
  location,
  at: NOW,
  canariesHealthy: true,
  version: '0.1.0',
  ...(self ? { self } : {}),
});

describe('probeFacts', () => {
  const withLocations = { ...catalogue([service('impots')]), locations: LOCATIONS };

  it.each([
    ['no heartbeat yet', [], null],
    ['only heartbeats from before probes described themselves', [beat('paris')], null],
    [
      'one probe, named by its id when the catalogue lists no places',
      [beat('local', { userAgent: UA_1, perHost: 2 })],
      { locations: 'local', userAgents: [UA_1], perHost: 2 },
    ],
    [
      'places in catalogue order and by name, each User-Agent once, the highest cap; a place the catalogue no longer lists left out',
      [
        beat('montreal', { userAgent: UA_2, perHost: 3 }),
        beat('paris', { userAgent: UA_1, perHost: 2 }),
        beat('lyon'),
        beat('local', { userAgent: UA_1, perHost: 9 }),
      ],
      { locations: 'Paris and Montreal', userAgents: [UA_1, UA_2], perHost: 3 },
    ],
    [
      'the same User-Agent from two places, listed once',
      [beat('paris', { userAgent: UA_1, perHost: 2 }), beat('montreal', { userAgent: UA_1, perHost: 2 })],
      { locations: 'Paris and Montreal', userAgents: [UA_1], perHost: 2 },
    ],
  ] as const)('%s', (_, heartbeats, reported) => {
    const cat = heartbeats.length === 1 && heartbeats[0]?.location === 'local' ? catalogue([service('impots')]) : withLocations;
    expect(probeFacts(cat, heartbeats, 'en').reported).toEqual(reported);
  });

  it('names the places in the page language', () => {
    const heartbeats = [beat('paris', { userAgent: UA_1, perHost: 2 }), beat('montreal', { userAgent: UA_1, perHost: 2 })];
    expect(probeFacts(withLocations, heartbeats, 'fr').reported?.locations).toBe('Paris et Montréal');
  });
});
