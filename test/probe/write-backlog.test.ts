import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { rollupDeltas } from '../../src/domain/rollup.ts';
import { createWriteBuffer, type CheckWrite } from '../../src/probe/write-buffer.ts';
import { openStore } from '../../src/store/open-store.ts';
import type { Store } from '../../src/store/store.ts';
import { at, opened, result, tracking } from '../store/contract-fixtures.ts';
import { createManualClock } from '../support/manual-clock.ts';

/**
 * The write buffer over a real SQLite store, on a manual clock: a backlog written in big batches,
 * in order, after an outage; a full disk kept, never dropped; a refused row dropped alone; a write
 * that does not answer leaves the checks free and the results queued behind it.
 */
let dir: string;
let real: Store;

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'vigie-backlog-'));
  real = await openStore(join(dir, 'vigie.db'));
});

afterEach(async () => {
  await real.close();
  rmSync(dir, { recursive: true, force: true });
});

/** A real error of a full SQLite database, as the store raises it. */
function diskFull(): unknown {
  const db = new DatabaseSync(join(dir, 'full.db'));
  try {
    db.exec("CREATE TABLE t (s TEXT); PRAGMA max_page_count = 2; INSERT INTO t SELECT printf('%.9000c', 'x')");
  } catch (error) {
    return error;
  } finally {
    db.close();
  }
  throw new Error('the database did not fill up');
}

/**
 * The real store seen through a failure the test switches on and off, counting the batches a
 * backlog is written in; `hold` keeps direct writes unanswered until `release`.
 */
function faulty(store: Store) {
  const state = {
    failure: null as unknown,
    batches: [] as number[],
    held: [] as (() => void)[],
    hold: false,
    /** A full disk still answers `SELECT 1`; a server that is down does not. */
    pingAnswers: false,
  };
  const gate = <T>(work: () => Promise<T>): Promise<T> => {
    if (state.failure !== null) return Promise.reject(state.failure);
    if (!state.hold) return work();
    return new Promise<void>((resolve) => state.held.push(resolve)).then(work);
  };
  return {
    state,
    store: {
      ping: () => (state.failure === null || state.pingAnswers ? store.ping() : Promise.reject(state.failure)),
      recordCheck: (input: CheckWrite) => gate(() => store.recordCheck(input)),
      recordChecks: (inputs: readonly CheckWrite[]) =>
        gate(() => {
          state.batches.push(inputs.length);
          return store.recordChecks(inputs);
        }),
    },
    release() {
      state.hold = false;
      for (const resolve of state.held.splice(0)) resolve();
    },
  };
}

function write(serviceId: string, second: number, patch: Partial<CheckWrite> = {}): CheckWrite {
  const r = result({ serviceId, startedAt: at(second) });
  return {
    result: r,
    tracking: tracking({ serviceId, lastCheckedAt: at(second), successStreak: second + 1 }),
    rollups: rollupDeltas({ result: r, state: 'operational', previousCheckedAt: second > 0 ? at(second - 60) : null, interval: 60 }),
    event: null,
    ...patch,
  };
}

