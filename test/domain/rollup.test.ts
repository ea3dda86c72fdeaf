import { describe, expect, it } from 'vitest';
import type { CheckResult } from '../../src/domain/records.ts';
import { LATENCY_BUCKETS_MS } from '../../src/domain/records.ts';
import { emptyTotals, histogramIndex, mergeRollups, percentile, rollupDeltas } from '../../src/domain/rollup.ts';
import { parisDayStart } from '../../src/domain/paris-time.ts';
import { result } from '../store/contract-fixtures.ts';

function at(iso: string): Date {
  return new Date(iso);
}

function check(startedAt: string, overrides: Partial<CheckResult> = {}): CheckResult {
  return result({ startedAt: at(startedAt), ...overrides });
}

function summary(deltas: ReturnType<typeof rollupDeltas>) {
  return deltas.map((d) => ({
    g: d.granularity,
    start: d.bucketStart.toISOString(),
    checks: d.checks,
    seconds: Object.fromEntries(Object.entries(d.seconds).filter(([, s]) => s !== 0)),
  }));
}

describe('rollupDeltas', () => {
  it('attributes the time since the previous check to the new state, within one hour, one day and one month', () => {
    const deltas = rollupDeltas({
      result: check('2026-06-01T10:30:00Z'),
      state: 'degraded',
      previousCheckedAt: at('2026-06-01T10:29:00Z'),
      interval: 60,
    });
    expect(summary(deltas)).toEqual([
      { g: 'day', start: '2026-05-31T22:00:00.000Z', checks: 1, seconds: { degraded: 60 } },
      { g: 'hour', start: '2026-06-01T10:00:00.000Z', checks: 1, seconds: { degraded: 60 } },
      { g: 'month', start: '2026-05-31T22:00:00.000Z', checks: 1, seconds: { degraded: 60 } },
    ]);
  });

  it('splits a span across an hour boundary and counts the check in the hour it started', () => {
    const deltas = rollupDeltas({
      result: check('2026-06-01T11:00:20Z'),
      state: 'down',
      previousCheckedAt: at('2026-06-01T10:59:30Z'),
      interval: 60,
    });
    expect(summary(deltas).filter((d) => d.g === 'hour')).toEqual([
      { g: 'hour', start: '2026-06-01T10:00:00.000Z', checks: 0, seconds: { down: 30 } },
      { g: 'hour', start: '2026-06-01T11:00:00.000Z', checks: 1, seconds: { down: 20 } },
    ]);
  });

  it('splits at Paris midnight, not UTC midnight', () => {
    const deltas = rollupDeltas({
      result: check('2026-01-15T23:00:30Z'),
      state: 'operational',
      previousCheckedAt: at('2026-01-15T22:59:00Z'),
      interval: 60,
    });
    expect(summary(deltas).filter((d) => d.g === 'day')).toEqual([
      { g: 'day', start: '2026-01-14T23:00:00.000Z', checks: 0, seconds: { operational: 60 } },
      { g: 'day', start: '2026-01-15T23:00:00.000Z', checks: 1, seconds: { operational: 30 } },
    ]);
  });

  it('caps a gap at two intervals so the rest stays "no data"', () => {
    const deltas = rollupDeltas({
      result: check('2026-06-01T10:30:00Z'),
      state: 'operational',
      previousCheckedAt: at('2026-06-01T08:00:00Z'),
      interval: 60,
    });
    expect(summary(deltas)).toEqual([
      { g: 'day', start: '2026-05-31T22:00:00.000Z', checks: 1, seconds: { operational: 120 } },
      { g: 'hour', start: '2026-06-01T10:00:00.000Z', checks: 1, seconds: { operational: 120 } },
      { g: 'month', start: '2026-05-31T22:00:00.000Z', checks: 1, seconds: { operational: 120 } },
    ]);
  });

  it('gives a first check one interval, and a check older than the previous one no time', () => {
    const first = rollupDeltas({ result: check('2026-06-01T10:30:00Z'), state: 'operational', previousCheckedAt: null, interval: 300 });
    expect(first.find((d) => d.granularity === 'hour')!.seconds.operational).toBe(300);
    const late = rollupDeltas({
      result: check('2026-06-01T10:30:00Z'),
      state: 'operational',
      previousCheckedAt: at('2026-06-01T10:31:00Z'),
      interval: 60,
    });
    expect(summary(late).map((d) => d.seconds)).toEqual([{}, {}, {}]);
    expect(late.every((d) => d.checks === 1)).toBe(true);
  });

  it('counts failures by outcome weight, and latency into the histogram', () => {
    const failed = rollupDeltas({
      result: check('2026-06-01T10:30:00Z', { outcome: 'http_5xx', latencyMs: 640 }),
      state: 'down',
      previousCheckedAt: null,
      interval: 60,
    });
    const hour = failed.find((d) => d.granularity === 'hour')!;
    expect(hour).toMatchObject({ failures: 1, latencyCount: 1, latencySumMs: 640, latencyMaxMs: 640 });
    expect(hour.latencyHistogram[LATENCY_BUCKETS_MS.indexOf(750)]).toBe(1);
    const blocked = rollupDeltas({
      result: check('2026-06-01T10:30:00Z', { outcome: 'blocked', latencyMs: null }),
      state: 'operational',
      previousCheckedAt: null,
      interval: 60,
    });
    expect(blocked[0]).toMatchObject({ checks: 1, failures: 0, latencyCount: 0 });
  });

  it('counts a probe-offline result as unknown time, with no failure and no latency', () => {
    const deltas = rollupDeltas({
      result: check('2026-06-01T10:30:00Z', { outcome: 'timeout', probeOffline: true }),
      state: 'down',
      previousCheckedAt: at('2026-06-01T10:29:00Z'),
      interval: 60,
    });
    for (const d of deltas) expect(d).toMatchObject({ checks: 1, failures: 0, latencyCount: 0, seconds: { unknown: 60, down: 0 } });
  });

  it('handles the 23-hour day when clocks go forward and the 25-hour day when they go back', () => {
    const spring = rollupDeltas({
      result: check('2026-03-29T22:00:00Z'),
      state: 'operational',
      previousCheckedAt: at('2026-03-28T23:00:00Z'),
      interval: 86_400,
    });
    expect(summary(spring).filter((d) => d.g === 'day')).toEqual([
      { g: 'day', start: '2026-03-28T23:00:00.000Z', checks: 0, seconds: { operational: 23 * 3600 } },
      { g: 'day', start: '2026-03-29T22:00:00.000Z', checks: 1, seconds: {} },
    ]);
    const autumn = rollupDeltas({
      result: check('2026-10-25T23:00:00Z'),
      state: 'operational',
      previousCheckedAt: at('2026-10-24T22:00:00Z'),
      interval: 86_400,
    });
    expect(summary(autumn).filter((d) => d.g === 'day')).toEqual([
      { g: 'day', start: '2026-10-24T22:00:00.000Z', checks: 0, seconds: { operational: 25 * 3600 } },
      { g: 'day', start: '2026-10-25T23:00:00.000Z', checks: 1, seconds: {} },
    ]);
    expect(summary(autumn).filter((d) => d.g === 'hour')).toHaveLength(26);
  });

  it('splits at the start of a Paris month, whose length follows the clock changes', () => {
    const newMonth = rollupDeltas({
      result: check('2026-03-31T22:00:30Z'),
      state: 'down',
      previousCheckedAt: at('2026-03-31T21:59:30Z'),
      interval: 60,
    });
    expect(summary(newMonth).filter((d) => d.g === 'month')).toEqual([
      { g: 'month', start: '2026-02-28T23:00:00.000Z', checks: 0, seconds: { down: 30 } },
      { g: 'month', start: '2026-03-31T22:00:00.000Z', checks: 1, seconds: { down: 30 } },
    ]);
    const wholeMarch = rollupDeltas({
      result: check('2026-03-31T22:00:00Z'),
      state: 'operational',
      previousCheckedAt: at('2026-02-28T23:00:00Z'),
      interval: 31 * 86_400,
    });
    expect(summary(wholeMarch).filter((d) => d.g === 'month')[0]).toMatchObject({ seconds: { operational: 743 * 3600 } });
  });

  it('finds the Paris day start in winter, summer and on both change days', () => {
    expect(new Date(parisDayStart(Date.parse('2026-01-15T12:00:00Z'))).toISOString()).toBe('2026-01-14T23:00:00.000Z');
    expect(new Date(parisDayStart(Date.parse('2026-07-15T21:59:59Z'))).toISOString()).toBe('2026-07-14T22:00:00.000Z');
    expect(new Date(parisDayStart(Date.parse('2026-07-15T22:00:00Z'))).toISOString()).toBe('2026-07-15T22:00:00.000Z');
    expect(new Date(parisDayStart(Date.parse('2026-03-29T12:00:00Z'))).toISOString()).toBe('2026-03-28T23:00:00.000Z');
    expect(new Date(parisDayStart(Date.parse('2026-10-25T12:00:00Z'))).toISOString()).toBe('2026-10-24T22:00:00.000Z');
  });
});

