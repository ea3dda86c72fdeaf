import { describe, expect, it } from 'vitest';
import type { NewIncident } from '../../../src/domain/incident-records.ts';
import { StoreNotFoundError } from '../../../src/store/store.ts';
import type { ContractContext } from '../store-contract.ts';
import { at, check, opened, T0 } from '../contract-fixtures.ts';

function staffIncident(overrides: Partial<NewIncident> = {}): NewIncident {
  return {
    title: { fr: 'Lenteurs', en: null },
    status: 'investigating',
    affected: [
      { serviceId: 'caf', impact: 'degraded' },
      { serviceId: 'ameli', impact: 'partial' },
    ],
    body: { fr: 'Nous enquêtons.', en: 'We are investigating.' },
    author: 'agent@numerique.gouv.fr',
    at: T0,
    ...overrides,
  };
}

export function incidentsContract(ctx: ContractContext): void {
  describe('staff incidents', () => {
    it('creates an incident with its first update and affected services in order', async () => {
      const store = ctx.store();
      const incident = await store.createIncident(staffIncident({ startedAt: at(-600) }));
      expect(incident).toMatchObject({
        kind: 'staff',
        serviceId: null,
        title: { fr: 'Lenteurs', en: null },
        status: 'investigating',
        affected: [
          { serviceId: 'caf', impact: 'degraded' },
          { serviceId: 'ameli', impact: 'partial' },
        ],
        startedAt: at(-600),
        createdAt: T0,
        updatedAt: T0,
        resolvedAt: null,
      });
      expect(incident.updates).toEqual([
        {
          id: expect.stringMatching(/^[a-z2-7]{12}$/),
          incidentId: incident.id,
          status: 'investigating',
          body: { fr: 'Nous enquêtons.', en: 'We are investigating.' },
          createdAt: T0,
          author: 'agent@numerique.gouv.fr',
          editedAt: null,
          history: [],
          reason: null,
          nextUpdateAt: null,
          observed: null,
        },
      ]);
      expect(await store.getIncident(incident.id)).toEqual(incident);
      expect(await store.getIncident('nope')).toBeNull();
    });

    it('keeps the next update staff promise with each update', async () => {
      const store = ctx.store();
      const { id } = await store.createIncident(staffIncident({ nextUpdateAt: at(3600) }));
      await store.addIncidentUpdate(id, { status: 'identified', body: { fr: 'Suite', en: null }, author: 'a@x.fr', at: at(60) });
      const later = await store.addIncidentUpdate(id, {
        status: 'monitoring',
        body: { fr: 'Encore', en: null },
        author: 'a@x.fr',
        at: at(120),
        nextUpdateAt: at(5400),
      });
      expect(later.updates.map((u) => u.nextUpdateAt)).toEqual([at(3600), null, at(5400)]);
      expect((await store.getIncident(id))?.updates.map((u) => u.nextUpdateAt)).toEqual([at(3600), null, at(5400)]);
    });

    it('moves through the lifecycle; resolving sets resolvedAt and reopening clears it', async () => {
      const store = ctx.store();
      const { id } = await store.createIncident(staffIncident());
      const update = { body: { fr: 'Suite', en: null }, author: 'agent@numerique.gouv.fr' };
      await store.addIncidentUpdate(id, { ...update, status: 'identified', at: at(60), title: { fr: 'Panne CAF', en: 'CAF outage' } });
      const resolved = await store.addIncidentUpdate(id, {
        ...update,
        status: 'resolved',
        at: at(120),
        affected: [{ serviceId: 'caf', impact: 'major' }],
      });
      expect(resolved).toMatchObject({
        status: 'resolved',
        resolvedAt: at(120),
        updatedAt: at(120),
        title: { fr: 'Panne CAF', en: 'CAF outage' },
        affected: [{ serviceId: 'caf', impact: 'major' }],
      });
      expect(resolved.updates.map((u) => u.status)).toEqual(['investigating', 'identified', 'resolved']);
      const reopened = await store.addIncidentUpdate(id, { ...update, status: 'monitoring', at: at(180) });
      expect(reopened.resolvedAt).toBeNull();
      await expect(store.addIncidentUpdate('missing', { ...update, status: 'identified', at: T0 })).rejects.toBeInstanceOf(
        StoreNotFoundError,
      );
    });

    it('lets staff take over an automatic incident', async () => {
      const store = ctx.store();
      const { incidentId } = await check(store, { at: at(60), state: 'down', event: opened('impots', at(0)) });
      const taken = await store.addIncidentUpdate(incidentId!, {
        status: 'identified',
        body: { fr: 'Cause identifiée', en: null },
        author: 'agent@numerique.gouv.fr',
        at: at(120),
        takeOver: true,
      });
      expect(taken).toMatchObject({ kind: 'auto', takenOverBy: 'agent@numerique.gouv.fr', status: 'identified' });
    });

    it('edits an update and keeps every earlier body in its history, oldest first', async () => {
      const store = ctx.store();
      const incident = await store.createIncident(staffIncident());
      const updateId = incident.updates[0]!.id;
      await store.editIncidentUpdate(updateId, { body: { fr: 'v2', en: null }, editor: 'a@x.fr', at: at(10) });
      const edited = await store.editIncidentUpdate(updateId, { body: { fr: 'v3', en: 'v3' }, editor: 'b@x.fr', at: at(20) });
      expect(edited.updatedAt).toEqual(at(20));
      const update = await store.getIncidentUpdate(updateId);
      expect(update).toMatchObject({ body: { fr: 'v3', en: 'v3' }, editedAt: at(20), createdAt: T0, author: 'agent@numerique.gouv.fr' });
      expect(update!.history).toEqual([
        { body: { fr: 'Nous enquêtons.', en: 'We are investigating.' }, editedAt: at(10), editor: 'a@x.fr' },
        { body: { fr: 'v2', en: null }, editedAt: at(20), editor: 'b@x.fr' },
      ]);
      expect(edited.updates[0]).toEqual(update);
      expect(await store.getIncidentUpdate('missing')).toBeNull();
      await expect(store.editIncidentUpdate('missing', { body: { fr: 'x', en: null }, editor: 'a', at: T0 })).rejects.toBeInstanceOf(
        StoreNotFoundError,
      );
    });

    it('lists newest first, filtered by state and by service (automatic or affected), with paging and total', async () => {
      const store = ctx.store();
      const oldest = await store.createIncident(staffIncident({ at: at(0), startedAt: at(0) }));
      const auto = await check(store, { serviceId: 'caf', at: at(100), state: 'down', event: opened('caf', at(50)) });
      const other = await store.createIncident(staffIncident({ at: at(200), affected: [{ serviceId: 'impots', impact: 'major' }] }));
      await store.addIncidentUpdate(oldest.id, { status: 'resolved', body: { fr: 'Fini', en: null }, author: 'a', at: at(300) });
      const all = await store.listIncidents({ limit: 10 });
      expect(all.total).toBe(3);
      expect(all.items.map((i) => i.id)).toEqual([other.id, auto.incidentId, oldest.id]);
      expect((await store.listIncidents({ state: 'open', limit: 10 })).items.map((i) => i.id)).toEqual([other.id, auto.incidentId]);
      expect((await store.listIncidents({ state: 'resolved', limit: 10 })).items.map((i) => i.id)).toEqual([oldest.id]);
      const caf = await store.listIncidents({ serviceId: 'caf', limit: 10 });
      expect(caf.items.map((i) => i.id)).toEqual([auto.incidentId, oldest.id]);
      expect((await store.listIncidents({ serviceId: 'ameli', state: 'open', limit: 10 })).total).toBe(0);
      const page = await store.listIncidents({ limit: 1, offset: 1 });
      expect(page.total).toBe(3);
      expect(page.items.map((i) => i.id)).toEqual([auto.incidentId]);
      expect(page.items[0]!.updates).toHaveLength(1);
    });
  });
}
