import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createLogin, KDF_QUEUE_LIMIT, type Login, type LoginResult } from '../../src/admin/login.ts';
import { hashPassword } from '../../src/admin/password.ts';
import { createSessions } from '../../src/admin/session.ts';
import { addressKey, createThrottle } from '../../src/admin/throttle.ts';
import { newTotpSecret, totpCode } from '../../src/admin/totp.ts';
import type { Store } from '../../src/store/store.ts';
import { manualClock } from '../support/manual-clock.ts';
import { tempStore } from './support/temp-store.ts';

/**
 * Sign-in under pressure: attempts sent at once, a full verification queue, clients that hang up.
 * The store is the real one; account lookups can be held at a gate (the lookup runs inside a
 * verification slot), which fills the queue without depending on timing.
 */
const PASSWORD = 'lapin vert mange trois carottes';
const EMAIL = 'agent@example.gouv.fr';
const CHEAP = { ln: 10, r: 8, p: 1 };

let store: Store;
let dispose: () => Promise<void>;
let clock: ReturnType<typeof manualClock>;
let secret: string;
let gate: { open: () => void; wait: Promise<void> };
let lookups = 0;
let login: Login;
let build: (requireTotp: boolean) => Login;

function newGate() {
  let open = () => {};
  const wait = new Promise<void>((resolve) => (open = resolve));
  return { open, wait };
}

beforeEach(async () => {
  ({ store, dispose } = await tempStore());
  clock = manualClock();
  gate = { open: () => {}, wait: Promise.resolve() };
  lookups = 0;
  const gated: Store = {
    ...store,
    getStaffByEmail: async (email) => {
      lookups += 1;
      await gate.wait;
      return store.getStaffByEmail(email);
    },
  };
  const throttle = createThrottle({ store, clock: clock.now });
  build = (requireTotp) =>
    createLogin({
      store: gated,
      clock: clock.now,
      throttle,
      sessions: createSessions({ store, clock: clock.now }),
      requireTotp,
      scrypt: CHEAP,
    });
  login = build(true);
  const account = await store.createStaff({ email: EMAIL, passwordHash: await hashPassword(PASSWORD, CHEAP), at: clock.now() });
  secret = newTotpSecret();
  await store.updateStaff(account.id, { totpSecret: secret });
});
afterEach(() => dispose());

const attempt = (email: string, password: string, ip: string, signal?: AbortSignal): Promise<LoginResult> =>
  login({ email, password, code: totpCode(secret, clock.now()), ip, signal });

describe('sign-in under pressure', () => {
  it('evaluates no more parallel guesses than the throttle allows one after another', async () => {
    const results = await Promise.all(Array.from({ length: 12 }, (_, i) => attempt(EMAIL, `wrong password ${i} abcdefgh`, '198.51.100.7')));
    const evaluated = results.filter((r) => !r.ok && r.failure === 'invalid');
    // Sequentially, 6 failures pass and the 7th waits: sent at once, the same.
    expect(evaluated.length).toBeLessThanOrEqual(6);
    expect(results.filter((r) => !r.ok && r.failure === 'throttled').length).toBeGreaterThanOrEqual(6);
    // Throttled attempts leave no row: only the evaluated failures are counted.
    expect(await store.countLoginFailures(addressKey('198.51.100.7'), new Date(0))).toBe(evaluated.length);
  });

  it('answers "busy" at once when the queue is full, for unknown accounts and real ones alike', async () => {
    // Without a second factor every attempt needs the hash, so guesses can fill the queue.
    login = build(false);
    gate = newGate();
    const queued = Array.from({ length: 2 + KDF_QUEUE_LIMIT }, (_, i) =>
      attempt(`nobody${i}@example.org`, 'wrong password abcdefgh', `203.0.113.${i}`),
    );
    await vi.waitFor(() => expect(login.queue()).toEqual({ active: 2, pending: KDF_QUEUE_LIMIT }));
    const unknown = await attempt('stranger@example.org', 'wrong password abcdefgh', '192.0.2.50');
    const real = await attempt(EMAIL, PASSWORD, '192.0.2.51');
    expect(unknown).toEqual({ ok: false, failure: 'busy', retryAfterMs: 5000 });
    expect(real).toEqual(unknown);
    gate.open();
    expect((await Promise.all(queued)).every((r) => !r.ok && r.failure === 'invalid')).toBe(true);
    // Unknown accounts took their turn in the same queue as real ones: same work, same wait.
    expect(lookups).toBe(2 + KDF_QUEUE_LIMIT);
    expect(await store.countLoginFailures(addressKey('192.0.2.50'), new Date(0))).toBe(0);
  });

  it('drops the queued work of clients that hung up, so a real sign-in is not kept waiting behind them', async () => {
    login = build(false);
    gate = newGate();
    const busy = [0, 1].map((i) => attempt(`first${i}@example.org`, 'wrong password abcdefgh', `203.0.113.${i}`));
    const hangUp = new AbortController();
    const gone = Array.from({ length: 6 }, (_, i) =>
      attempt(`gone${i}@example.org`, 'wrong password abcdefgh', `198.18.0.${i}`, hangUp.signal),
    );
    await vi.waitFor(() => expect(login.queue().pending).toBe(6));
    const real = attempt(EMAIL, PASSWORD, '192.0.2.60');
    hangUp.abort();
    gate.open();
    expect((await real).ok).toBe(true);
    expect((await Promise.all(gone)).map((r) => !r.ok && r.failure)).toEqual(Array(6).fill('abandoned'));
    await Promise.all(busy);
    expect(lookups).toBe(3);
    expect(await store.countLoginFailures(addressKey('198.18.0.1'), new Date(0))).toBe(0);
  });

  it('refuses a wrong second-factor code before any hashing, so a flood of guesses leaves the queue to staff', async () => {
    const guesses = await Promise.all(
      Array.from({ length: 40 }, (_, i) =>
        login({
          // Fewer wrong codes for the real account than lock it (code-lock.test.ts).
          email: i % 5 === 1 ? EMAIL : `nobody${i}@example.org`,
          password: 'wrong password abcdefgh',
          code: '000000',
          ip: `203.0.113.${i}`,
        }),
      ),
    );
    // Unknown accounts and the real one are refused alike, and none of them queued for the hash.
    expect(guesses.every((r) => !r.ok && r.failure === 'invalid')).toBe(true);
    // One lookup each for the code check; none of them reached a verification slot (a second lookup).
    expect(lookups).toBe(40);
    expect((await attempt(EMAIL, PASSWORD, '192.0.2.70')).ok).toBe(true);
    expect(lookups).toBe(42);
  });
});
