import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createLeaseKeeper } from '../../src/probe/lease-keeper.ts';
import { openStore } from '../../src/store/open-store.ts';
import type { Store } from '../../src/store/store.ts';

/**
 * The lease keeper on a real store, its clock and the store's made manual: a lease not renewed
 * for its whole length is not used until a renewal succeeds, unless the store cannot be reached
 * at all; a lease kept under the same epoch is not taken again; a lost one is.
 */
const T0 = Date.parse('2026-03-10T09:00:00Z');
const LEASE_MS = 30_000;
let dir: string;
let store: Store;
let nowMs: number;

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'vigie-lease-keeper-'));
  store = await openStore(join(dir, 'vigie.db'));
  nowMs = T0;
});
afterEach(async () => {
  await store.close().catch(() => undefined);
  rmSync(dir, { recursive: true, force: true });
});

function keeper(holder: string, over: Store = store) {
  return createLeaseKeeper({
    store: { ...over, now: () => Promise.resolve(new Date(nowMs)) },
    me: { holder, location: 'paris', host: 'box', pid: holder === 'a' ? 1 : 2 },
    serviceIds: ['s1', 's2'],
    leaseMs: LEASE_MS,
    now: () => nowMs,
  });
}

describe('lease keeper', () => {
  it('does not use a lease left unrenewed past its length (a paused process) until a renewal succeeds', async () => {
    const a = keeper('a');
    expect((await a.refresh()).map((t) => t.serviceId)).toEqual(['s1', 's2']);
    expect(a.owns('s1')).toBe(true);
    nowMs += LEASE_MS + 1;
    expect(a.owns('s1')).toBe(false);
    expect(a.view().held).toBe(0);
    // Nobody took them: renewed under the same epoch, nothing to re-read.
    expect(await a.refresh()).toEqual([]);
    expect(a.owns('s1')).toBe(true);
  });

  it('gives up what another process took meanwhile, and writes under the old epoch are told apart', async () => {
    const a = keeper('a');
    await a.refresh();
    const before = a.lease('s1');
    nowMs += LEASE_MS + 1;
    const b = keeper('b');
    expect((await b.refresh()).map((t) => t.serviceId)).toEqual(['s1', 's2']);
    expect(b.lease('s1').epoch).toBe(before.epoch! + 1);
    await a.refresh();
    expect(a.owns('s1')).toBe(false);
    expect(a.lease('s1')).toEqual(before);
  });

  it('goes on with what it held while the store cannot be reached at all', async () => {
    const other = await openStore(join(dir, 'vigie.db'));
    const a = keeper('a', other);
    await a.refresh();
    await other.close();
    nowMs += LEASE_MS + 1;
    await expect(a.refresh()).rejects.toThrow();
    expect(a.owns('s1')).toBe(true);
  });

  it('stops at the lease end when renewals fail if it had live peers (another may take over), not when alone', async () => {
    const other = await openStore(join(dir, 'vigie.db'));
    const a = keeper('a', other);
    const b = keeper('b');
    await a.refresh();
    await b.refresh();
    // "a" renews once more having seen "b" alive, then loses the store.
    await a.refresh();
    const held = ['s1', 's2'].filter((id) => a.owns(id));
    expect(held).toHaveLength(1);
    await other.close();
    nowMs += LEASE_MS / 3;
    await expect(a.refresh()).rejects.toThrow();
    expect(a.owns(held[0]!)).toBe(true);
    nowMs += LEASE_MS;
    await expect(a.refresh()).rejects.toThrow();
    expect(a.owns(held[0]!)).toBe(false);
    expect(a.view()).toMatchObject({ held: 0, store: 'unreachable' });
  });

  it('takes back as new a service it was told it lost, to re-read its tracking', async () => {
    const a = keeper('a');
    await a.refresh();
    a.lost('s2');
    expect(a.owns('s2')).toBe(false);
    expect((await a.refresh()).map((t) => t.serviceId)).toEqual(['s2']);
  });

  it('stops checking what it gives back before the store dates the give-back, which the taker counts as a check', async () => {
    let lastOwned = -Infinity;
    let a: ReturnType<typeof createLeaseKeeper> | null = null;
    // Every store call takes a second (a loaded machine): the claim spans several.
    const slow = <T>(answer: Promise<T>): Promise<T> => {
      nowMs += 1_000;
      if (a?.owns('s2')) lastOwned = nowMs;
      return answer;
    };
    a = createLeaseKeeper({
      store: {
        now: () => slow(Promise.resolve(new Date(nowMs))),
        saveProbeHolder: (h) => slow(store.saveProbeHolder(h)),
        listProbeHolders: () => slow(store.listProbeHolders()),
        seedLeases: (l, ids) => slow(store.seedLeases(l, ids)),
        claimLeases: (c) => slow(store.claimLeases(c)),
        deleteProbeHolder: (h, at) => slow(store.deleteProbeHolder(h, at)),
      },
      me: { holder: 'a', location: 'paris', host: 'box', pid: 1 },
      serviceIds: ['s1', 's2'],
      leaseMs: LEASE_MS,
      now: () => nowMs,
    });
    await a.refresh();
    const b = keeper('b');
    expect(await b.refresh()).toEqual([]);
    await a.refresh();
    expect(a.owns('s2')).toBe(false);
    const [taken] = await b.refresh();
    expect(taken?.serviceId).toBe('s2');
    expect(taken!.freedAt!.getTime()).toBeGreaterThanOrEqual(lastOwned);
  });
});
