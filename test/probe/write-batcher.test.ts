import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createWriteBatcher } from '../../src/probe/write-batcher.ts';
import { openStore } from '../../src/store/open-store.ts';
import type { Store } from '../../src/store/store.ts';
import { result, tracking } from '../store/contract-fixtures.ts';
import { createManualClock } from '../support/manual-clock.ts';

/** Group commit over a real SQLite store, on a manual clock: when a result is acknowledged, and what a bad row costs. */
let dir: string;
let store: Store;
const batches: number[] = [];

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'vigie-batcher-'));
  const real = await openStore(join(dir, 'vigie.db'));
  batches.length = 0;
  store = {
    ...real,
    recordChecks: (inputs) => {
      batches.push(inputs.length);
      return real.recordChecks(inputs);
    },
  };
});
afterEach(async () => {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

const input = (serviceId: string, rollups = []) => ({
  result: result({ serviceId }),
  tracking: tracking({ serviceId }),
  rollups,
  event: null,
});

describe('write batcher', () => {
  it('acknowledges a result only once the window has passed and its batch committed', async () => {
    const clock = createManualClock(0);
    const write = createWriteBatcher({ store, clock, windowMs: 250, maxSize: 100 });
    let acknowledged = 0;
    const writes = ['a', 'b', 'c'].map((id) => write(input(id)).then(() => (acknowledged += 1)));
    await clock.advance(249);
    expect(acknowledged).toBe(0);
    expect(await store.listResults('a', { limit: 5 })).toHaveLength(0);
    await clock.advance(1);
    await Promise.all(writes);
    expect(batches).toEqual([3]);
    expect((await store.listTrackings()).map((t) => t.serviceId)).toEqual(['a', 'b', 'c']);
  });

  it('writes at once when the batch is full', async () => {
    const clock = createManualClock(0);
    const write = createWriteBatcher({ store, clock, windowMs: 60_000, maxSize: 2 });
    await Promise.all([write(input('a')), write(input('b'))]);
    expect(batches).toEqual([2]);
  });

  it('retries a failed batch one result at a time: the bad one fails alone', async () => {
    const clock = createManualClock(0);
    const write = createWriteBatcher({ store, clock, windowMs: 10, maxSize: 100 });
    const bad = { ...input('bad'), rollups: [{ granularity: 'hour' } as never] };
    const outcomes = Promise.allSettled([write(input('a')), write(bad), write(input('b'))]);
    await clock.advance(10);
    expect((await outcomes).map((o) => o.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect(batches).toEqual([3, 1, 1, 1]);
    expect((await store.listTrackings()).map((t) => t.serviceId)).toEqual(['a', 'b']);
  });
});
