import { LATENCY_BUCKETS_MS } from '../store/records.ts';

/** Latency totals of one or more rollups, merged: every field is additive. */
export interface LatencyTotals {
  count: number;
  maxMs: number;
  histogram: number[];
}

export function emptyTotals(): LatencyTotals {
  return { count: 0, maxMs: 0, histogram: new Array<number>(LATENCY_BUCKETS_MS.length + 1).fill(0) };
}

export function addTotals(into: LatencyTotals, from: { latencyCount: number; latencyMaxMs: number; latencyHistogram: number[] }): void {
  into.count += from.latencyCount;
  into.maxMs = Math.max(into.maxMs, from.latencyMaxMs);
  from.latencyHistogram.forEach((n, i) => {
    if (i < into.histogram.length) into.histogram[i] = (into.histogram[i] ?? 0) + n;
  });
}

/**
 * The q-quantile (0–1) estimated from the histogram: linear within the bucket holding the rank,
 * the overflow bucket ending at the observed maximum, never above that maximum. Null when empty.
 */
export function histogramPercentile(totals: LatencyTotals, q: number): number | null {
  const total = totals.histogram.reduce((a, b) => a + b, 0);
  if (total === 0) return null;
  const rank = Math.max(1, Math.ceil(q * total));
  let seen = 0;
  for (let i = 0; i < totals.histogram.length; i++) {
    const inBucket = totals.histogram[i] ?? 0;
    if (inBucket === 0 || seen + inBucket < rank) {
      seen += inBucket;
      continue;
    }
    const lower = i === 0 ? 0 : (LATENCY_BUCKETS_MS[i - 1] ?? 0);
    const upper = Math.min(LATENCY_BUCKETS_MS[i] ?? totals.maxMs, totals.maxMs || Infinity);
    const estimate = lower + (Math.max(upper, lower) - lower) * ((rank - seen) / inBucket);
    return Math.round(totals.maxMs > 0 ? Math.min(estimate, totals.maxMs) : estimate);
  }
  return Math.round(totals.maxMs);
}
