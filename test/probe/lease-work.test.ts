import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ServiceTracking } from '../../src/domain/records.ts';
import { createLeaseKeeper } from '../../src/probe/lease-keeper.ts';
import { createLeaseWork } from '../../src/probe/lease-work.ts';
import { openStore } from '../../src/store/open-store.ts';
import type { Store } from '../../src/store/store.ts';
import { service } from './support/catalogue.ts';

/**
 * The hand-over race, step by step on a real store: a process gives a service back while its
 * check of it is still unstored (in flight, or waiting for its batch); the process taking it
 * re-reads a tracking that does not show that check, and must not check it again in the same slot.
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

function processAt(holder: string, now: () => number) {
  const checkedNow: string[] = [];
  const keeper = createLeaseKeeper({
    // The store's clock is the test's: on SQLite it is this host's, here made manual.
    store: { ...store, now: () => Promise.resolve(new Date(now())) },
    me: { holder, location: 'paris', host: 'box', pid: holder === 'a' ? 1 : 2 },
    serviceIds: IDS,
    leaseMs: 30_000,
    now,
  });
  const work = createLeaseWork({
    keeper,
    store,
    location: 'paris',
    services,
    trackings: new Map<string, ServiceTracking>(),
    now,
    checkNow: (id) => checkedNow.push(id),
  });
  return { keeper, work, checkedNow };
}

describe('lease work at a hand-over', () => {
  it('counts a service given back as checked when it was given back: late at worst, never twice in a slot', async () => {
    let nowMs = T0;
    const now = () => nowMs;
    const a = processAt('a', now);
    await a.work.refresh();
    // Alone, "a" takes both services, never held before: they are checked at once.
    expect(a.checkedNow).toEqual(IDS);
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

    // No check of the service is stored, yet "b" leaves it for the next slot after the hand-over.
    expect(b.checkedNow).toEqual([]);
    const given = IDS.find((id) => b.keeper.owns(id))!;
    expect(a.keeper.owns(given)).toBe(false);
    expect(b.work.skip(job(given), nowMs)).toBe(true);
    expect(b.work.skip(job(given), freedAt + 0.9 * INTERVAL_S * 1000 - 1)).toBe(true);
    expect(b.work.skip(job(given), freedAt + 0.9 * INTERVAL_S * 1000)).toBe(false);
  });
});
