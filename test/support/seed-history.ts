import { addParisDays, nextParisDayStart, parisDayKey, parisDayStartOfKey } from '../../src/domain/paris-time.ts';
import { LATENCY_BUCKETS_MS, type Rollup } from '../../src/domain/records.ts';
import { parisMonthStart } from '../../src/domain/paris-periods.ts';
import { emptyTotals, histogramIndex, mergeRollups } from '../../src/domain/rollup.ts';

/**
 * Rollup histories for the site tests and the web benchmark. Days are counted in Paris days, as
 * the product counts them: 24-hour steps land a day off near midnight across a clock change.
 */
const HOUR = 3_600_000;

/** 89 full days up (one with a 42-minute outage, one in maintenance), then today so far. */
export function dailyHistory(serviceId: string, now: Date): Rollup[] {
  const rollups: Rollup[] = [];
  let start = parisDayStartOfKey(addParisDays(parisDayKey(now), -89)).getTime();
  for (let i = 0; i < 90; i++) {
    const end = Math.min(nextParisDayStart(start), now.getTime());
    const seconds = emptyTotals().seconds;
    const total = (end - start) / 1000;
    if (i === 80) {
      seconds.down = 42 * 60;
      seconds.operational = total - seconds.down;
    } else if (i === 60) {
      seconds.maintenance = 90 * 60;
      seconds.operational = total - seconds.maintenance;
    } else if (i >= 10) {
      seconds.operational = total;
    }
    if (i >= 10) rollups.push({ ...emptyTotals(), serviceId, granularity: 'day', bucketStart: new Date(start), checks: 1440, seconds });
    start = nextParisDayStart(start);
  }
  return rollups;
}

/** Hourly rollups for the last 30 days with latencies around `baseMs`. */
export function hourlyLatency(serviceId: string, now: Date, baseMs: number): Rollup[] {
  const rollups: Rollup[] = [];
  const lastHour = Math.floor(now.getTime() / HOUR) * HOUR;
  for (let h = 30 * 24 - 1; h >= 0; h--) {
    const bucketStart = lastHour - h * HOUR;
    const totals = emptyTotals();
    const latencies = [baseMs, baseMs + 40 * Math.sin(h / 5), baseMs * 1.8, baseMs * (h % 24 === 3 ? 6 : 1.1)];
    for (const ms of latencies) {
      totals.latencyCount += 1;
      totals.latencySumMs += ms;
      totals.latencyMaxMs = Math.max(totals.latencyMaxMs, ms);
      totals.latencyHistogram[histogramIndex(ms)]! += 1;
    }
    totals.checks = latencies.length;
    totals.seconds.operational = 3600;
    rollups.push({ ...totals, serviceId, granularity: 'hour', bucketStart: new Date(bucketStart) });
  }
  return rollups;
}

/** `days` past days, hourly and daily, mostly operational with a little downtime every tenth day. */
export function historyRollups(serviceId: string, options: { days: number; now: Date }): Rollup[] {
  const rollups: Rollup[] = [];
  const firstHour = Math.floor(options.now.getTime() / HOUR) * HOUR - options.days * 24 * HOUR;
  for (let h = 0; h < options.days * 24; h++) {
    const down = h % 240 === 5 ? 600 : 0;
    rollups.push(rollup(serviceId, 'hour', new Date(firstHour + h * HOUR), { operational: 3600 - down, down }, 60));
  }
  const today = parisDayKey(options.now);
  for (let d = options.days; d >= 1; d--) {
    const start = parisDayStartOfKey(addParisDays(today, -d));
    const length = (parisDayStartOfKey(addParisDays(today, 1 - d)).getTime() - start.getTime()) / 1000;
    const down = d % 10 === 0 ? 600 : 0;
    rollups.push(rollup(serviceId, 'day', start, { operational: length - down, down }, 1440));
  }
  return rollups;
}

function rollup(
  serviceId: string,
  granularity: 'hour' | 'day',
  bucketStart: Date,
  seconds: { operational: number; down: number },
  checks: number,
): Rollup {
  const histogram = new Array<number>(LATENCY_BUCKETS_MS.length + 1).fill(0);
  histogram[2] = Math.round(checks * 0.8);
  histogram[4] = checks - Math.round(checks * 0.8);
  return {
    serviceId,
    granularity,
    bucketStart,
    checks,
    failures: seconds.down > 0 ? 10 : 0,
    seconds: { operational: seconds.operational, degraded: 0, down: seconds.down, maintenance: 0, unknown: 0 },
    latencyCount: checks,
    latencySumMs: checks * 200,
    latencyMaxMs: 480,
    latencyHistogram: histogram,
  };
}

/**
 * The monthly rollups the probe would have written beside these: time and checks from the daily
 * rows, response times from the hourly ones (a history seeded with both).
 */
export function monthlyFrom(rollups: readonly Rollup[]): Rollup[] {
  const months = new Map<string, { serviceId: string; start: number; days: Rollup[]; hours: Rollup[] }>();
  for (const r of rollups) {
    if (r.granularity === 'month') continue;
    const start = parisMonthStart(r.bucketStart.getTime());
    const key = `${r.serviceId} ${start}`;
    const month = months.get(key) ?? { serviceId: r.serviceId, start, days: [], hours: [] };
    (r.granularity === 'day' ? month.days : month.hours).push(r);
    months.set(key, month);
  }
  return [...months.values()].map(({ serviceId, start, days, hours }) => {
    const time = mergeRollups(days);
    const latency = mergeRollups(hours);
    return {
      ...time,
      latencyCount: latency.latencyCount,
      latencySumMs: latency.latencySumMs,
      latencyMaxMs: latency.latencyMaxMs,
      latencyHistogram: latency.latencyHistogram,
      serviceId,
      granularity: 'month',
      bucketStart: new Date(start),
    };
  });
}
