import { describe, expect, it } from 'vitest';
import type { NewMaintenance } from '../../../src/domain/incident-records.ts';
import { StoreNotFoundError } from '../../../src/store/store.ts';
import type { ContractContext } from '../store-contract.ts';
import { at, T0 } from '../contract-fixtures.ts';

function window(startS: number, endS: number, overrides: Partial<NewMaintenance> = {}): NewMaintenance {
  return {
    title: { fr: 'Mise à jour', en: 'Upgrade' },
    body: { fr: 'Interruption prévue.', en: null },
    serviceIds: ['caf', 'ameli'],
    startsAt: at(startS),
    endsAt: at(endS),
    author: 'agent@numerique.gouv.fr',
    at: T0,
    ...overrides,
  };
}

export function maintenanceContract(ctx: ContractContext): void {
  describe('maintenance windows', () => {
    it('creates, reads back, patches and cancels a window', async () => {
      const store = ctx.store();
      const created = await store.createMaintenance(window(3600, 7200));
      expect(created).toEqual({
        id: expect.stringMatching(/^[a-z2-7]{12}$/),
        title: { fr: 'Mise à jour', en: 'Upgrade' },
        body: { fr: 'Interruption prévue.', en: null },
        serviceIds: ['caf', 'ameli'],
        startsAt: at(3600),
        endsAt: at(7200),
        createdAt: T0,
        updatedAt: T0,
        cancelledAt: null,
        author: 'agent@numerique.gouv.fr',
      });
      expect(await store.getMaintenance(created.id)).toEqual(created);
      const patched = await store.updateMaintenance(created.id, { endsAt: at(9000), serviceIds: ['caf'], at: at(10) });
      expect(patched).toMatchObject({ startsAt: at(3600), endsAt: at(9000), serviceIds: ['caf'], updatedAt: at(10), title: created.title });
      const cancelled = await store.cancelMaintenance(created.id, at(20));
      expect(cancelled.cancelledAt).toEqual(at(20));
      expect((await store.cancelMaintenance(created.id, at(30))).cancelledAt).toEqual(at(20));
      // Subscribers told of the window are told, once, which window is off.
      const told = (await store.subscriptions.pendingEvents(10)).map((e) => e.payload);
      expect(told.filter((p) => p.kind === 'maintenance_cancelled')).toEqual([
        {
          kind: 'maintenance_cancelled',
          maintenanceId: created.id,
          title: created.title,
          serviceIds: ['caf'],
          startsAt: at(3600).toISOString(),
          endsAt: at(9000).toISOString(),
        },
      ]);
      expect(await store.getMaintenance('missing')).toBeNull();
      await expect(store.updateMaintenance('missing', { at: T0 })).rejects.toBeInstanceOf(StoreNotFoundError);
      await expect(store.cancelMaintenance('missing', T0)).rejects.toBeInstanceOf(StoreNotFoundError);
    });

    it('lists windows ending after a time, optionally starting before one, by start time, without cancelled ones', async () => {
      const store = ctx.store();
      const past = await store.createMaintenance(window(-7200, -3600));
      const current = await store.createMaintenance(window(-600, 600));
      const later = await store.createMaintenance(window(86_400, 90_000));
      const soon = await store.createMaintenance(window(1200, 1800));
      const cancelled = await store.createMaintenance(window(300, 900));
      await store.cancelMaintenance(cancelled.id, T0);
      const ids = async (options: Parameters<typeof store.listMaintenances>[0]) => (await store.listMaintenances(options)).map((m) => m.id);
      expect(await ids({ endsAfter: T0, limit: 10 })).toEqual([current.id, soon.id, later.id]);
      expect(await ids({ endsAfter: T0, startsBefore: at(3600), limit: 10 })).toEqual([current.id, soon.id]);
      expect(await ids({ endsAfter: T0, includeCancelled: true, limit: 10 })).toEqual([current.id, cancelled.id, soon.id, later.id]);
      expect(await ids({ endsAfter: at(-100_000), limit: 2 })).toEqual([past.id, current.id]);
    });
  });
}
