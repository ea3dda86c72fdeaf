import { describe, expect, it } from 'vitest';
import type { ServiceState } from '../../src/domain/vocabulary.ts';
import type { Incident } from '../../src/domain/incident-records.ts';
import { affectedServices } from '../../src/status/affected.ts';
import { publicStates, type PublicLevel, type PublicServiceState } from '../../src/status/public-states.ts';
import { buildSnapshot } from '../../src/status/snapshot.ts';
import { catalogue, heartbeat, incident, maintenance, NOW, service, tracking } from './fixtures.ts';

const MIN = 60_000;
const ago = (minutes: number) => new Date(NOW.getTime() - minutes * MIN);

function state(id: string, level: PublicLevel, sinceMinutesAgo: number | null = 60): PublicServiceState {
  return {
    id,
    name: { fr: id, en: id },
    level,
    since: sinceMinutesAgo === null ? null : ago(sinceMinutesAgo),
    declaredByStaff: false,
    upstreamsDown: [],
    extensions: [],
  };
}

const outage = (id: string, serviceId: string, minutesAgo: number): Incident =>
  incident(id, {
    kind: 'auto',
    serviceId,
    title: { fr: `${serviceId} inaccessible`, en: `${serviceId} unreachable` },
    startedAt: ago(minutesAgo),
  });
const staff = (id: string, serviceId: string, impact: 'degraded' | 'partial' | 'major', minutesAgo = 30): Incident =>
  incident(id, { affected: [{ serviceId, impact }], startedAt: ago(minutesAgo) });

describe('affectedServices', () => {
  const cases: { name: string; states: PublicServiceState[]; incidents: Incident[]; expected: [string, PublicLevel, string | null][] }[] = [
    {
      name: 'nothing when every service works',
      states: [state('a', 'operational'), state('b', 'operational')],
      incidents: [],
      expected: [],
    },
    {
      name: 'unknown alone is not listed (the banner counts it), trouble is',
      states: [state('a', 'unknown'), state('b', 'degraded'), state('c', 'maintenance')],
      incidents: [],
      expected: [
        ['b', 'degraded', null],
        ['c', 'maintenance', null],
      ],
    },
    {
      name: 'worst first: down, partial, degraded, maintenance',
      states: [state('m', 'maintenance'), state('d', 'degraded'), state('p', 'partial'), state('x', 'down')],
      incidents: [],
      expected: [
        ['x', 'down', null],
        ['p', 'partial', null],
        ['d', 'degraded', null],
        ['m', 'maintenance', null],
      ],
    },
    {
      name: 'within a level, the longest-running first, then catalogue order',
      states: [state('late', 'down', 5), state('early', 'down', 120), state('same-1', 'down', 60), state('same-2', 'down', 60)],
      incidents: [],
      expected: [
        ['early', 'down', null],
        ['same-1', 'down', null],
        ['same-2', 'down', null],
        ['late', 'down', null],
      ],
    },
    {
      name: 'each with the incident about it; staff words before the automatic notice',
      states: [state('a', 'down'), state('b', 'down')],
      incidents: [outage('auto-a', 'a', 60), outage('auto-b', 'b', 60), staff('staff-b', 'b', 'degraded')],
      expected: [
        ['a', 'down', 'auto-a'],
        ['b', 'down', 'staff-b'],
      ],
    },
    {
      name: 'among staff incidents, the worst impact on this service, then the newest',
      states: [state('a', 'down')],
      incidents: [staff('mild', 'a', 'degraded', 10), staff('old-major', 'a', 'major', 90), staff('new-major', 'a', 'major', 20)],
      expected: [['a', 'down', 'new-major']],
    },
    {
      name: 'a service under an open staff incident is listed even when its state says fine',
      states: [state('a', 'operational')],
      incidents: [staff('s', 'a', 'degraded')],
      expected: [['a', 'operational', 's']],
    },
    {
      name: 'resolved incidents say nothing',
      states: [state('a', 'operational'), state('b', 'degraded')],
      incidents: [
        { ...staff('done', 'a', 'major'), status: 'resolved' },
        { ...outage('auto-done', 'b', 5), status: 'resolved' },
      ],
      expected: [['b', 'degraded', null]],
    },
  ];

  it.each(cases)('$name', ({ states, incidents, expected }) => {
    expect(affectedServices(states, incidents).map((l) => [l.id, l.level, l.incident?.id ?? null])).toEqual(expected);
  });

  it('carries the incident title and since', () => {
    const [line] = affectedServices([state('a', 'down', 45)], [outage('o', 'a', 45)]);
    expect(line).toEqual({
      id: 'a',
      name: { fr: 'a', en: 'a' },
      level: 'down',
      since: ago(45),
      declaredByStaff: false,
      upstreamsDown: [],
      extensions: [],
      incident: { id: 'o', title: { fr: 'a inaccessible', en: 'a unreachable' } },
    });
  });
});

describe('publicStates (the probe view, made worse by what staff declare)', () => {
  const services = ['ok', 'slow', 'staff', 'staff-minor', 'held', 'stale'].map((id) => service(id));
  const probe: Record<string, ServiceState> = {
    ok: 'operational',
    slow: 'degraded',
    staff: 'operational',
    'staff-minor': 'down',
    held: 'operational',
  };
  const snapshot = buildSnapshot({
    catalogue: catalogue(services),
    trackings: Object.entries(probe)
      .map(([id, s]) => tracking(id, s, 30))
      .concat(tracking('stale', 'operational', 3600)),
    heartbeats: [heartbeat(10)],
    openIncidents: [staff('i1', 'staff', 'partial', 25), staff('i2', 'staff-minor', 'degraded', 25), staff('i3', 'held', 'major', 40)],
    maintenances: [maintenance('m', ['held'], ago(60), new Date(NOW.getTime() + 60 * MIN))],
    dataVersion: 1,
    now: NOW,
  });

  it.each([
    ['ok', 'operational', false, ago(60)],
    ['slow', 'degraded', false, ago(60)],
    ['staff', 'partial', true, ago(25)],
    ['staff-minor', 'down', false, ago(60)],
    ['held', 'down', true, ago(40)],
    ['stale', 'unknown', false, ago(60)],
  ] as const)('%s is %s (declared by staff: %s)', (id, level, declared, since) => {
    const found = publicStates(snapshot).find((s) => s.id === id);
    expect({ level: found?.level, declared: found?.declaredByStaff, since: found?.since }).toEqual({ level, declared, since });
  });
});
