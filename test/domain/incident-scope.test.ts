import { describe, expect, it } from 'vitest';
import { affectedOf, affects, IMPACT_STATE, impactOn, incidentState, type ScopedImpact } from '../../src/domain/incident-scope.ts';
import type { Incident } from '../../src/domain/incident-records.ts';
import type { PublishedState } from '../../src/domain/vocabulary.ts';
import { incident } from '../status/fixtures.ts';

/** An automatic outage of impots as the store writes it: its own service affected, major. */
const outage = (overrides: Partial<Incident> = {}): Incident =>
  incident('auto', { kind: 'auto', serviceId: 'impots', affected: [{ serviceId: 'impots', impact: 'major' }], ...overrides });

const CASES: { name: string; incident: Incident; affected: ScopedImpact[]; state: PublishedState }[] = [
  {
    name: 'an automatic outage affects its service, major, as the probe saw it',
    incident: outage(),
    affected: [{ serviceId: 'impots', impact: 'major', declaredBy: 'probe' }],
    state: 'down',
  },
  {
    name: 'an automatic outage stored without its service still affects it',
    incident: outage({ affected: [] }),
    affected: [{ serviceId: 'impots', impact: 'major', declaredBy: 'probe' }],
    state: 'down',
  },
  {
    name: 'taken over naming another service: both, the outage first and still the probe’s',
    incident: outage({ takenOverBy: 'agent@example.fr', affected: [{ serviceId: 'franceconnect', impact: 'partial' }] }),
    affected: [
      { serviceId: 'impots', impact: 'major', declaredBy: 'probe' },
      { serviceId: 'franceconnect', impact: 'partial', declaredBy: 'staff' },
    ],
    state: 'down',
  },
  {
    name: 'taken over re-grading its own service: staff’s impact stands',
    incident: outage({ takenOverBy: 'agent@example.fr', affected: [{ serviceId: 'impots', impact: 'degraded' }] }),
    affected: [{ serviceId: 'impots', impact: 'degraded', declaredBy: 'staff' }],
    state: 'degraded',
  },
  {
    name: 'a staff incident: its services as listed',
    incident: incident('s', {
      affected: [
        { serviceId: 'caf', impact: 'partial' },
        { serviceId: 'ameli', impact: 'degraded' },
      ],
    }),
    affected: [
      { serviceId: 'caf', impact: 'partial', declaredBy: 'staff' },
      { serviceId: 'ameli', impact: 'degraded', declaredBy: 'staff' },
    ],
    state: 'partial',
  },
  {
    name: 'a staff incident naming no service still says something is wrong',
    incident: incident('s'),
    affected: [],
    state: 'degraded',
  },
  {
    name: 'resolved reads as recovered',
    incident: outage({ status: 'resolved', resolvedAt: new Date() }),
    affected: [{ serviceId: 'impots', impact: 'major', declaredBy: 'probe' }],
    state: 'operational',
  },
];

describe('the incident rule', () => {
  it.each(CASES)('$name', ({ incident: i, affected, state }) => {
    expect(affectedOf(i)).toEqual(affected);
    expect(incidentState(i)).toBe(state);
    for (const a of affected) {
      expect(affects(i, a.serviceId)).toBe(true);
      expect(impactOn(i, a.serviceId)).toEqual(a);
    }
    expect(affects(i, 'elsewhere')).toBe(false);
  });

  it.each([
    ['degraded', 'degraded'],
    ['partial', 'partial'],
    ['major', 'down'],
  ] as const)('impact %s is published as %s, never worse', (impact, state) => {
    expect(IMPACT_STATE[impact]).toBe(state);
  });
});
