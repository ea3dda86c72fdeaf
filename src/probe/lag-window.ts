/** The most recent scheduler lags, for percentiles that describe now rather than since start. */
export interface LagSummary {
  lastMs: number;
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
  samples: number;
}

export function createLagWindow(size = 2048) {
  const values = new Float64Array(size);
  let count = 0;
  let last = 0;
  return {
    add(lagMs: number): void {
      values[count % size] = lagMs;
      count += 1;
      last = lagMs;
    },
    summary(): LagSummary {
      const n = Math.min(count, size);
      const sorted = values.slice(0, n).sort();
      return {
        lastMs: last,
        p50Ms: percentile(sorted, 0.5),
        p99Ms: percentile(sorted, 0.99),
        maxMs: n > 0 ? (sorted[n - 1] ?? 0) : 0,
        samples: count,
      };
    },
  };
}

/** Nearest-rank percentile of an ascending array; 0 when empty. */
export function percentile(sorted: ArrayLike<number>, p: number): number {
  if (sorted.length === 0) return 0;
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1));
  return sorted[rank] ?? 0;
}
