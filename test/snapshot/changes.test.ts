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

  it('refreshes the oldest services, enough for the catalogue to go round once per REFRESH_MS, and every overdue one', () => {
    const ids = ['a', 'b', 'c', 'd'];
    const now = 10 * REFRESH_MS;
    const renderedAt = { a: now - 1000, b: now - 3000, c: now - 2000, d: now - 4000 };
    expect(refreshDue(ids, renderedAt, { now, previous: now })).toEqual([]);
    expect(refreshDue(ids, renderedAt, { now, previous: now - REFRESH_MS / 4 })).toEqual(['d']);
    expect(refreshDue(ids, renderedAt, { now, previous: now - REFRESH_MS / 2 })).toEqual(['d', 'b']);
    expect(refreshDue(ids, { ...renderedAt, a: now - REFRESH_MS }, { now, previous: now })).toEqual(['a']);
    expect(refreshDue(ids, {}, { now, previous: now })).toEqual(ids);
  });
});
