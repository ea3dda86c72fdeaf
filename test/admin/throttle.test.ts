import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createLogin } from '../../src/admin/login.ts';
import { hashPassword } from '../../src/admin/password.ts';
import { createSessions } from '../../src/admin/session.ts';
import { ADDRESS_RULE, createThrottle, PAIR_RULE, throttleDelayMs } from '../../src/admin/throttle.ts';
import { newTotpSecret, totpCode } from '../../src/admin/totp.ts';
import type { Store } from '../../src/store/store.ts';
import { manualClock } from '../support/manual-clock.ts';
import { tempStore } from './support/temp-store.ts';

describe('throttle delays (pure)', () => {
  it('lets the first failures through, then doubles up to 15 minutes', () => {
    const delays = Array.from({ length: 20 }, (_, i) => throttleDelayMs(i + 1, PAIR_RULE));
    expect(delays.slice(0, 5)).toEqual([0, 0, 0, 0, 0]);
    expect(delays.slice(5, 10)).toEqual([1000, 2000, 4000, 8000, 16_000]);
    expect(Math.max(...delays)).toBe(15 * 60_000);
    expect(throttleDelayMs(1_000_000, ADDRESS_RULE)).toBe(15 * 60_000);
  });
});

describe('sign-in throttling', () => {
  const PASSWORD = 'lapin vert mange trois carottes';
  const EMAIL = 'agent@example.gouv.fr';
  const HOME = '198.51.100.7';
  let store: Store;
  let dispose: () => Promise<void>;
  let clock: ReturnType<typeof manualClock>;
  let secret: string;
  let login: ReturnType<typeof createLogin>;
  let makeLogin: (scrypt?: { ln: number; r: number; p: number }) => ReturnType<typeof createLogin>;

  beforeEach(async () => {
    ({ store, dispose } = await tempStore());
    clock = manualClock();
    const throttle = createThrottle({ store, clock: clock.now });
    const sessions = createSessions({ store, clock: clock.now });
    makeLogin = (scrypt) => createLogin({ store, clock: clock.now, throttle, sessions, requireTotp: true, scrypt });
    login = makeLogin();
    const account = await store.createStaff({
      email: EMAIL,
      passwordHash: await hashPassword(PASSWORD, { ln: 10, r: 8, p: 1 }),
      at: clock.now(),
    });
    secret = newTotpSecret();
    await store.updateStaff(account.id, { totpSecret: secret });
  });
  afterEach(() => dispose());

  const attempt = (email: string, password: string, ip: string, code = totpCode(secret, clock.now())) =>
    login({ email, password, code, ip });

  it('slows down repeated failures for one account from one address, with growing delays', async () => {
    for (let i = 0; i < 6; i++) expect((await attempt(EMAIL, 'wrong password number x', HOME)).ok).toBe(false);
    const blocked = await attempt(EMAIL, PASSWORD, HOME);
    expect(blocked).toMatchObject({ ok: false, failure: 'throttled', retryAfterMs: 1000 });
    clock.advance(1001);
    expect((await attempt(EMAIL, 'wrong password number x', HOME)).ok).toBe(false);
    expect(await attempt(EMAIL, PASSWORD, HOME)).toMatchObject({ failure: 'throttled', retryAfterMs: 2000 });
    clock.advance(2001);
    expect((await attempt(EMAIL, PASSWORD, HOME)).ok).toBe(true);
  });

  it('cannot be turned against a staff member by a flood from many addresses', async () => {
    // Cheap hashes here: the point is the counting, not the KDF cost.
    login = makeLogin({ ln: 10, r: 8, p: 1 });
    for (let i = 0; i < 300; i++) {
      const ip = `203.0.${Math.floor(i / 250)}.${i % 250}`;
      const target = i % 2 === 0 ? EMAIL : `random${i}@example.org`;
      await attempt(target, `wrong password ${i} abcdefgh`, ip);
    }
    // A flood through one address across accounts is slowed on that address only.
    for (let i = 0; i < 25; i++) await attempt(`random-x${i}@example.org`, 'wrong password abcdefgh', '192.0.2.66');
    expect(await attempt(EMAIL, PASSWORD, '192.0.2.66')).toMatchObject({ failure: 'throttled' });

    const result = await attempt(EMAIL, PASSWORD, HOME);
    expect(result.ok).toBe(true);
  });

  it('audits every attempt with the address and without the password', async () => {
    await attempt(EMAIL, 'wrong password number x', HOME);
    await attempt('nobody@example.org', PASSWORD, HOME);
    clock.advance(31_000);
    await attempt(EMAIL, PASSWORD, HOME);
    const { items } = await store.listAudit({ limit: 10 });
    expect(items.map((e) => [e.action, e.actor, e.ip])).toEqual([
      ['login.succeeded', EMAIL, HOME],
      ['staff.password_rehashed', EMAIL, HOME],
      ['login.failed', 'nobody@example.org', HOME],
      ['login.failed', EMAIL, HOME],
    ]);
    expect(JSON.stringify(items)).not.toContain('wrong password');
    expect(JSON.stringify(items)).not.toContain(PASSWORD);
  });

  it('upgrades a hash with old parameters at sign-in, without revoking sessions', async () => {
    await attempt(EMAIL, PASSWORD, HOME);
    const account = await store.getStaffByEmail(EMAIL);
    expect(account?.passwordHash).toMatch(/^\$scrypt\$ln=17,r=8,p=1\$/);
  });

  it('refuses a correct password with a missing, wrong or replayed code', async () => {
    expect((await attempt(EMAIL, PASSWORD, HOME, '')).ok).toBe(false);
    expect((await attempt(EMAIL, PASSWORD, HOME, '000000')).ok).toBe(totpCode(secret, clock.now()) === '000000');
    const code = totpCode(secret, clock.now());
    expect((await attempt(EMAIL, PASSWORD, HOME, code)).ok).toBe(true);
    expect((await attempt(EMAIL, PASSWORD, HOME, code)).ok).toBe(false);
  });
});
