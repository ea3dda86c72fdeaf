import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { hashSessionId, createSessions, type Sessions } from '../../src/admin/session.ts';
import { SESSION_ABSOLUTE_MS, SESSION_IDLE_MS } from '../../src/domain/staff-session.ts';
import { disableStaff, resetPassword, setTotpSecret } from '../../src/admin/staff-accounts.ts';
import { newTotpSecret } from '../../src/admin/totp.ts';
import type { StaffAccount } from '../../src/domain/staff-records.ts';
import type { Store } from '../../src/store/store.ts';
import { manualClock } from '../support/manual-clock.ts';
import { tempStore } from './support/temp-store.ts';

describe('staff sessions', () => {
  let store: Store;
  let dispose: () => Promise<void>;
  let clock: ReturnType<typeof manualClock>;
  let sessions: Sessions;
  let account: StaffAccount;

  beforeEach(async () => {
    ({ store, dispose } = await tempStore());
    clock = manualClock();
    sessions = createSessions({ store, clock: clock.now });
    account = await store.createStaff({ email: 'agent@example.gouv.fr', passwordHash: 'x', at: new Date(clock.now().getTime() - 1000) });
  });
  afterEach(() => dispose());

  it('issues a 32-byte random id and stores only its hash', async () => {
    const id = await sessions.start(account, '192.0.2.1');
    expect(Buffer.from(id, 'base64url')).toHaveLength(32);
    expect(await store.getSession(id)).toBeNull();
    expect(await store.getSession(hashSessionId(id))).toMatchObject({ staffId: account.id, ip: '192.0.2.1' });
    expect(await sessions.start(account, '192.0.2.1')).not.toBe(id);
  });

  it('stays alive while used, and dies after 30 minutes idle', async () => {
    const id = await sessions.start(account, '192.0.2.1');
    for (let i = 0; i < 4; i++) {
      clock.advance(SESSION_IDLE_MS - 60_000);
      expect(await sessions.resume(id)).not.toBeNull();
    }
    clock.advance(SESSION_IDLE_MS);
    expect(await sessions.resume(id)).toBeNull();
    expect(await store.getSession(hashSessionId(id))).toBeNull();
  });

  it('dies after 12 hours even when used all along', async () => {
    const id = await sessions.start(account, '192.0.2.1');
    let elapsed = 0;
    while (elapsed + 20 * 60_000 < SESSION_ABSOLUTE_MS) {
      clock.advance(20 * 60_000);
      elapsed += 20 * 60_000;
      expect(await sessions.resume(id)).not.toBeNull();
    }
    clock.advance(SESSION_ABSOLUTE_MS - elapsed);
    expect(await sessions.resume(id)).toBeNull();
  });

  const deps = () => ({ store, clock: () => new Date(clock.now().getTime() + 1), actor: 'cli' });

  it('is revoked by a password change', async () => {
    const id = await sessions.start(account, '192.0.2.1');
    clock.advance(1000);
    expect((await resetPassword(deps(), account.email, 'gare du nord, quai 7, train bleu')).ok).toBe(true);
    expect(await sessions.resume(id)).toBeNull();
  });

  it('is revoked by a second-factor change', async () => {
    const id = await sessions.start(account, '192.0.2.1');
    clock.advance(1000);
    await setTotpSecret(deps(), account.email, newTotpSecret());
    expect(await sessions.resume(id)).toBeNull();
  });

  it('is revoked when the account is disabled', async () => {
    const id = await sessions.start(account, '192.0.2.1');
    await disableStaff(deps(), account.email);
    expect(await sessions.resume(id)).toBeNull();
  });

  it('refuses even a surviving session row created before the credentials changed', async () => {
    const id = await sessions.start(account, '192.0.2.1');
    clock.advance(1000);
    await store.updateStaff(account.id, { credentialsChangedAt: clock.now() });
    expect(await sessions.resume(id)).toBeNull();
  });

  it.each([undefined, '', 'not-a-session', 'a'.repeat(43)])('knows nobody for cookie %j', async (value) => {
    expect(await sessions.resume(value)).toBeNull();
  });

  it('ends on logout', async () => {
    const id = await sessions.start(account, '192.0.2.1');
    await sessions.end(id);
    expect(await sessions.resume(id)).toBeNull();
  });
});
