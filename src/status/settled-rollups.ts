import type { Rollup, RollupGranularity } from '../store/records.ts';
import type { Store } from '../store/store.ts';
import { addParisDays, parisDayKey, parisDayStartOfKey } from '../domain/paris-time.ts';

const HOUR_MS = 3_600_000;
const MAX_WINDOWS = 256;

/**
 * Rollups older than the previous bucket no longer change (a check adds time to its own bucket
 * and at most the one before), so a web process keeps them and asks the store only for the last
 * two buckets on each render: page cost stays flat however long the history is.
 */
export interface SettledRollups {
  list(options: { granularity: RollupGranularity; from: Date; now: Date; serviceId?: string }): Promise<Rollup[]>;
}

/** Start of the bucket before the one containing `now`: everything before it is settled. */
export function settledBefore(granularity: RollupGranularity, now: Date): Date {
  if (granularity === 'hour') return new Date(Math.floor(now.getTime() / HOUR_MS) * HOUR_MS - HOUR_MS);
  return parisDayStartOfKey(addParisDays(parisDayKey(now), -1));
}

export function createSettledRollups(store: Store): SettledRollups {
  const windows = new Map<string, { from: number; until: number; rows: Rollup[] }>();
  return {
    async list({ granularity, from, now, serviceId }) {
      const until = settledBefore(granularity, now);
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
