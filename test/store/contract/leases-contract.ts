import { describe, expect, it } from 'vitest';
import type { Store } from '../../../src/store/store.ts';
import type { ContractContext } from '../store-contract.ts';
import { at } from '../contract-fixtures.ts';

const SERVICES = ['a', 'b', 'c', 'd', 'e', 'f'];
const request = (holder: string, want: number, seconds: number, location = 'paris') => ({
  location,
  holder,
  want,
  now: at(seconds),
  until: at(seconds + 30),
});

export function leasesContract(ctx: ContractContext): void {
  describe('probe processes and leases', () => {
    /** What the holder holds after the claim. */
    const claim = async (store: Store, ...args: Parameters<typeof request>): Promise<string[]> =>
      (await store.claimLeases(request(...args))).held;

    it("tells the store's clock (PostgreSQL's own; SQLite's is this host's)", async () => {
      const before = Date.now();
      const now = (await ctx.store().now()).getTime();
      // The database here runs on this host: its clock and the test's agree within a minute.
      expect(Math.abs(now - before)).toBeLessThan(60_000);
    });

    it('keeps processes by holder, renewing seenUntil', async () => {
      const store = ctx.store();
      await store.saveProbeHolder({ holder: 'h1', location: 'paris', host: 'box', pid: 12, seenUntil: at(30) });
      await store.saveProbeHolder({ holder: 'h1', location: 'paris', host: 'box', pid: 12, seenUntil: at(60) });
      expect(await store.listProbeHolders()).toEqual([{ holder: 'h1', location: 'paris', host: 'box', pid: 12, seenUntil: at(60) }]);
      // Restarted under the same name (VIGIE_PROBE_ID): the row tells where the new process runs.
      await store.saveProbeHolder({ holder: 'h1', location: 'paris', host: 'box2', pid: 34, seenUntil: at(90) });
      expect(await store.listProbeHolders()).toEqual([{ holder: 'h1', location: 'paris', host: 'box2', pid: 34, seenUntil: at(90) }]);
    });

    it('splits a location between holders, each taking free rows up to what it wants', async () => {
      const store = ctx.store();
      await store.seedLeases('paris', SERVICES);
      await store.seedLeases('paris', SERVICES);
      await store.seedLeases('lyon', SERVICES);
      const [one, two] = await Promise.all([claim(store, 'h1', 3, 0), claim(store, 'h2', 3, 0)]);
      expect(one).toHaveLength(3);
      expect(two).toHaveLength(3);
      expect([...one!, ...two!].sort()).toEqual(SERVICES);
      expect(await claim(store, 'h3', 6, 0, 'lyon')).toEqual(SERVICES);
      expect(await claim(store, 'h3', 6, 1)).toEqual([]);
    });

    it('renews what a holder has, gives back what it no longer wants, and takes expired leases', async () => {
      const store = ctx.store();
      await store.seedLeases('paris', SERVICES);
      expect(await claim(store, 'h1', 6, 0)).toEqual(SERVICES);
      expect(await claim(store, 'h1', 2, 10)).toEqual(['a', 'b']);
      expect(await claim(store, 'h2', 6, 10)).toEqual(['c', 'd', 'e', 'f']);
      // h1 stops renewing: at 41 s its leases (until 40 s) are free to take.
      expect(await claim(store, 'h2', 6, 35)).toEqual(['c', 'd', 'e', 'f']);
      expect(await claim(store, 'h2', 6, 41)).toEqual(SERVICES);
    });

    it('gives back first the services the holder says it stopped checking', async () => {
      const store = ctx.store();
      await store.seedLeases('paris', SERVICES);
      expect(await claim(store, 'h1', 4, 0)).toEqual(['a', 'b', 'c', 'd']);
      expect((await store.claimLeases({ ...request('h1', 2, 10), release: ['a', 'c'] })).held).toEqual(['b', 'd']);
    });

    it('drops the leases of services no longer in the catalogue, so they never count in a share', async () => {
      const store = ctx.store();
      await store.seedLeases('paris', SERVICES);
      await store.seedLeases('lyon', SERVICES);
      await store.seedLeases('paris', ['a', 'b']);
      expect(await claim(store, 'h1', 6, 1)).toEqual(['a', 'b']);
      expect(await claim(store, 'h1', 6, 1, 'lyon')).toEqual(SERVICES);
    });

    it("frees a process's leases when it is deleted", async () => {
      const store = ctx.store();
      await store.seedLeases('paris', SERVICES);
      await store.saveProbeHolder({ holder: 'h1', location: 'paris', host: 'box', pid: 12, seenUntil: at(30) });
      await claim(store, 'h1', 6, 0);
      await store.deleteProbeHolder('h1', at(5));
      expect(await store.listProbeHolders()).toEqual([]);
      expect(await claim(store, 'h2', 6, 5)).toEqual(SERVICES);
    });

    it('tells which services just taken another process held, and until when; not those never held', async () => {
      const store = ctx.store();
      await store.seedLeases('paris', SERVICES);
      expect(await store.claimLeases(request('h1', 4, 0))).toMatchObject({ held: ['a', 'b', 'c', 'd'], handedOver: [] });
      // h1 gives back c and d at 10 s: its checks of them may have started until then.
      expect((await store.claimLeases(request('h1', 2, 10))).held).toEqual(['a', 'b']);
      expect(await store.claimLeases(request('h2', 4, 10))).toMatchObject({
        held: ['c', 'd', 'e', 'f'],
        handedOver: [
          { serviceId: 'c', freedAt: at(10) },
          { serviceId: 'd', freedAt: at(10) },
        ],
      });
      // h1 stops renewing: a and b expire at 40 s, and its checks may have started until then; h2 stops cleanly at 50 s.
      expect(await store.claimLeases(request('h3', 2, 41))).toMatchObject({
        held: ['a', 'b'],
        handedOver: [
          { serviceId: 'a', freedAt: at(40) },
          { serviceId: 'b', freedAt: at(40) },
        ],
      });
      await store.deleteProbeHolder('h2', at(50));
      expect((await store.claimLeases(request('h3', 6, 50))).handedOver.map((h) => [h.serviceId, h.freedAt])).toEqual(
        ['c', 'd', 'e', 'f'].map((id) => [id, at(50)]),
      );
    });
  });
}
