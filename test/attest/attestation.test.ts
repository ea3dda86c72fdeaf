import { describe, expect, it } from 'vitest';
import { attest, type AttestationFacts } from '../../src/attest/attestation.ts';
import { canonicalJson } from '../../src/attest/canonical-json.ts';
import type { FailureTally } from '../../src/domain/records.ts';
import type { Incident } from '../../src/domain/incident-records.ts';
import { service } from '../status/fixtures.ts';

const T = (minute: number) => new Date(Date.UTC(2026, 2, 29, 0, minute));
const incident = (overrides: Partial<Incident> = {}): Incident => ({
  id: 'inc1',
  kind: 'auto',
  serviceId: 'impots',
  title: { fr: 'Panne', en: 'Outage' },
  status: 'resolved',
  affected: [{ serviceId: 'impots', impact: 'major' }],
  startedAt: T(0),
  createdAt: T(3),
  updatedAt: T(60),
  resolvedAt: T(60),
  takenOverBy: null,
  updates: [],
  ...overrides,
});
const tally = (
  location: string,
  count: number,
  first: number,
  last: number,
  outcome: FailureTally['outcome'] = 'http_5xx',
): FailureTally => ({
  location,
  outcome,
  count,
  first: T(first),
  last: T(last),
});
const facts = (overrides: Partial<AttestationFacts> = {}): AttestationFacts => ({
  incident: incident(),
  service: service('impots'),
  locations: [{ id: 'paris', name: { fr: 'Paris', en: 'Paris' } }],
  failures: [tally('paris', 10, 0, 50)],
  issuer: { url: 'https://statut.example.gouv.fr', publisher: null, keyFingerprint: 'ab'.repeat(32) },
  ...overrides,
});

describe('attest', () => {
  it.each([
    ['a staff incident', facts({ incident: incident({ kind: 'staff' }) }), 'not_an_outage'],
    ["another service's outage", facts({ incident: incident({ serviceId: 'caf' }) }), 'not_an_outage'],
    ['an outage without a failed check from a trusted probe (network in doubt)', facts({ failures: [] }), 'no_failed_checks'],
    [
      'an outage seen by fewer locations than the quorum',
      facts({ service: service('impots', 'tax', { detection: { failuresBeforeDown: 3, successesBeforeUp: 2, quorum: 2 } }) }),
      'no_quorum',
    ],
  ])('refuses %s', (_, input, refusal) => {
    expect(attest(input)).toEqual({ refused: refusal });
  });

  it('gives the window from the first to the last failed check of every witness, and their outcomes', () => {
    const result = attest(
      facts({ failures: [tally('paris', 4, 2, 40), tally('lyon', 3, 1, 30, 'timeout'), tally('paris', 1, 45, 45, 'reset')] }),
    );
    if ('refused' in result) throw new Error('refused');
    expect(result.firstFailedCheck).toEqual(T(1));
    expect(result.lastFailedCheck).toEqual(T(45));
    expect(result.witnesses.map((w) => [w.id, w.name, w.failedChecks, w.outcomes])).toEqual([
      ['lyon', null, 3, { timeout: 3 }],
      ['paris', { fr: 'Paris', en: 'Paris' }, 5, { http_5xx: 4, reset: 1 }],
    ]);
    expect(result.status).toBe('confirmed');
  });

  it('says "in progress" while the incident is open, and keeps staff notices, not the probe’s', () => {
    const open = incident({
      resolvedAt: null,
      updates: [
        {
          id: 'u1',
          incidentId: 'inc1',
          status: 'investigating',
          body: { fr: 'Panne détectée', en: 'Outage detected' },
          createdAt: T(3),
          author: 'probe',
          editedAt: null,
          history: [],
          reason: null,
          nextUpdateAt: null,
          observed: null,
        },
        {
          id: 'u2',
          incidentId: 'inc1',
          status: 'identified',
          body: { fr: 'Délai prolongé', en: null },
          createdAt: T(20),
          author: 'agent@x.fr',
          editedAt: null,
          history: [],
          reason: null,
          nextUpdateAt: null,
          observed: null,
        },
      ],
    });
    const result = attest(facts({ incident: open }));
    if ('refused' in result) throw new Error('refused');
    expect(result.status).toBe('in_progress');
    expect(JSON.parse(result.json).notices).toEqual([{ at: T(20).toISOString(), fr: 'Délai prolongé', en: null }]);
  });

  it('writes the same bytes for the same facts: sorted keys, no white space, one final line feed', () => {
    const a = attest(facts());
    const b = attest(facts());
    if ('refused' in a || 'refused' in b) throw new Error('refused');
    expect(a.json).toBe(b.json);
    expect(canonicalJson({ b: 1, a: [true, null, 'é'] })).toBe('{"a":[true,null,"é"],"b":1}\n');
    expect(() => canonicalJson({ a: 0.5 })).toThrow(/integers only/);
  });
});
