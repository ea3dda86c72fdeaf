import { describe, expect, it } from 'vitest';
import type { LocationConfig } from '../../src/config/services-schema.ts';
import type { ServiceState } from '../../src/domain/vocabulary.ts';
import { decideAutoIncident } from '../../src/incidents/auto-incident.ts';
import type { OutageFacts, ServiceTracking } from '../../src/domain/records.ts';
import { service } from '../probe/support/catalogue.ts';

const NOW = new Date('2026-11-24T21:00:00Z');
const ago = (s: number) => new Date(NOW.getTime() - s * 1000);
const LOCATIONS: LocationConfig[] = [
  { id: 'paris', name: { fr: 'Paris', en: 'Paris' }, country: 'FR' },
  { id: 'lyon', name: { fr: 'Lyon', en: 'Lyon' }, country: 'FR' },
  { id: 'montreal', name: { fr: 'Montréal', en: 'Montreal' }, country: 'CA' },
];
const impots = service('impots', 'https://www.impots.gouv.fr/', { name: { fr: 'Impôts', en: 'Tax portal' } });

function facts(states: Record<string, ServiceState>, open: OutageFacts['openIncident'] = null, offline: string[] = []): OutageFacts {
  const trackings: ServiceTracking[] = Object.entries(states).map(([location, state]) => ({
    serviceId: 'impots',
    location,
    state,
    since: ago(600 - location.length),
    failureStreak: state === 'down' ? 3 : 0,
    successStreak: state === 'down' ? 0 : 2,
    failureRunStartedAt: state === 'down' ? ago(600) : null,
    lastCheckedAt: ago(10),
    lastOutcome: state === 'down' ? 'http_5xx' : 'ok',
    latencyMs: 100,
    openIncidentId: null,
  }));
  const heartbeats = Object.keys(states).map((location) => ({
    location,
    process: `${location}-host:1:aaaaaa`,
    at: ago(20),
    canariesHealthy: !offline.includes(location),
    version: 'test',
  }));
  return { serviceId: 'impots', trackings, heartbeats, openIncident: open };
}

describe('decideAutoIncident', () => {
  it('opens on a quorum, at the earliest witness, recording what was seen and where, and no words', () => {
    const event = decideAutoIncident(impots, LOCATIONS, NOW, facts({ paris: 'down', lyon: 'operational', montreal: 'down' }));
    expect(event).toEqual({
      type: 'outage_opened',
      serviceId: 'impots',
      startedAt: ago(600 - 'paris'.length),
      observed: {
        outcome: 'http_5xx',
        checkKind: 'http',
        step: null,
        domain: 'impots.gouv.fr',
        locations: [
          { fr: 'Paris', en: 'Paris' },
          { fr: 'Montréal', en: 'Montreal' },
        ],
      },
    });
  });

  it('records no place without catalogue locations', () => {
    const event = decideAutoIncident(impots, [], NOW, facts({ local: 'down' }));
    expect(event?.type === 'outage_opened' && event.observed.locations).toEqual([]);
  });

  it.each([
    ['a minority down', { paris: 'down', lyon: 'operational', montreal: 'operational' }, []],
    ['only abroad down (geo-fence)', { paris: 'operational', lyon: 'operational', montreal: 'down' }, []],
    ['a majority down, but one of them does not trust its network', { paris: 'down', lyon: 'operational', montreal: 'down' }, ['montreal']],
    ['already open', { paris: 'down', lyon: 'down', montreal: 'down' }, []],
  ] as const)('opens nothing: %s', (_name, states, offline) => {
    const open = _name === 'already open' ? { id: 'x', startedAt: ago(600) } : null;
    expect(decideAutoIncident(impots, LOCATIONS, NOW, facts(states, open, [...offline]))).toBeNull();
  });

  it('resolves once the verdict is no longer down, and not while nobody votes', () => {
    const open = { id: 'x', startedAt: ago(3600) };
    const resolved = decideAutoIncident(
      impots,
      LOCATIONS,
      NOW,
      facts({ paris: 'operational', lyon: 'operational', montreal: 'down' }, open),
    );
    expect(resolved).toEqual({ type: 'outage_resolved', serviceId: 'impots', resolvedAt: NOW, domain: 'impots.gouv.fr' });
    const blind = facts({ paris: 'operational', lyon: 'operational', montreal: 'operational' }, open, ['paris', 'lyon', 'montreal']);
    expect(decideAutoIncident(impots, LOCATIONS, NOW, blind)).toBeNull();
  });

  it('once per transition of the verdict, whatever order late results come in', () => {
    const down = { paris: 'down', lyon: 'down', montreal: 'down' } as const;
    // A late "down" dated before the last outage's resolution: that time was told already.
    expect(decideAutoIncident(impots, LOCATIONS, NOW, { ...facts(down), lastResolvedAt: NOW })).toBeNull();
    expect(decideAutoIncident(impots, LOCATIONS, NOW, { ...facts(down), lastResolvedAt: ago(1) })?.type).toBe('outage_opened');
    // A late "up" dated before the open incident began does not end it.
    const up = { paris: 'operational', lyon: 'operational', montreal: 'operational' } as const;
    expect(decideAutoIncident(impots, LOCATIONS, NOW, facts(up, { id: 'x', startedAt: new Date(NOW.getTime() + 1) }))).toBeNull();
  });
});
