import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ServiceTracking } from '../../src/domain/records.ts';
import { createLeaseKeeper } from '../../src/probe/lease-keeper.ts';
import { createLeaseWork } from '../../src/probe/lease-work.ts';
import { createScheduler } from '../../src/probe/scheduler.ts';
import { openStore } from '../../src/store/open-store.ts';
import type { Store } from '../../src/store/store.ts';
import { createManualClock } from '../support/manual-clock.ts';
import { service } from './support/catalogue.ts';

/**
 * The hand-over race, step by step on a real store: a process gives a service back, or stops
 * renewing, while its check of it is still unstored (in flight, or waiting for its batch); the
 * process taking it re-reads a tracking that does not show that check, and must not check it again
 * in the same slot, nor wait longer than that slot.
 */
const T0 = Date.parse('2026-03-10T09:00:00Z');
const INTERVAL_S = 60;
const IDS = ['s1', 's2'];
const services = new Map(IDS.map((id) => [id, service(id, `http://127.0.0.1:9/${id}`, { interval: INTERVAL_S })]));
const job = (id: string) => ({ id, host: '127.0.0.1:9', intervalMs: INTERVAL_S * 1000 });

let dir: string;
let store: Store;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'vigie-lease-work-'));
  store = await openStore(join(dir, 'vigie.db'));
});
afterAll(async () => {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

function processAt(holder: string, now: () => number, location = 'paris', listTrackings = () => store.listTrackings()) {
  const soon: string[] = [];
  const keeper = createLeaseKeeper({
    // The store's clock is the test's: on SQLite it is this host's, here made manual.
    store: { ...store, now: () => Promise.resolve(new Date(now())) },
    me: { holder, location, host: 'box', pid: holder === 'a' ? 1 : 2 },
    serviceIds: IDS,
    leaseMs: 30_000,
    now,
  });
  const work = createLeaseWork({
    keeper,
    store: { listTrackings },
    location,
    services,
    trackings: new Map<string, ServiceTracking>(),
    runSoon: (id) => soon.push(id),
  });
  return { keeper, work, soon };
}

describe('lease work at a hand-over', () => {
  it('counts a service given back as checked when it was given back: late at worst, never twice in a slot', async () => {
    let nowMs = T0;
    const now = () => nowMs;
    const a = processAt('a', now);
    await a.work.refresh();
    // Alone, "a" takes both services, never held before: they are checked at once.
    expect(a.soon).toEqual(IDS);
    expect(IDS.map((id) => a.work.skip(job(id), nowMs))).toEqual([false, false]);
    expect(a.keeper.held()).toBe(2);

    // "a" renews, and starts a check of s2 that is not stored yet when "b" arrives.
    nowMs = T0 + 20_000;
    await a.work.refresh();
    const b = processAt('b', now);
    nowMs += 500;
    await b.work.refresh();
    expect(b.keeper.held()).toBe(0);
    nowMs += 500;
    const freedAt = nowMs;
    await a.work.refresh();
    expect(a.keeper.held()).toBe(1);
    nowMs += 500;
    await b.work.refresh();
    expect(b.keeper.held()).toBe(1);

    // No check of the service is stored, yet "b" leaves it until the slot of the hand-over is over.
    const given = IDS.find((id) => b.keeper.owns(id))!;
    expect(b.soon).toEqual([given]);
    expect(a.keeper.owns(given)).toBe(false);
    const slotOver = freedAt + 0.9 * INTERVAL_S * 1000;
    expect(b.work.skip(job(given), nowMs)).toBe(slotOver);
    expect(b.work.skip(job(given), slotOver - 1)).toBe(slotOver);
    expect(b.work.skip(job(given), slotOver)).toBe(false);
  });

  it('holds a service taken over from its first moment, while its tracking is still being re-read', async () => {
    let nowMs = T0;
    const now = () => nowMs;
    const a = processAt('a3', now, 'nantes');
    await a.work.refresh();
    const reread = Promise.withResolvers<void>();
    const b = processAt('b3', now, 'nantes', async () => {
      await reread.promise;
      return store.listTrackings();
    });
    // "b" counts in, "a" gives one service back, "b" takes it: its tracking re-read hangs (a loaded store).
    nowMs += 500;
    await b.work.refresh();
    nowMs += 500;
    const freedAt = nowMs;
    await a.work.refresh();
    nowMs += 500;
    const taking = b.work.refresh();
    while (b.keeper.held() === 0) await new Promise((r) => setTimeout(r, 5));
    const given = IDS.find((id) => b.keeper.owns(id))!;
    const slotOver = freedAt + 0.9 * INTERVAL_S * 1000;
    // Owned already, and its slot comes up now: it still waits for the hand-over's slot to end.
    expect(b.work.skip(job(given), nowMs)).toBe(slotOver);
    reread.resolve();
    await taking;
    expect(b.work.skip(job(given), nowMs)).toBe(slotOver);
    expect(b.work.skip(job(given), slotOver)).toBe(false);
  });

  it('leaves a service it forgot and takes again until the slot of its own unwritten check is over', async () => {
    let nowMs = T0;
    const c = processAt('c', () => nowMs, 'marseille');
    await c.work.refresh();
    // A check of s1 starts; before it is written, a write of s1 kept as history only makes the
    // keeper forget it, and the next renewal takes it again: no tracking shows that check yet.
    const started = nowMs;
    expect(c.work.skip(job('s1'), started)).toBe(false);
    c.keeper.lost('s1');
    nowMs += 5_000;
    await c.work.refresh();
    expect(c.keeper.owns('s1')).toBe(true);
    const slotOver = started + 0.9 * INTERVAL_S * 1000;
    expect(c.work.skip(job('s1'), nowMs)).toBe(slotOver);
    expect(c.work.skip(job('s1'), slotOver)).toBe(false);
  });

  it("checks a dead process's services once the slot of its lease's end is over, not at the taker's next slot", async () => {
    const clock = createManualClock(T0);
    const a = processAt('a2', clock.now, 'lyon');
    await a.work.refresh();
    // "a" renews once, so its leases end 30 s later, and dies.
    await clock.advance(20_000);
    await a.work.refresh();
    const leaseEnd = clock.now() + 30_000;

    const checks: { id: string; at: number }[] = [];
    const b = processAt('b2', clock.now, 'lyon');
    const scheduler = createScheduler({
      jobs: IDS.map(job),
      run: (j) => {
        checks.push({ id: j.id, at: clock.now() });
        return Promise.resolve({ recheck: false });
      },
      skip: b.work.skip,
      concurrency: 10,
      perHost: 10,
      clock,
      // No jitter: "b"'s slots fall 15 s and 45 s into each minute from its start, before the end of the slot
      // of "a"'s lease's end, so its next slots are almost an interval later.
      random: () => 0.5,
    });
    await b.work.refresh();
    expect(b.keeper.held()).toBe(0);
    scheduler.start();
    while (clock.now() <= leaseEnd) {
      await clock.advance(10_000);
      await b.work.refresh();
    }
    expect(b.keeper.held()).toBe(2);
    for (let i = 0; i < 18; i++) {
      await clock.advance(10_000);
      await b.work.refresh();
    }
    await scheduler.stop();
    // "a" may have started a check until its lease ended: none in that slot, none later than it.
    for (const id of IDS) expect(checks.find((c) => c.id === id)?.at).toBe(leaseEnd + 0.9 * INTERVAL_S * 1000);
  });
});
