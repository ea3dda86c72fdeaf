import { describe, expect, it } from 'vitest';
import { StoreConflictError, StoreNotFoundError } from '../../../src/store/store.ts';
import type { ContractContext } from '../store-contract.ts';
import { at, T0 } from '../contract-fixtures.ts';

export function staffContract(ctx: ContractContext): void {
  describe('staff, sessions, login throttling and audit', () => {
    it('creates staff with unique emails regardless of case', async () => {
      const store = ctx.store();
      const staff = await store.createStaff({ email: 'Agent@Numerique.gouv.fr', passwordHash: '$argon', at: T0 });
      expect(staff).toEqual({
        id: expect.stringMatching(/^[a-z2-7]{12}$/),
        email: 'Agent@Numerique.gouv.fr',
        passwordHash: '$argon',
        totpSecret: null,
        totpLastStep: 0,
        disabled: false,
        createdAt: T0,
        credentialsChangedAt: T0,
      });
      await expect(store.createStaff({ email: 'agent@numerique.GOUV.fr', passwordHash: 'x', at: T0 })).rejects.toBeInstanceOf(
        StoreConflictError,
      );
      expect(await store.getStaffByEmail('AGENT@numerique.gouv.fr')).toEqual(staff);
      expect(await store.getStaffById(staff.id)).toEqual(staff);
      expect(await store.getStaffByEmail('other@x.fr')).toBeNull();
      expect(await store.getStaffById('missing')).toBeNull();
      const second = await store.createStaff({ email: 'b@x.fr', passwordHash: 'y', at: at(1) });
      expect((await store.listStaff()).map((s) => s.id)).toEqual([staff.id, second.id]);
    });

    it('updates only the fields given', async () => {
      const store = ctx.store();
      const staff = await store.createStaff({ email: 'a@x.fr', passwordHash: 'old', at: T0 });
      const updated = await store.updateStaff(staff.id, { totpSecret: 'JBSWY3DPEHPK3PXP', credentialsChangedAt: at(5) });
      expect(updated).toEqual({ ...staff, totpSecret: 'JBSWY3DPEHPK3PXP', credentialsChangedAt: at(5) });
      const disabled = await store.updateStaff(staff.id, { disabled: true, passwordHash: 'new', totpSecret: null });
      expect(disabled).toMatchObject({ disabled: true, passwordHash: 'new', totpSecret: null, credentialsChangedAt: at(5) });
      await expect(store.updateStaff('missing', { disabled: true })).rejects.toBeInstanceOf(StoreNotFoundError);
    });

    it('accepts each TOTP step once, and only steps newer than the last, even when claimed concurrently', async () => {
      const store = ctx.store();
      const { id } = await store.createStaff({ email: 'a@x.fr', passwordHash: 'h', at: T0 });
      const claims = await Promise.all([1, 2, 3, 4].map(() => store.claimTotpStep(id, 58_000_000)));
      expect(claims.filter(Boolean)).toHaveLength(1);
      expect(await store.claimTotpStep(id, 57_999_999)).toBe(false);
      expect(await store.claimTotpStep(id, 58_000_001)).toBe(true);
      expect((await store.getStaffById(id))!.totpLastStep).toBe(58_000_001);
      await expect(store.claimTotpStep('missing', 1)).rejects.toBeInstanceOf(StoreNotFoundError);
    });

    it('creates, reads, touches and deletes sessions', async () => {
      const store = ctx.store();
      const { id } = await store.createStaff({ email: 'a@x.fr', passwordHash: 'h', at: T0 });
      const session = { idHash: 'hash-1', staffId: id, createdAt: T0, lastSeenAt: T0, ip: '192.0.2.1' };
      await store.createSession(session);
      await store.createSession({ ...session, idHash: 'hash-2' });
      await store.createSession({ ...session, idHash: 'hash-3' });
      expect(await store.getSession('hash-1')).toEqual(session);
      await store.touchSession('hash-1', at(60));
      expect((await store.getSession('hash-1'))!.lastSeenAt).toEqual(at(60));
      await store.deleteSession('hash-1');
      expect(await store.getSession('hash-1')).toBeNull();
      expect(await store.deleteStaffSessions(id)).toBe(2);
      expect(await store.getSession('hash-2')).toBeNull();
      expect(await store.deleteStaffSessions(id)).toBe(0);
    });

    it('counts login failures per key within a window and clears them', async () => {
      const store = ctx.store();
      for (const s of [0, 10, 20]) await store.reserveLoginAttempt(['account:a@x.fr'], at(s));
      await store.reserveLoginAttempt(['ip:192.0.2.1'], at(15));
      expect(await store.countLoginFailures('account:a@x.fr', at(10))).toBe(2);
      expect(await store.countLoginFailures('account:a@x.fr', T0)).toBe(3);
      await store.clearLoginFailures('account:a@x.fr');
      expect(await store.countLoginFailures('account:a@x.fr', T0)).toBe(0);
      expect(await store.countLoginFailures('ip:192.0.2.1', T0)).toBe(1);
    });

    it('reserves an attempt under several keys, counts concurrent reservations, and releases only its own', async () => {
      const store = ctx.store();
      const attempts = await Promise.all(Array.from({ length: 12 }, () => store.reserveLoginAttempt(['pair:a', 'addr:b'], at(1))));
      expect(new Set(attempts).size).toBe(12);
      expect(await store.countLoginFailures('pair:a', T0)).toBe(12);
      await store.releaseLoginAttempt(attempts[0]!, ['pair:a', 'addr:b']);
      await store.releaseLoginAttempt(attempts[1]!, ['addr:b']);
      expect(await store.countLoginFailures('pair:a', T0)).toBe(11);
      expect(await store.countLoginFailures('addr:b', T0)).toBe(10);
      await store.stampLoginAttempt(attempts[2]!, at(50));
      expect(await store.countLoginFailures('pair:a', at(50))).toBe(1);
    });

    it('writes an audited change and its audit row together, or neither', async () => {
      const store = ctx.store();
      const account = await store.audited(
        (s) => s.createStaff({ email: 'audited@x.fr', passwordHash: 'h', at: T0 }),
        (created) => ({ at: T0, actor: 'cli', ip: null, action: 'staff.added', target: created.id, before: null, after: null }),
      );
      expect((await store.listAudit({ limit: 1 })).items[0]).toMatchObject({ action: 'staff.added', target: account.id });
      const failing = store.audited(
        async (s) => {
          await s.updateStaff(account.id, { disabled: true });
          await s.deleteStaffSessions(account.id);
          return s.createStaff({ email: 'AUDITED@x.fr', passwordHash: 'h', at: T0 });
        },
        () => ({ at: T0, actor: 'cli', ip: null, action: 'staff.disabled', target: null, before: null, after: null }),
      );
      await expect(failing).rejects.toBeInstanceOf(StoreConflictError);
      expect((await store.getStaffById(account.id))?.disabled).toBe(false);
      expect((await store.listAudit({ limit: 10 })).total).toBe(1);
      // The audit row is part of the transaction: a row the log refuses undoes the change.
      const refusedRow = store.audited(
        (s) => s.updateStaff(account.id, { disabled: true }),
        () => ({ at: T0, actor: 'cli', ip: null, action: 'staff.disabled', target: null, before: null, after: 1n as unknown }),
      );
      await expect(refusedRow).rejects.toThrow();
      expect((await store.getStaffById(account.id))?.disabled).toBe(false);
    });

    it('prunes login failures and audit rows older than a cut-off', async () => {
      const store = ctx.store();
      await store.reserveLoginAttempt(['k'], at(0));
      await store.reserveLoginAttempt(['k'], at(100));
      await store.appendAudit({ at: at(0), actor: 'x', ip: null, action: 'login.failed', target: null, before: null, after: null });
      const kept = await store.appendAudit({
        at: at(100),
        actor: 'x',
        ip: null,
        action: 'login.failed',
        target: null,
        before: null,
        after: null,
      });
      expect(await store.pruneLoginFailures(at(50))).toBe(1);
      expect(await store.pruneAudit(at(50))).toBe(1);
      expect(await store.countLoginFailures('k', T0)).toBe(1);
      expect((await store.listAudit({ limit: 10 })).items).toEqual([kept]);
    });

    it('appends audit entries and lists them newest first with paging', async () => {
      const store = ctx.store();
      const first = await store.appendAudit({
        at: T0,
        actor: 'a@x.fr',
        ip: '192.0.2.1',
        action: 'incident.created',
        target: 'abc',
        before: null,
        after: { title: { fr: 'Panne', en: null }, n: 2 },
      });
      expect(first.id).toMatch(/^[a-z2-7]{12}$/);
      const second = await store.appendAudit({
        at: T0,
        actor: 'cli',
        ip: null,
        action: 'staff.added',
        target: null,
        before: { a: 1 },
        after: null,
      });
      const third = await store.appendAudit({
        at: at(5),
        actor: 'a@x.fr',
        ip: null,
        action: 'login.failed',
        target: null,
        before: null,
        after: null,
      });
      const page = await store.listAudit({ limit: 10 });
      expect(page.total).toBe(3);
      expect(page.items).toEqual([third, second, first]);
      expect((await store.listAudit({ limit: 1, offset: 2 })).items).toEqual([first]);
    });
  });
}
