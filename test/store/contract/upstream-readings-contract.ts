import { describe, expect, it } from 'vitest';
import type { ContractContext } from '../store-contract.ts';
import { at } from '../contract-fixtures.ts';

export function upstreamReadingsContract(ctx: ContractContext): void {
  describe('upstream readings', () => {
    it('keeps each service’s newest own-page reading, never an older one, and bumps the version only on a new outcome', async () => {
      const store = ctx.store();
      await store.recordUpstreamReading({ serviceId: 'impots', outcome: 'ok', checkedAt: at(60) });
      const first = await store.dataVersion();
      await store.recordUpstreamReading({ serviceId: 'impots', outcome: 'ok', checkedAt: at(120) });
      expect(await store.dataVersion()).toBe(first);
      await store.recordUpstreamReading({ serviceId: 'impots', outcome: 'upstream_down', checkedAt: at(30) });
      expect(await store.listUpstreamReadings()).toEqual([{ serviceId: 'impots', outcome: 'ok', checkedAt: at(120) }]);
      await store.recordUpstreamReading({ serviceId: 'ameli', outcome: 'upstream_degraded', checkedAt: at(90) });
      await store.recordUpstreamReading({ serviceId: 'impots', outcome: 'upstream_down', checkedAt: at(180) });
      expect(await store.dataVersion()).toBeGreaterThan(first);
      expect(await store.listUpstreamReadings()).toEqual([
        { serviceId: 'ameli', outcome: 'upstream_degraded', checkedAt: at(90) },
        { serviceId: 'impots', outcome: 'upstream_down', checkedAt: at(180) },
      ]);
    });
  });
}
