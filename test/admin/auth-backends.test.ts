import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createLogin } from '../../src/admin/login.ts';
import { hashPassword } from '../../src/admin/password.ts';
import { createSessions } from '../../src/admin/session.ts';
import { disableStaff } from '../../src/admin/staff-accounts.ts';
import { createThrottle } from '../../src/admin/throttle.ts';
import { acceptTotpCode, newTotpSecret, totpCode } from '../../src/admin/totp.ts';
import type { Store } from '../../src/store/store.ts';
import { requirePostgres, schemaFactory } from '../store/postgres-support.ts';
import { manualClock } from '../support/manual-clock.ts';
import { storeBackends } from '../support/store-backends.ts';

/**
 * The security rules that rest on the store's atomicity, on both backends: a code claimed by
 * concurrent requests wins once; a flood cannot lock a staff member out; disabling signs out.
 */
const schemas = schemaFactory('vigie_admin');
let postgresUp = false;
beforeAll(async () => {
  postgresUp = await requirePostgres('test/admin/auth-backends.test.ts');
});
afterAll(() => schemas.dropAll());

const BACKENDS = storeBackends(schemas);

describe.each(BACKENDS)('staff authentication on %s', (backend, open) => {
  let store: Store;
  let dispose: () => Promise<void>;
  let clock: ReturnType<typeof manualClock>;
  const PASSWORD = 'lapin vert mange trois carottes';
  const EMAIL = 'agent@example.gouv.fr';
  let secret: string;

  beforeEach(async (context) => {
    if (backend === 'postgres' && !postgresUp) context.skip();
    ({ store, dispose } = await open());
    clock = manualClock();
    secret = newTotpSecret();
    const account = await store.createStaff({
      email: EMAIL,
      passwordHash: await hashPassword(PASSWORD, { ln: 10, r: 8, p: 1 }),
      at: clock.now(),
    });
    await store.updateStaff(account.id, { totpSecret: secret });
  });
  afterEach(async () => {
    await dispose?.();
  });

  it('lets only one of many concurrent requests use a code', async () => {
    const account = (await store.getStaffByEmail(EMAIL))!;
    const code = totpCode(secret, clock.now());
    const results = await Promise.all(Array.from({ length: 8 }, () => acceptTotpCode(store, account, code, clock.now())));
    expect(results.filter(Boolean)).toHaveLength(1);
  });

  it('keeps the real staff member able to sign in during a many-address flood', async () => {
    const throttle = createThrottle({ store, clock: clock.now });
    const sessions = createSessions({ store, clock: clock.now });
    const login = createLogin({ store, clock: clock.now, throttle, sessions, requireTotp: true, scrypt: { ln: 10, r: 8, p: 1 } });
    await Promise.all(
      Array.from({ length: 120 }, (_, i) =>
        login({
          email: i % 3 === 0 ? EMAIL : `random${i}@example.org`,
          password: `wrong ${i} password abc`,
          code: '000000',
          ip: `203.0.113.${i}`,
        }),
      ),
    );
    const result = await login({ email: EMAIL, password: PASSWORD, code: totpCode(secret, clock.now()), ip: '198.51.100.7' });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    await disableStaff({ store, clock: () => new Date(clock.now().getTime() + 1), actor: 'cli' }, EMAIL);
    expect(await sessions.resume(result.sessionId)).toBeNull();
  });
});
