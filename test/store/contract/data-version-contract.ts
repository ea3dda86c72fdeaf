import { describe, expect, it } from 'vitest';
import type { Store } from '../../../src/store/store.ts';
import type { ContractContext } from '../store-contract.ts';
import { at, check, opened, T0 } from '../contract-fixtures.ts';

async function bumps(store: Store, write: () => Promise<unknown>): Promise<number> {
  const before = await store.dataVersion();
  await write();
  return (await store.dataVersion()) - before;
}

export function dataVersionContract(ctx: ContractContext): void {
  describe('data version', () => {
    it('bumps for a first tracking, a state change and a since change, not for a check that changes nothing visible', async () => {
      const store = ctx.store();
      expect(await bumps(store, () => check(store, { at: at(0) }))).toBe(1);
      expect(await bumps(store, () => check(store, { at: at(60), previous: at(0), latencyMs: 999 }))).toBe(0);
      expect(await bumps(store, () => check(store, { at: at(120), state: 'degraded', since: at(120) }))).toBe(1);
      expect(await bumps(store, () => check(store, { at: at(180), state: 'degraded', since: at(120) }))).toBe(0);
      expect(await bumps(store, () => check(store, { at: at(240), state: 'degraded', since: at(200) }))).toBe(1);
    });

    it('bumps when an outage opens', async () => {
      const store = ctx.store();
      await check(store, { at: at(0), state: 'down' });
      expect(await bumps(store, () => check(store, { at: at(60), state: 'down', event: opened('impots', at(0)) }))).toBe(1);
    });

    it('bumps for a heartbeat only when canary health changes', async () => {
      const store = ctx.store();
      const beat = (healthy: boolean, s: number) => () =>
        store.recordHeartbeat({ location: 'paris', process: 'probe-1', at: at(s), canariesHealthy: healthy, version: '1' });
      expect(await bumps(store, beat(true, 0))).toBe(1);
      expect(await bumps(store, beat(true, 30))).toBe(0);
      expect(await bumps(store, beat(false, 60))).toBe(1);
      expect(await bumps(store, beat(false, 90))).toBe(0);
    });

    it('bumps for incidents and maintenance, not for staff, sessions, login failures, audit or pruning', async () => {
      const store = ctx.store();
      const draft = { fr: 'Texte', en: null };
      let incidentId = '';
      expect(
        await bumps(store, async () => {
          incidentId = (
            await store.createIncident({ title: draft, status: 'investigating', affected: [], body: draft, author: 'a@x.fr', at: T0 })
          ).id;
        }),
      ).toBe(1);
      const incident = await store.addIncidentUpdate(incidentId, { status: 'identified', body: draft, author: 'a@x.fr', at: at(1) });
      expect(
        await bumps(store, () =>
          store.editIncidentUpdate(incident.updates[1]!.id, { body: { fr: 'Corrigé', en: null }, editor: 'b@x.fr', at: at(2) }),
        ),
      ).toBe(1);
      expect(
        await bumps(store, () => store.addIncidentUpdate(incidentId, { status: 'resolved', body: draft, author: 'a@x.fr', at: at(3) })),
      ).toBe(1);
      const m = { title: draft, body: draft, serviceIds: ['caf'], startsAt: at(100), endsAt: at(200), author: 'a@x.fr', at: T0 };
      let maintenanceId = '';
      expect(await bumps(store, async () => void (maintenanceId = (await store.createMaintenance(m)).id))).toBe(1);
      expect(await bumps(store, () => store.updateMaintenance(maintenanceId, { endsAt: at(300), at: at(5) }))).toBe(1);
      expect(await bumps(store, () => store.cancelMaintenance(maintenanceId, at(6)))).toBe(1);
      expect(
        await bumps(store, async () => {
          const staff = await store.createStaff({ email: 'c@x.fr', passwordHash: 'h', at: T0 });
          await store.updateStaff(staff.id, { disabled: true });
          await store.claimTotpStep(staff.id, 5);
          await store.createSession({ idHash: 's', staffId: staff.id, createdAt: T0, lastSeenAt: T0, ip: '::1' });
          await store.touchSession('s', at(1));
          await store.releaseLoginAttempt(await store.reserveLoginAttempt(['k'], T0), ['k']);
          await store.pruneLoginFailures(T0);
          await store.pruneAudit(T0);
          await store.appendAudit({ at: T0, actor: 'cli', ip: null, action: 'logout', target: null, before: null, after: null });
          await store.pruneResults(at(1000));
        }),
      ).toBe(0);
    });
  });
}
