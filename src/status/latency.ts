import type { Rollup } from '../domain/records.ts';
import { mergeRollups, percentile } from '../domain/rollup.ts';
import type { LatencyPoint, LatencyRange } from './views.ts';

const HOUR_MS = 3_600_000;

/** Points per range: enough to read a trend on a phone, few enough for a light SVG. */
export const LATENCY_STEPS: Record<LatencyRange, { stepHours: number; points: number }> = {
  '24h': { stepHours: 1, points: 24 },
  '7d': { stepHours: 3, points: 56 },
  '30d': { stepHours: 6, points: 120 },
};

/**
 * Response-time series from hourly rollups (UTC hours), oldest first, ending with the step that
 * contains `now`. Steps without checks are points with `checks: 0` and null values: a gap, not zero.
 */
export function latencySeries(rollups: Rollup[], options: { range: LatencyRange; now: Date }): LatencyPoint[] {
  const { stepHours, points } = LATENCY_STEPS[options.range];
  const stepMs = stepHours * HOUR_MS;
  const lastStart = Math.floor(options.now.getTime() / stepMs) * stepMs;
  const firstStart = lastStart - (points - 1) * stepMs;
  const steps: Rollup[][] = Array.from({ length: points }, () => []);
  for (const rollup of rollups) {
    if (rollup.granularity !== 'hour') continue;
    steps[Math.floor((rollup.bucketStart.getTime() - firstStart) / stepMs)]?.push(rollup);
  }
  return steps.map((list, i) => {
    const totals = mergeRollups(list);
    const at = (q: number) => {
      const value = percentile(totals.latencyHistogram, q, totals.latencyMaxMs);
      return value === null ? null : Math.round(Math.min(value, totals.latencyMaxMs));
    };
    return {
      start: new Date(firstStart + i * stepMs),
      checks: totals.checks,
      p50Ms: at(0.5),
      p95Ms: at(0.95),
      maxMs: totals.latencyCount > 0 ? totals.latencyMaxMs : null,
    };
  });
}

/** How far back a range reaches from `now` (for the rollup query). */
export function latencyRangeStart(range: LatencyRange, now: Date): Date {
  const { stepHours, points } = LATENCY_STEPS[range];
  const stepMs = stepHours * HOUR_MS;
  return new Date(Math.floor(now.getTime() / stepMs) * stepMs - (points - 1) * stepMs);
}
