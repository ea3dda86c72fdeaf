import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { checkReachMs, createSettledRollups, settledBefore } from '../../src/status/settled-rollups.ts';
import { rollupDeltas } from '../../src/domain/rollup.ts';
import { openStore } from '../../src/store/open-store.ts';
import type { Rollup } from '../../src/domain/records.ts';
import type { Store } from '../../src/store/store.ts';
import { rollup, tracking } from './fixtures.ts';
import { checkResult } from '../support/records.ts';

const HOUR = 3_600_000;
/** A catalogue checked every minute with a 10 s timeout. */
const MINUTE_REACH = checkReachMs([{ interval: 60, timeout: 10 }]);
const now = new Date('2026-11-24T21:30:00Z');
let dir: string;
let store: Store;
let ranges: { from: Date; to: Date }[];

/** The real store, with the ranges asked of it written down. */
function recording(inner: Store): Store {
  return new Proxy(inner, {
    get(target, prop, receiver) {
      if (prop === 'listRollups') {
        return (options: Parameters<Store['listRollups']>[0]) => {
          ranges.push({ from: options.from, to: options.to });
          return target.listRollups(options);
        };
      }
      return Reflect.get(target, prop, receiver);
    },
  });
}

async function write(rollups: Rollup[], at: Date): Promise<void> {
  await store.recordCheck({
    result: checkResult({ serviceId: 'a', location: 'l', startedAt: at, latencyMs: 100 }),
    tracking: tracking('a', 'operational', 0, at),
    rollups,
    event: null,
  });
}

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'vigie-settled-'));
  store = await openStore(join(dir, 'vigie.db'));
  ranges = [];
});

afterEach(async () => {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('settled rollups', () => {
  it('treats everything before the previous bucket as settled', () => {
    expect(settledBefore('hour', now, MINUTE_REACH)).toEqual(new Date('2026-11-24T20:00:00Z'));
    expect(settledBefore('day', now, MINUTE_REACH)).toEqual(new Date('2026-11-22T23:00:00Z'));
  });

  it.each([
    [3_600, 'hour'],
    [7_200, 'hour'],
    [86_400, 'hour'],
    [86_400, 'day'],
  ] as const)('never calls settled a bucket that a check every %i s can still add time to (%s)', (interval, granularity) => {
    const reach = checkReachMs([
      { interval: 60, timeout: 10 },
      { interval, timeout: 30 },
    ]);
    // The latest check that can still be written now started a timeout ago, after a missed check.
    const startedAt = new Date(now.getTime() - 30_000);
    const deltas = rollupDeltas({
      result: {
        serviceId: 'a',
        location: 'l',
        startedAt,
        outcome: 'ok',
        latencyMs: 100,
        httpStatus: 200,
        finalUrl: null,
        tlsExpiresAt: null,
        detail: null,
        probeOffline: false,
      },
      state: 'operational',
      previousCheckedAt: new Date(startedAt.getTime() - 2 * interval * 1000),
      interval,
    });
    const touched = deltas.filter((d) => d.granularity === granularity).map((d) => d.bucketStart.getTime());
    expect(Math.min(...touched)).toBeGreaterThanOrEqual(settledBefore(granularity, now, reach).getTime());
  });

  it('reads the settled part once, then only the last two buckets, and sees new writes there', async () => {
    const from = new Date(now.getTime() - 10 * HOUR);
    const hours = Array.from({ length: 10 }, (_, i) =>
      rollup('a', 'hour', new Date(Math.floor(from.getTime() / HOUR) * HOUR + (i + 1) * HOUR), { operational: 3600 }, [100]),
    );
    await write(hours, now);
    const reader = createSettledRollups(recording(store), MINUTE_REACH);

    const first = await reader.list({ granularity: 'hour', from, now });
    expect(first).toEqual(await store.listRollups({ granularity: 'hour', from, to: now }));
    ranges = [];
    await write([rollup('a', 'hour', new Date('2026-11-24T21:00:00Z'), { down: 60 }, [900])], now);
    const second = await reader.list({ granularity: 'hour', from, now: new Date(now.getTime() + 60_000) });
    expect(ranges).toEqual([{ from: new Date('2026-11-24T20:00:00Z'), to: new Date(now.getTime() + 60_000) }]);
    expect(second.at(-1)?.seconds.down).toBe(60);
    expect(second).toHaveLength(first.length);
  });

  it('reads the whole window again once the settled boundary moves', async () => {
    const reader = createSettledRollups(recording(store), MINUTE_REACH);
    const from = new Date(now.getTime() - 5 * HOUR);
    await reader.list({ granularity: 'hour', from, now });
    ranges = [];
    await reader.list({ granularity: 'hour', from, now: new Date(now.getTime() + HOUR) });
    expect(ranges).toHaveLength(2);
    expect(ranges[0]).toEqual({ from, to: new Date('2026-11-24T21:00:00Z') });
  });
});
