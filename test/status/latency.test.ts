import { describe, expect, it } from 'vitest';
import { latencyRangeStart, latencySeries } from '../../src/status/latency.ts';
import { rollup } from './fixtures.ts';

const now = new Date('2026-11-24T21:30:00Z');
const hour = (iso: string, latencies: number[]) => rollup('a', 'hour', new Date(iso), { operational: 3600 }, latencies);

describe('latencySeries', () => {
  it('gives 24 hourly points ending with the current hour, gaps as nulls', () => {
    const points = latencySeries([hour('2026-11-24T21:00:00Z', [100, 100, 100, 900])], { range: '24h', now });
    expect(points).toHaveLength(24);
    expect(points[0]!.start).toEqual(new Date('2026-11-23T22:00:00Z'));
    expect(points[23]).toMatchObject({ checks: 4, maxMs: 900 });
    expect(points[23]!.p50Ms).toBeGreaterThan(50);
    expect(points[23]!.p50Ms).toBeLessThanOrEqual(100);
    expect(points[23]!.p95Ms).toBeGreaterThan(750);
    expect(points[23]!.p95Ms).toBeLessThanOrEqual(900);
    expect(points[10]).toMatchObject({ checks: 0, p50Ms: null, p95Ms: null, maxMs: null });
  });

  it('merges hours into 3-hour steps for 7 days and 6-hour steps for 30 days', () => {
    const rollups = [hour('2026-11-24T18:00:00Z', [200]), hour('2026-11-24T19:00:00Z', [200]), hour('2026-11-24T20:00:00Z', [3000])];
    const week = latencySeries(rollups, { range: '7d', now });
    expect(week).toHaveLength(56);
    expect(week[55]).toMatchObject({ start: new Date('2026-11-24T21:00:00Z'), checks: 0 });
    expect(week[54]).toMatchObject({ start: new Date('2026-11-24T18:00:00Z'), checks: 3, maxMs: 3000 });
    const month = latencySeries(rollups, { range: '30d', now });
    expect(month).toHaveLength(120);
    expect(month[119]).toMatchObject({ start: new Date('2026-11-24T18:00:00Z'), checks: 3 });
  });

  it('ignores rollups outside the range and says how far back it reaches', () => {
    const old = hour('2026-11-20T10:00:00Z', [100]);
    expect(latencySeries([old], { range: '24h', now }).every((p) => p.checks === 0)).toBe(true);
    expect(latencyRangeStart('24h', now)).toEqual(new Date('2026-11-23T22:00:00Z'));
  });
});
