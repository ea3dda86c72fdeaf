import { describe, expect, it } from 'vitest';
import type { ProbeHeartbeat } from '../../../src/domain/records.ts';
import type { ContractContext } from '../store-contract.ts';
import { at, T0 } from '../contract-fixtures.ts';

const beat = (location: string, process: string, patch: Partial<ProbeHeartbeat> = {}): ProbeHeartbeat => ({
  location,
  process,
  at: T0,
  canariesHealthy: true,
  version: '0.1.0',
  ...patch,
});

export function heartbeatsContract(ctx: ContractContext): void {
  describe('heartbeats, one per probe process', () => {
    it('keeps each process its own row: two at one location never overwrite each other', async () => {
      const store = ctx.store();
      await store.recordHeartbeat(beat('paris', 'host-a:10:aaaaaa'));
      await store.recordHeartbeat(beat('paris', 'host-b:20:bbbbbb'));
      await store.recordHeartbeat(beat('lyon', 'host-c:30:cccccc'));
      await store.recordHeartbeat(beat('paris', 'host-a:10:aaaaaa', { at: at(30), canariesHealthy: false, version: '0.1.1' }));
      expect(await store.listHeartbeats()).toEqual([
        beat('lyon', 'host-c:30:cccccc'),
        beat('paris', 'host-a:10:aaaaaa', { at: at(30), canariesHealthy: false, version: '0.1.1' }),
        beat('paris', 'host-b:20:bbbbbb'),
      ]);
    });

    it('bumps the data version when a process appears or its canaries or its description change, not on a plain renewal', async () => {
      const store = ctx.store();
      const self = { userAgent: 'Vigie-probe/0.1.0 (+https://status.example)', perHost: 2 };
      await store.recordHeartbeat(beat('paris', 'a', { self }));
      const v1 = await store.dataVersion();
      await store.recordHeartbeat(beat('paris', 'a', { at: at(30), self }));
      expect(await store.dataVersion()).toBe(v1);
      await store.recordHeartbeat(beat('paris', 'b', { at: at(30), self }));
      const v2 = await store.dataVersion();
      expect(v2).toBeGreaterThan(v1);
      await store.recordHeartbeat(beat('paris', 'b', { at: at(60), canariesHealthy: false, self }));
      const v3 = await store.dataVersion();
      expect(v3).toBeGreaterThan(v2);
      const upgraded = { userAgent: 'Vigie-probe/0.2.0 (+https://status.example)', perHost: 3 };
      await store.recordHeartbeat(beat('paris', 'a', { at: at(60), version: '0.2.0', self: upgraded }));
      expect(await store.dataVersion()).toBeGreaterThan(v3);
      expect((await store.listHeartbeats()).find((h) => h.process === 'a')).toEqual(
        beat('paris', 'a', { at: at(60), version: '0.2.0', self: upgraded }),
      );
    });

    it("prunes processes silent since before the cut-off, but keeps each location's newest row", async () => {
      const store = ctx.store();
      await store.recordHeartbeat(beat('paris', 'gone-1'));
      await store.recordHeartbeat(beat('paris', 'gone-2', { at: at(10) }));
      await store.recordHeartbeat(beat('paris', 'alive', { at: at(1000) }));
      await store.recordHeartbeat(beat('lyon', 'silent-but-last', { at: at(5) }));
      await store.recordHeartbeat(beat('lyon', 'older', { at: T0 }));
      expect(await store.pruneHeartbeats(at(500))).toBe(3);
      expect((await store.listHeartbeats()).map((h) => `${h.location} ${h.process}`)).toEqual(['lyon silent-but-last', 'paris alive']);
      expect(await store.pruneHeartbeats(at(500))).toBe(0);
    });
  });
}
