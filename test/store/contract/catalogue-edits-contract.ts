import { describe, expect, it } from 'vitest';
import type { ContractContext } from '../store-contract.ts';
import { at, check, opened, T0 } from '../contract-fixtures.ts';

/** What a new catalogue does to what is stored: a renamed service keeps everything, a removed one has its open incident closed. */
export function catalogueEditsContract(ctx: ContractContext): void {
  describe('catalogue edits', () => {
    const edits = (serviceIds: string[], renames: { from: string; to: string }[] = []) => ({ serviceIds, renames, at: at(3_600) });

    it('moves a renamed service’s results, rollups, tracking, open incident, subscriptions and windows to its new id', async () => {
      const store = ctx.store();
      const { incidentId } = await check(store, {
        serviceId: 'caf',
        at: at(60),
        state: 'down',
        outcome: 'timeout',
        event: opened('caf', at(0)),
      });
      await check(store, {
        serviceId: 'caf',
        at: at(120),
        previous: at(60),
        state: 'down',
        outcome: 'timeout',
        openIncidentId: incidentId,
      });
      // The new id already checked once (the rename was declared a little late): its rollups are added to.
      await check(store, { serviceId: 'caf-fr', at: at(130), previous: at(70) });
      const { subscriptions } = store;
      const request = { locale: 'fr' as const, serviceIds: ['caf', 'msa'], createdAt: T0, expiresAt: at(86_400) };
      await subscriptions.addRequest({ ...request, tokenHash: 'confirmed', email: 'a@example.fr' });
      await subscriptions.confirmRequest('confirmed', at(10));
      await subscriptions.addRequest({ ...request, tokenHash: 'pending', email: 'b@example.fr' });
      const window = await store.createMaintenance({
        title: { fr: 'Travaux', en: 'Works' },
        body: { fr: 'Coupure.', en: null },
        serviceIds: ['caf', 'msa'],
        startsAt: at(86_400),
        endsAt: at(90_000),
        author: 'agent@numerique.gouv.fr',
        at: T0,
      });
      const versionBefore = await store.dataVersion();

      expect(await store.applyCatalogueEdits(edits(['caf-fr', 'msa'], [{ from: 'caf', to: 'caf-fr' }]))).toEqual({
        renamed: ['caf'],
        resolved: [],
      });
      expect(await store.listResults('caf', { limit: 10 })).toEqual([]);
      expect((await store.listResults('caf-fr', { limit: 10 })).map((r) => r.startedAt)).toEqual([at(130), at(120), at(60)]);
      const [hour] = await store.listRollups({ granularity: 'hour', from: T0, to: at(3_600), serviceId: 'caf-fr' });
      expect(hour).toMatchObject({ checks: 3, failures: 2 });
      expect(await store.listRollups({ granularity: 'day', from: at(-86_400), to: at(86_400), serviceId: 'caf' })).toEqual([]);
      expect((await store.listTrackings()).map((t) => [t.serviceId, t.lastCheckedAt])).toEqual([['caf-fr', at(130)]]);
      const open = await store.listIncidents({ state: 'open', serviceId: 'caf-fr', limit: 5 });
      expect(open.items.map((i) => [i.id, i.serviceId, i.affected])).toEqual([
        [incidentId, 'caf-fr', [{ serviceId: 'caf-fr', impact: 'major' }]],
      ]);
      expect((await subscriptions.confirmRequest('pending', at(3_700)))?.serviceIds).toEqual(['caf-fr', 'msa']);
      expect((await store.getMaintenance(window.id))?.serviceIds).toEqual(['caf-fr', 'msa']);
      expect(await store.dataVersion()).toBeGreaterThan(versionBefore);

      // Every probe runs it at start: the second time, there is nothing left to move.
      expect(await store.applyCatalogueEdits(edits(['caf-fr', 'msa'], [{ from: 'caf', to: 'caf-fr' }]))).toEqual({
        renamed: [],
        resolved: [],
      });
    });

    it('closes the open automatic incident of a service no longer listed, with its reason, and keeps its history', async () => {
      const store = ctx.store();
      const gone = await check(store, { serviceId: 'caf', at: at(60), state: 'down', outcome: 'timeout', event: opened('caf', at(0)) });
      const kept = await check(store, { serviceId: 'msa', at: at(60), state: 'down', outcome: 'timeout', event: opened('msa', at(0)) });
      const staffOwned = await check(store, {
        serviceId: 'cnil',
        at: at(60),
        state: 'down',
        outcome: 'timeout',
        event: opened('cnil', at(0)),
      });
      await store.addIncidentUpdate(staffOwned.incidentId!, {
        status: 'identified',
        body: { fr: 'Nous suivons.', en: null },
        author: 'agent@numerique.gouv.fr',
        at: at(120),
        takeOver: true,
      });

      expect(await store.applyCatalogueEdits(edits(['msa']))).toEqual({ renamed: [], resolved: [gone.incidentId] });
      const closed = await store.getIncident(gone.incidentId!);
      expect(closed).toMatchObject({ status: 'resolved', resolvedAt: at(3_600), serviceId: 'caf' });
      expect(closed!.updates.at(-1)).toMatchObject({ status: 'resolved', author: 'probe', reason: 'service_removed' });
      expect(closed!.updates[0]!.reason).toBeNull();
      expect(await store.listResults('caf', { limit: 5 })).toHaveLength(1);
      expect((await store.getIncident(kept.incidentId!))?.resolvedAt).toBeNull();
      expect((await store.getIncident(staffOwned.incidentId!))?.resolvedAt).toBeNull();
      expect(await store.applyCatalogueEdits(edits(['msa']))).toEqual({ renamed: [], resolved: [] });

      // Staff correcting that last update write their own words: the reason gives way.
      const edited = await store.editIncidentUpdate(closed!.updates.at(-1)!.id, {
        body: { fr: 'Retiré.', en: 'Removed.' },
        editor: 'a@x.fr',
        at: at(4_000),
      });
      expect(edited.updates.at(-1)).toMatchObject({ body: { fr: 'Retiré.', en: 'Removed.' }, reason: null });
    });

    it('keeps one open incident when both ids had one: the former id’s is closed, pointing to the other', async () => {
      const store = ctx.store();
      const before = await check(store, { serviceId: 'caf', at: at(60), state: 'down', outcome: 'timeout', event: opened('caf', at(0)) });
      const after = await check(store, {
        serviceId: 'caf-fr',
        at: at(90),
        state: 'down',
        outcome: 'timeout',
        event: opened('caf-fr', at(30)),
      });
      expect(await store.applyCatalogueEdits(edits(['caf-fr'], [{ from: 'caf', to: 'caf-fr' }]))).toEqual({
        renamed: ['caf'],
        resolved: [before.incidentId],
      });
      expect((await store.getIncident(before.incidentId!))?.updates.at(-1)?.reason).toBe('service_renamed');
      expect((await store.listIncidents({ state: 'open', limit: 5 })).items.map((i) => i.id)).toEqual([after.incidentId]);
      expect((await store.listIncidents({ state: 'all', serviceId: 'caf-fr', limit: 5 })).total).toBe(2);
    });
  });
}
