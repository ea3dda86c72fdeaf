import { describe, expect, it } from 'vitest';
import type { OutageFacts, ServiceTracking, UpstreamFacts } from '../../src/domain/records.ts';
import type { ServiceState } from '../../src/domain/vocabulary.ts';
import { autoIncidentDecider, decideAutoIncident } from '../../src/incidents/auto-incident.ts';
import { dependencyLinks } from '../../src/incidents/dependency-links.ts';
import { service } from '../probe/support/catalogue.ts';

const NOW = new Date('2026-11-24T21:00:00Z');
const ago = (s: number) => new Date(NOW.getTime() - s * 1000);
const fc = service('fc', 'https://franceconnect.gouv.fr/', { interval: 60 });
const impots = service('impots', 'https://www.impots.gouv.fr/', { dependsOn: ['fc'] });

function tracking(serviceId: string, state: ServiceState, downForS = 120, failureStreak = state === 'down' ? 3 : 0): ServiceTracking {
  return {
    serviceId,
    location: 'paris',
    state,
    since: ago(downForS),
    failureStreak,
    successStreak: state === 'down' ? 0 : 2,
    failureRunStartedAt: state === 'down' ? ago(downForS) : null,
    lastCheckedAt: ago(5),
    lastOutcome: state === 'down' ? 'http_5xx' : 'ok',
    latencyMs: 100,
    openIncidentId: null,
  };
}

function facts(own: ServiceTracking, upstream: UpstreamFacts): OutageFacts {
  return {
    serviceId: own.serviceId,
    trackings: [own],
    heartbeats: [{ location: 'paris', process: 'p', at: ago(10), canariesHealthy: true, version: 'test' }],
    openIncident: null,
    upstreams: [upstream],
  };
}

const links = { upstreams: [fc], dependents: [] };
const root = { id: 'root-1', startedAt: ago(200) };

describe('a dependent’s outage and its upstream’s (pure)', () => {
  it.each([
    [
      'upstream incident open: joins it',
      tracking('fc', 'down'),
      root,
      120,
      { type: 'outage_joined', serviceId: 'impots', rootIncidentId: 'root-1' },
    ],
    ['upstream failing, not confirmed, dependent down for 2 min (window 4 min): waits', tracking('fc', 'degraded', 60, 1), null, 120, null],
    ['upstream down without incident yet: waits', tracking('fc', 'down'), null, 60, null],
    ['upstream failing, but the dependent is down for 10 min: its own', tracking('fc', 'degraded', 60, 1), null, 600, 'outage_opened'],
    ['upstream fine: its own, as any service', tracking('fc', 'operational'), null, 120, 'outage_opened'],
  ] as const)('%s', (_name, upstreamTracking, openRoot, downForS, expected) => {
    const event = decideAutoIncident(
      impots,
      [],
      NOW,
      facts(tracking('impots', 'down', downForS), { serviceId: 'fc', trackings: [upstreamTracking], openIncident: openRoot }),
      links,
    );
    if (typeof expected === 'string') expect(event?.type).toBe(expected);
    else expect(event).toEqual(expected);
  });

  it('the upstream’s own incident names its dependents, for their subscribers, when it opens and when it resolves', () => {
    const all = dependencyLinks([fc, impots, service('caf', 'https://caf.fr/', { dependsOn: ['fc'] })]);
    expect(all.get('fc')?.dependents).toEqual(['impots', 'caf']);
    expect(all.get('impots')?.upstreams.map((u) => u.id)).toEqual(['fc']);
    const down: OutageFacts = {
      serviceId: 'fc',
      trackings: [tracking('fc', 'down')],
      heartbeats: facts(tracking('fc', 'down'), { serviceId: 'x', trackings: [], openIncident: null }).heartbeats,
      openIncident: null,
    };
    expect(decideAutoIncident(fc, [], NOW, down, all.get('fc'))).toMatchObject({ type: 'outage_opened', dependents: ['impots', 'caf'] });
    const up = { ...down, trackings: [tracking('fc', 'operational')], openIncident: root };
    expect(decideAutoIncident(fc, [], NOW, up, all.get('fc'))).toMatchObject({ type: 'outage_resolved', dependents: ['impots', 'caf'] });
    expect(autoIncidentDecider(impots, [], NOW, all.get('impots')).upstreamIds).toEqual(['fc']);
    expect(autoIncidentDecider(fc, [], NOW, all.get('fc')).upstreamIds).toBeUndefined();
  });
});