describe('write buffer backlog', () => {
  it('writes a backlog of 2,000 results in a handful of batches, every result in order, the last tracking kept', async () => {
    const clock = createManualClock(0);
    const store = faulty(real);
    const buffer = createWriteBuffer({ store: store.store, clock });
    store.state.failure = new Error('connect ECONNREFUSED 127.0.0.1:5432');
    const services = Array.from({ length: 50 }, (_, i) => `s${i}`);
    for (let round = 0; round < 40; round += 1) {
      for (const id of services) expect(await buffer.record(write(id, round * 60))).toBe('buffered');
    }
    expect(buffer.stats()).toMatchObject({ size: 2_000, store: 'unavailable', dropped: 0, rejected: 0 });

    store.state.failure = null;
    await clock.advance(60_000);
    expect(buffer.stats()).toMatchObject({ size: 0, written: 2_000, store: 'ok', dropped: 0 });
    expect(store.state.batches.length).toBeLessThanOrEqual(6);
    const stored = await real.listResults('s7', { limit: 100 });
    expect(stored.map((r) => r.startedAt.getTime()).reverse()).toEqual(Array.from({ length: 40 }, (_, i) => at(i * 60).getTime()));
    expect((await real.listTrackings()).find((t) => t.serviceId === 's7')?.lastCheckedAt).toEqual(at(39 * 60));
    console.info(`[backlog] 2,000 results written in ${store.state.batches.length} batches: ${store.state.batches.join(', ')}`);
  });

  it('keeps every result while the SQLite disk is full, and writes them once there is room', async () => {
    const clock = createManualClock(0);
    const store = faulty(real);
    const buffer = createWriteBuffer({ store: store.store, clock });
    store.state.failure = diskFull();
    store.state.pingAnswers = true;
    for (let i = 0; i < 30; i += 1) await buffer.record(write('caf', i * 60));
    await clock.advance(120_000);
    expect(buffer.stats()).toMatchObject({ size: 30, rejected: 0, dropped: 0, store: 'unavailable' });
    expect(buffer.stats().lastError).toMatch(/full/);

    store.state.failure = null;
    await clock.advance(10_000);
    expect(buffer.stats()).toMatchObject({ size: 0, written: 30, rejected: 0 });
    expect(await real.listResults('caf', { limit: 100 })).toHaveLength(30);
  });

  it('drops only the row the database refuses, and writes the rest of the batch', async () => {
    const clock = createManualClock(0);
    const store = faulty(real);
    const buffer = createWriteBuffer({ store: store.store, clock });
    store.state.failure = new Error('connection terminated');
    for (let i = 0; i < 100; i += 1) {
      const bad = i === 37 ? { rollups: [{ ...write('caf', i * 60).rollups[0]!, checks: Number.NaN }] } : {};
      await buffer.record(write(`s${i % 10}`, i * 60, bad));
    }
    store.state.failure = null;
    await clock.advance(10_000);
    expect(buffer.stats()).toMatchObject({ size: 0, written: 99, rejected: 1, dropped: 0 });
    const stored = (await Promise.all(Array.from({ length: 10 }, (_, i) => real.listResults(`s${i}`, { limit: 100 })))).flat();
    expect(stored).toHaveLength(99);
    expect(stored.some((r) => r.startedAt.getTime() === at(37 * 60).getTime())).toBe(false);
  });

  it('answers a check whose write hangs within the deadline, says the store is slow, and writes in order once it answers', async () => {
    const clock = createManualClock(0);
    const store = faulty(real);
    const buffer = createWriteBuffer({ store: store.store, clock, slowAfterMs: 5_000 });
    store.state.hold = true;
    const first = buffer.record(write('caf', 0));
    await clock.advance(4_999);
    expect(buffer.stats().store).toBe('ok');
    await clock.advance(1);
    expect(await first).toBe('buffered');
    expect(buffer.stats().store).toBe('slow');
    for (let i = 1; i <= 5; i += 1) expect(await buffer.record(write('caf', i * 60))).toBe('buffered');
    expect(buffer.stats().size).toBe(5);

    store.release();
    await clock.advance(1_000);
    expect(buffer.stats()).toMatchObject({ size: 0, store: 'ok', written: 6 });
    const stored = await real.listResults('caf', { limit: 10 });
    expect(stored.map((r) => r.startedAt.getTime()).reverse()).toEqual([0, 1, 2, 3, 4, 5].map((i) => at(i * 60).getTime()));
    expect(await buffer.record(write('caf', 360))).toEqual({ incidentId: null });
  });

  it('carries the incident an outage in the backlog opened into the results queued after it', async () => {
    const clock = createManualClock(0);
    const store = faulty(real);
    const buffer = createWriteBuffer({ store: store.store, clock });
    store.state.failure = new Error('connect ECONNREFUSED');
    const down = (second: number) =>
      tracking({ serviceId: 'caf', state: 'down', since: at(0), lastCheckedAt: at(second), lastOutcome: 'timeout' });
    await buffer.record(write('caf', 0, { tracking: down(0), event: opened('caf', at(0)) }));
    for (let i = 1; i <= 3; i += 1) await buffer.record(write('caf', i * 60, { tracking: down(i * 60) }));
    store.state.failure = null;
    await clock.advance(10_000);
    const [incident] = (await real.listIncidents({ state: 'open', limit: 5 })).items;
    expect(incident).toBeDefined();
    expect((await real.listTrackings())[0]).toMatchObject({ lastCheckedAt: at(180), openIncidentId: incident!.id });
  });

  it('hands everything not yet stored to the spool, in order, and writes restored results before new ones', async () => {
    const clock = createManualClock(0);
    const store = faulty(real);
    const before = createWriteBuffer({ store: store.store, clock });
    store.state.failure = new Error('connect ECONNREFUSED');
    for (let i = 0; i < 5; i += 1) await before.record(write('caf', i * 60));
    await before.drain(clock.now() + 1_000);
    await before.stop();
    const pending = before.pending();
    expect(pending.map((w) => w.result.startedAt)).toEqual([0, 1, 2, 3, 4].map((i) => at(i * 60)));

    store.state.failure = null;
    const after = createWriteBuffer({ store: store.store, clock });
    const replayed: number[] = [];
    after.restore(pending, (done) => replayed.push(done));
    expect(await after.record(write('caf', 300))).toBe('buffered');
    await clock.advance(1_000);
    expect(replayed).toEqual([5]);
    const stored = await real.listResults('caf', { limit: 10 });
    expect(stored.map((r) => r.startedAt.getTime()).reverse()).toEqual([0, 1, 2, 3, 4, 5].map((i) => at(i * 60).getTime()));
  });
});
