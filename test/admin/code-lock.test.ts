import { TOTP } from 'otpauth';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { CODE_LOCK, createCodeLock, lockedAccounts } from '../../src/admin/code-lock.ts';
import { createLogin, type Login } from '../../src/admin/login.ts';
import { hashPassword } from '../../src/admin/password.ts';
import { createSessions } from '../../src/admin/session.ts';
import { createThrottle } from '../../src/admin/throttle.ts';
import { newTotpSecret, totpCode } from '../../src/admin/totp.ts';
import type { Store } from '../../src/store/store.ts';
import { manualClock } from '../support/manual-clock.ts';
import { tempStore } from './support/temp-store.ts';

/**
 * Wrong second-factor codes counted per account whatever the address (security review F3), and
 * the same HMAC for names with no secret (F6). A real store; the clock is moved by hand.
 * The first `failures` wrong codes of a name are refused before its password is checked; the
 * next ones are checked behind the password, and those lock.
 */
const PASSWORD = 'lapin vert mange trois carottes';
const EMAIL = 'agent@example.gouv.fr';
const CHEAP = { ln: 10, r: 8, p: 1 };

let store: Store;
let dispose: () => Promise<void>;
let clock: ReturnType<typeof manualClock>;
let secret: string;
let login: Login;

beforeEach(async () => {
  ({ store, dispose } = await tempStore());
  clock = manualClock();
  login = createLogin({
    store,
    clock: clock.now,
    throttle: createThrottle({ store, clock: clock.now }),
    sessions: createSessions({ store, clock: clock.now }),
    requireTotp: true,
    scrypt: CHEAP,
  });
  secret = newTotpSecret();
  const account = await store.createStaff({ email: EMAIL, passwordHash: await hashPassword(PASSWORD, CHEAP), at: clock.now() });
  await store.updateStaff(account.id, { totpSecret: secret });
});
afterEach(() => dispose());

/** A code that is wrong now (the right one, plus one, modulo a million). */
const wrongCode = () => String((Number(totpCode(secret, clock.now())) + 1) % 1_000_000).padStart(6, '0');
/** Each guess from its own /64 of one /48, so no per-address throttle ever applies. */
const spread = (i: number) => `2001:db8:a3:${i.toString(16)}::1`;

describe('the per-account lock on second-factor codes', () => {
  it('refuses even the right code once the account had 10 wrong ones behind its password from anywhere, audits it and shows it to staff', async () => {
    for (let i = 0; i < 2 * CODE_LOCK.failures; i++) {
      const result = await login({ email: EMAIL, password: PASSWORD, code: wrongCode(), ip: spread(i) });
      expect(result).toMatchObject({ ok: false, failure: 'invalid' });
    }
    const locked = await login({ email: EMAIL, password: PASSWORD, code: totpCode(secret, clock.now()), ip: spread(99) });
    expect(locked).toMatchObject({ ok: false, failure: 'throttled' });
    const actions = (await store.listAudit({ limit: 50 })).items.map((e) => e.action);
    expect(actions.filter((a) => a === 'login.code_locked')).toHaveLength(1);
    expect(await lockedAccounts(store, clock.now())).toEqual([EMAIL]);

    await createCodeLock({ store, clock: clock.now }).unlock(EMAIL, { email: 'cli', ip: null });
    expect(await lockedAccounts(store, clock.now())).toEqual([]);
    clock.advance(30_000);
    expect(await login({ email: EMAIL, password: PASSWORD, code: totpCode(secret, clock.now()), ip: spread(100) })).toMatchObject({
      ok: true,
    });
  });

  it('lets the account try again once its wrong codes are older than the window', async () => {
    for (let i = 0; i < 2 * CODE_LOCK.failures; i++) await login({ email: EMAIL, password: PASSWORD, code: wrongCode(), ip: spread(i) });
    clock.advance(CODE_LOCK.windowMs + 1);
    expect(await login({ email: EMAIL, password: PASSWORD, code: totpCode(secret, clock.now()), ip: spread(50) })).toMatchObject({
      ok: true,
    });
  });

  it('cannot be set off without the password: a flood of wrong passwords and codes leaves the staff member able to sign in', async () => {
    for (let i = 0; i < 4 * CODE_LOCK.failures; i++)
      expect(await login({ email: EMAIL, password: `wrong ${i} password abc`, code: wrongCode(), ip: spread(i) })).toMatchObject({
        failure: 'invalid',
      });
    expect(await lockedAccounts(store, clock.now())).toEqual([]);
    expect(await login({ email: EMAIL, password: PASSWORD, code: totpCode(secret, clock.now()), ip: spread(99) })).toMatchObject({
      ok: true,
    });
  });

  it('checks a name past its guesses one at a time, apart: a flood at one account never makes another staff member wait', async () => {
    const other = await store.createStaff({
      email: 'autre@example.gouv.fr',
      passwordHash: await hashPassword(PASSWORD, CHEAP),
      at: clock.now(),
    });
    const otherSecret = newTotpSecret();
    await store.updateStaff(other.id, { totpSecret: otherSecret });
    for (let i = 0; i < CODE_LOCK.failures; i++)
      await login({ email: EMAIL, password: `wrong ${i} password abc`, code: wrongCode(), ip: spread(i) });
    const flood = Array.from({ length: 30 }, (_, i) =>
      login({ email: EMAIL, password: `wrong ${i} password abc`, code: wrongCode(), ip: spread(100 + i) }),
    );
    const colleague = login({
      email: 'autre@example.gouv.fr',
      password: PASSWORD,
      code: totpCode(otherSecret, clock.now()),
      ip: spread(99),
    });
    const failures = (await Promise.all(flood)).map((r) => (r.ok ? 'ok' : r.failure));
    expect(await colleague).toMatchObject({ ok: true });
    // One guess checked at a time, one waiting: the rest are told the service is busy, at once.
    expect(failures.filter((f) => f === 'busy').length).toBeGreaterThan(20);
    expect(failures).not.toContain('ok');
  });

  it('never locks a name that is no account, so a lock says nothing about who exists to those without a password', async () => {
    for (let i = 0; i < 3 * CODE_LOCK.failures; i++)
      expect(await login({ email: 'nobody@example.gouv.fr', password: PASSWORD, code: '123456', ip: spread(i) })).toMatchObject({
        failure: 'invalid',
      });
    expect(await lockedAccounts(store, clock.now())).toEqual([]);
  });
});

describe('the early code check', () => {
  it('runs one TOTP HMAC for unknown, disabled and real accounts alike', async () => {
    const disabled = await store.createStaff({ email: 'old@example.gouv.fr', passwordHash: 'x', at: clock.now() });
    await store.updateStaff(disabled.id, { disabled: true });
    const validate = vi.spyOn(TOTP.prototype, 'validate');
    try {
      const calls: number[] = [];
      for (const email of [EMAIL, 'nobody@example.gouv.fr', 'old@example.gouv.fr']) {
        validate.mockClear();
        await login({ email, password: PASSWORD, code: wrongCode(), ip: `198.51.100.${calls.length + 1}` });
        calls.push(validate.mock.calls.length);
      }
      expect(calls).toEqual([1, 1, 1]);
    } finally {
      validate.mockRestore();
    }
  });
});
