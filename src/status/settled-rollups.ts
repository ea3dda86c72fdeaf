import type { Rollup, RollupGranularity } from '../domain/records.ts';
import type { Store } from '../store/store.ts';
import { addParisDays, parisDayKey, parisDayStart, parisDayStartOfKey } from '../domain/paris-time.ts';

const HOUR_MS = 3_600_000;
const MAX_WINDOWS = 256;

/**
 * A check adds time to the buckets it covers, back to twice its interval before it (after a missed
 * check), written at most its timeout later. Rollups older than that, and than the previous bucket,
 * no longer change, so a web process keeps them and asks the store only for the last few buckets
 * on each render: page cost stays flat however long the history is.
 */
export interface SettledRollups {
  list(options: { granularity: RollupGranularity; from: Date; now: Date; serviceId?: string }): Promise<Rollup[]>;
}

/** How far back a check written now can still add time, for the slowest-paced service of a catalogue. */
export function checkReachMs(services: readonly { interval: number; timeout: number }[]): number {
  return Math.max(0, ...services.map((s) => (2 * s.interval + s.timeout) * 1000));
}

/**
 * Everything before this instant is settled: the start of the bucket before the one containing
 * `now`, or earlier when a check can reach further back (`reachMs`).
 */
export function settledBefore(granularity: RollupGranularity, now: Date, reachMs: number): Date {
  const reached = now.getTime() - reachMs;
  if (granularity === 'hour') {
    return new Date(Math.min(Math.floor(now.getTime() / HOUR_MS) * HOUR_MS - HOUR_MS, Math.floor(reached / HOUR_MS) * HOUR_MS));
  }
  return new Date(Math.min(parisDayStartOfKey(addParisDays(parisDayKey(now), -1)).getTime(), parisDayStart(reached)));
}

export function createSettledRollups(store: Store, reachMs: number): SettledRollups {
  const windows = new Map<string, { from: number; until: number; rows: Rollup[] }>();
  return {
    async list({ granularity, from, now, serviceId }) {
      const until = settledBefore(granularity, now, reachMs);
      if (until.getTime() <= from.getTime()) {
        return store.listRollups({ granularity, from, to: now, ...(serviceId ? { serviceId } : {}) });
      }
      const key = `${granularity}|${serviceId ?? '*'}`;
      let settled = windows.get(key);
      if (!settled || settled.from !== from.getTime() || settled.until !== until.getTime()) {
        const rows = await store.listRollups({ granularity, from, to: until, ...(serviceId ? { serviceId } : {}) });
        settled = { from: from.getTime(), until: until.getTime(), rows };
        windows.delete(key);
        if (windows.size >= MAX_WINDOWS) windows.delete(windows.keys().next().value as string);
        windows.set(key, settled);
      }
      const fresh = await store.listRollups({ granularity, from: until, to: now, ...(serviceId ? { serviceId } : {}) });
      return [...settled.rows, ...fresh];
    },
  };
}