describe('percentile, mergeRollups', () => {
  it('interpolates inside the bucket holding the quantile', () => {
    const histogram = emptyTotals().latencyHistogram;
    histogram[0] = 50;
    histogram[1] = 50;
    expect(percentile(histogram, 0.5)).toBe(50);
    expect(percentile(histogram, 0.75)).toBe(75);
    expect(percentile(histogram, 1)).toBe(100);
    expect(percentile(emptyTotals().latencyHistogram, 0.5)).toBeNull();
  });

  it('uses the observed maximum for the open last bucket', () => {
    const histogram = emptyTotals().latencyHistogram;
    histogram[histogramIndex(45_000)] = 1;
    expect(histogramIndex(45_000)).toBe(LATENCY_BUCKETS_MS.length);
    expect(percentile(histogram, 1, 45_000)).toBe(45_000);
    expect(percentile(histogram, 1)).toBe(30_000);
  });

  it('adds every field, taking the largest maximum', () => {
    const a = rollupDeltas({
      result: check('2026-06-01T10:30:00Z', { latencyMs: 80 }),
      state: 'operational',
      previousCheckedAt: null,
      interval: 60,
    })[1]!;
    const b = rollupDeltas({
      result: check('2026-06-01T10:31:00Z', { latencyMs: 400, outcome: 'timeout' }),
      state: 'down',
      previousCheckedAt: null,
      interval: 60,
    })[1]!;
    const total = mergeRollups([a, b]);
    expect(total).toMatchObject({ checks: 2, failures: 1, latencyCount: 2, latencySumMs: 480, latencyMaxMs: 400 });
    expect(total.seconds).toEqual({ operational: 60, degraded: 0, down: 60, maintenance: 0, unknown: 0 });
    expect(total.latencyHistogram.reduce((s, n) => s + n, 0)).toBe(2);
    expect(mergeRollups([])).toEqual(emptyTotals());
  });
});
