import { OUTCOME_WEIGHT, SERVICE_STATES, type ServiceState } from './vocabulary.ts';
import { nextParisDayStart, parisDayStart } from './paris-time.ts';
import { nextParisMonthStart, parisMonthStart } from './paris-periods.ts';
import { LATENCY_BUCKETS_MS, type CheckResult, type Rollup, type RollupDelta, type RollupGranularity } from './records.ts';

const HOUR_MS = 3_600_000;

export type RollupTotals = Omit<Rollup, 'serviceId' | 'granularity' | 'bucketStart'>;

export interface RollupInput {
  result: CheckResult;
  /**
   * The service's state after this check: the quorum's verdict with this check counted (see
   * `verdictWith`), so every location gives its share of the time to the state the page published.
   */
  state: ServiceState;
  previousCheckedAt: Date | null;
  /** The service's check interval, in seconds. */
  interval: number;
  /**
   * The part of the service's time this result speaks for: 1 / the number of locations, so the
   * locations' seconds add up to the bucket instead of counting it once per location. Default 1.
   */
  share?: number;
}

/**
 * What one check adds to the hourly (UTC), daily and monthly (Paris) rollups: months let a report
 * over years read a dozen rows per service a year instead of hundreds. The time since the previous
 * check is attributed to `state`, capped at two intervals so a gap in checking stays "no data";
 * a first check covers one interval. A probe-offline result says nothing about the service: its
 * time counts as `unknown` and it adds no failure or latency.
 */
export function rollupDeltas(input: RollupInput): RollupDelta[] {
  const { result, interval } = input;
  const end = result.startedAt.getTime();
  const intervalMs = interval * 1000;
  const earliest = end - (input.previousCheckedAt ? 2 * intervalMs : intervalMs);
  const start = Math.min(end, Math.max(earliest, input.previousCheckedAt?.getTime() ?? earliest));
  const state: ServiceState = result.probeOffline ? 'unknown' : input.state;
  const share = input.share ?? 1;
  const deltas = new Map<string, RollupDelta>();
  const bucket = (granularity: RollupGranularity, bucketStart: number): RollupDelta => {
    const key = `${granularity}:${bucketStart}`;
    let delta = deltas.get(key);
    if (!delta) {
      delta = { ...emptyTotals(), serviceId: result.serviceId, granularity, bucketStart: new Date(bucketStart) };
      deltas.set(key, delta);
    }
    return delta;
  };
  for (const [bucketStart, seconds] of split(start, end, hourStart, (h) => h + HOUR_MS)) {
    bucket('hour', bucketStart).seconds[state] += seconds * share;
  }
  for (const [bucketStart, seconds] of split(start, end, parisDayStart, nextParisDayStart)) {
    bucket('day', bucketStart).seconds[state] += seconds * share;
  }
  for (const [bucketStart, seconds] of split(start, end, parisMonthStart, nextParisMonthStart)) {
    bucket('month', bucketStart).seconds[state] += seconds * share;
  }
  addCheck(bucket('hour', hourStart(end)), result);
  addCheck(bucket('day', parisDayStart(end)), result);
  addCheck(bucket('month', parisMonthStart(end)), result);
  return [...deltas.values()].sort(
    (a, b) => a.granularity.localeCompare(b.granularity) || a.bucketStart.getTime() - b.bucketStart.getTime(),
  );
}

function hourStart(ms: number): number {
  return Math.floor(ms / HOUR_MS) * HOUR_MS;
}

/** Seconds of [start, end) falling in each bucket. */
function split(start: number, end: number, bucketOf: (ms: number) => number, next: (bucket: number) => number): Array<[number, number]> {
  const pieces: Array<[number, number]> = [];
  for (let cursor = start; cursor < end;) {
    const bucket = bucketOf(cursor);
    const stop = Math.min(next(bucket), end);
    pieces.push([bucket, (stop - cursor) / 1000]);
    cursor = stop;
  }
  return pieces;
}

function addCheck(delta: RollupDelta, result: CheckResult): void {
  delta.checks += 1;
  if (result.probeOffline) return;
  if (OUTCOME_WEIGHT[result.outcome] === 'failure') delta.failures += 1;
  if (result.latencyMs !== null) {
    delta.latencyCount += 1;
    delta.latencySumMs += result.latencyMs;
    delta.latencyMaxMs = Math.max(delta.latencyMaxMs, result.latencyMs);
    delta.latencyHistogram[histogramIndex(result.latencyMs)]! += 1;
  }
}

export function histogramIndex(latencyMs: number): number {
  const index = LATENCY_BUCKETS_MS.findIndex((bound) => latencyMs <= bound);
  return index === -1 ? LATENCY_BUCKETS_MS.length : index;
}

export function emptyTotals(): RollupTotals {
  return {
    checks: 0,
    failures: 0,
    seconds: Object.fromEntries(SERVICE_STATES.map((s) => [s, 0])) as Record<ServiceState, number>,
    latencyCount: 0,
    latencySumMs: 0,
    latencyMaxMs: 0,
    latencyHistogram: Array.from({ length: LATENCY_BUCKETS_MS.length + 1 }, () => 0),
  };
}

/** Adds rollups together (e.g. 90 days of one service, or every service for one day). */
export function mergeRollups(rollups: readonly RollupTotals[]): RollupTotals {
  const total = emptyTotals();
  for (const r of rollups) {
    total.checks += r.checks;
    total.failures += r.failures;
    for (const s of SERVICE_STATES) total.seconds[s] += r.seconds[s];
    total.latencyCount += r.latencyCount;
    total.latencySumMs += r.latencySumMs;
    total.latencyMaxMs = Math.max(total.latencyMaxMs, r.latencyMaxMs);
    r.latencyHistogram.forEach((count, i) => (total.latencyHistogram[i] = (total.latencyHistogram[i] ?? 0) + count));
  }
  return total;
}

/**
 * Estimated latency (ms) at quantile `p` (0–1), interpolated inside the histogram bucket that holds
 * it. The open last bucket has no upper bound: `maxMs` (the observed maximum) stands in for it.
 * Null when the histogram is empty.
 */
export function percentile(histogram: readonly number[], p: number, maxMs?: number): number | null {
  const total = histogram.reduce((sum, n) => sum + n, 0);
  if (total === 0) return null;
  const rank = Math.min(Math.max(p, 0), 1) * total;
  let seen = 0;
  for (const [i, count] of histogram.entries()) {
    if (count === 0 || seen + count < rank) {
      seen += count;
      continue;
    }
    const lower = i === 0 ? 0 : LATENCY_BUCKETS_MS[i - 1]!;
    const last = LATENCY_BUCKETS_MS[LATENCY_BUCKETS_MS.length - 1]!;
    const upper = LATENCY_BUCKETS_MS[i] ?? Math.max(maxMs ?? last, last);
    return lower + ((rank - seen) / count) * (upper - lower);
  }
  return maxMs ?? null;
}
