import type { Rollup } from '../store/records.ts';
import { addTotals, emptyTotals, histogramPercentile, type LatencyTotals } from './latency-histogram.ts';
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
  const steps: { checks: number; totals: LatencyTotals }[] = Array.from({ length: points }, () => ({
    checks: 0,
    totals: emptyTotals(),
  }));
  for (const rollup of rollups) {
    if (rollup.granularity !== 'hour') continue;
    const index = Math.floor((rollup.bucketStart.getTime() - firstStart) / stepMs);
    const step = steps[index];
    if (!step) continue;
    step.checks += rollup.checks;
    addTotals(step.totals, rollup);
  }
  return steps.map((step, i) => ({
    start: new Date(firstStart + i * stepMs),
    checks: step.checks,
    p50Ms: histogramPercentile(step.totals, 0.5),
    p95Ms: histogramPercentile(step.totals, 0.95),
    maxMs: step.totals.count > 0 ? step.totals.maxMs : null,
  }));
}

/** How far back a range reaches from `now` (for the rollup query). */
export function latencyRangeStart(range: LatencyRange, now: Date): Date {
  const { stepHours, points } = LATENCY_STEPS[range];
  const stepMs = stepHours * HOUR_MS;
  return new Date(Math.floor(now.getTime() / stepMs) * stepMs - (points - 1) * stepMs);
}
