import { describe, expect, it } from 'vitest';
import type { ContractContext } from '../store-contract.ts';
import { at } from '../contract-fixtures.ts';

const SERVICES = ['a', 'b', 'c', 'd', 'e', 'f'];
const claim = (holder: string, want: number, seconds: number, location = 'paris') => ({
  location,
  holder,
  want,
  now: at(seconds),
  until: at(seconds + 30),
});

export function leasesContract(ctx: ContractContext): void {
  describe('probe processes and leases', () => {
    it('keeps processes by holder, renewing seenUntil', async () => {
      const store = ctx.store();
      await store.saveProbeHolder({ holder: 'h1', location: 'paris', host: 'box', pid: 12, seenUntil: at(30) });
      await store.saveProbeHolder({ holder: 'h1', location: 'paris', host: 'box', pid: 12, seenUntil: at(60) });
      expect(await store.listProbeHolders()).toEqual([{ holder: 'h1', location: 'paris', host: 'box', pid: 12, seenUntil: at(60) }]);
    });

    it('splits a location between holders, each taking free rows up to what it wants', async () => {
      const store = ctx.store();
      await store.seedLeases('paris', SERVICES, at(0));
      await store.seedLeases('paris', SERVICES, at(0));
      await store.seedLeases('lyon', SERVICES, at(0));
      const [one, two] = await Promise.all([store.claimLeases(claim('h1', 3, 0)), store.claimLeases(claim('h2', 3, 0))]);
      expect(one).toHaveLength(3);
      expect(two).toHaveLength(3);
      expect([...one!, ...two!].sort()).toEqual(SERVICES);
      expect(await store.claimLeases(claim('h3', 6, 0, 'lyon'))).toEqual(SERVICES);
      expect(await store.claimLeases(claim('h3', 6, 1))).toEqual([]);
    });

    it('renews what a holder has, gives back what it no longer wants, and takes expired leases', async () => {
      const store = ctx.store();
      await store.seedLeases('paris', SERVICES, at(0));
      expect(await store.claimLeases(claim('h1', 6, 0))).toEqual(SERVICES);
      expect(await store.claimLeases(claim('h1', 2, 10))).toEqual(['a', 'b']);
      expect(await store.claimLeases(claim('h2', 6, 10))).toEqual(['c', 'd', 'e', 'f']);
      // h1 stops renewing: at 41 s its leases (until 40 s) are free to take.
      expect(await store.claimLeases(claim('h2', 6, 35))).toEqual(['c', 'd', 'e', 'f']);
      expect(await store.claimLeases(claim('h2', 6, 41))).toEqual(SERVICES);
    });

    it('drops the leases of services no longer in the catalogue, so they never count in a share', async () => {
      const store = ctx.store();
      await store.seedLeases('paris', SERVICES, at(0));
      await store.seedLeases('lyon', SERVICES, at(0));
      await store.seedLeases('paris', ['a', 'b'], at(1));
      expect(await store.claimLeases(claim('h1', 6, 1))).toEqual(['a', 'b']);
      expect(await store.claimLeases(claim('h1', 6, 1, 'lyon'))).toEqual(SERVICES);
    });

    it("frees a process's leases when it is deleted", async () => {
      const store = ctx.store();
      await store.seedLeases('paris', SERVICES, at(0));
      await store.saveProbeHolder({ holder: 'h1', location: 'paris', host: 'box', pid: 12, seenUntil: at(30) });
      await store.claimLeases(claim('h1', 6, 0));
      await store.deleteProbeHolder('h1', at(5));
      expect(await store.listProbeHolders()).toEqual([]);
      expect(await store.claimLeases(claim('h2', 6, 5))).toEqual(SERVICES);
    });
  });
}
