import { describe, expect, it } from 'vitest';
import type { ContractContext } from '../store-contract.ts';
import { at } from '../contract-fixtures.ts';

export function deadlineExtensionsContract(ctx: ContractContext): void {
  describe('deadline extensions', () => {
    it('keeps one extension per deadline, the latest, and moves the data version', async () => {
      const store = ctx.store();
      expect(await store.listDeadlineExtensions()).toEqual([]);
      const base = { serviceId: 'impots', deadlineId: 'zone-1', url: 'https://www.impots.gouv.fr/a', author: 'a@x.fr' };
      const before = await store.dataVersion();
      await store.saveDeadlineExtension({ ...base, at: at(86_400), publishedAt: at(0) });
      expect(await store.dataVersion()).toBeGreaterThan(before);
      await store.saveDeadlineExtension({ ...base, deadlineId: 'zone-2', at: at(90_000), publishedAt: at(10) });
      await store.saveDeadlineExtension({ ...base, url: 'https://www.impots.gouv.fr/b', at: at(172_800), publishedAt: at(60) });
      expect(await store.listDeadlineExtensions()).toEqual([
        { ...base, url: 'https://www.impots.gouv.fr/b', at: at(172_800), publishedAt: at(60) },
        { ...base, deadlineId: 'zone-2', at: at(90_000), publishedAt: at(10) },
      ]);
    });
  });
}
