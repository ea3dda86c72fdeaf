import { describe, expect, it } from 'vitest';
import { changedServices, type PublicDocuments } from '../../src/snapshot/changes.ts';
import { REFRESH_MS, refreshDue } from '../../src/snapshot/refresh-due.ts';

const operational = [
  { id: 'caf', status: 'operational' },
  { id: 'ameli', status: 'operational' },
];
const documents = (overrides: Partial<PublicDocuments> = {}): PublicDocuments => ({
  components: operational,
  incidents: [],
  maintenances: [],
  ...overrides,
});

describe('what an incremental publication renders again', () => {
  it('names the services whose component changed, appeared or went', () => {
    const before = documents();
    const components = [{ id: 'caf', status: 'major_outage' }, { id: 'msa' }];
    const after = documents({ components });
    expect([...changedServices(before, after)].sort()).toEqual(['ameli', 'caf', 'msa']);
    expect(changedServices(before, documents()).size).toBe(0);
  });

  it('names every service an incident or a maintenance named before or after its change', () => {
    const incident = { id: 'i1', status: 'investigating', components: [{ id: 'caf' }] };
    const before = documents({ incidents: [incident], maintenances: [{ id: 'm1', components: [{ id: 'msa' }] }] });
    const moved = { ...incident, status: 'identified', components: [{ id: 'ameli' }] };
    expect([...changedServices(before, documents({ incidents: [moved], maintenances: before.maintenances }))].sort()).toEqual([
      'ameli',
      'caf',
    ]);
    expect([...changedServices(before, documents({ incidents: [incident] }))]).toEqual(['msa']);
  });

  it('refreshes the oldest services, enough for the catalogue to go round once per REFRESH_MS, at most ten seconds’ worth', () => {
    const ids = Array.from({ length: 24 }, (_, i) => `s${i}`);
    const now = 10 * REFRESH_MS;
    // s23 rendered longest ago, s0 last.
    const renderedAt = Object.fromEntries(ids.map((id, i) => [id, now - 1000 * (i + 1)]));
    expect(refreshDue(ids, renderedAt, { now, previous: now })).toEqual([]);
    expect(refreshDue(ids, renderedAt, { now, previous: now - 5_000 })).toEqual(['s23']);
    expect(refreshDue(ids, renderedAt, { now, previous: now - 10_000 })).toEqual(['s23', 's22']);
    // After a long publication, no more than ten seconds' worth: a change must not wait behind the rest.
    expect(refreshDue(ids, renderedAt, { now, previous: now - REFRESH_MS })).toEqual(['s23', 's22']);
  });
});
