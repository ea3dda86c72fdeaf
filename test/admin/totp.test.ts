import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { acceptTotpCode, matchTotpStep, newTotpSecret, totpCode, totpUri } from '../../src/admin/totp.ts';
import type { StaffAccount } from '../../src/domain/staff-records.ts';
import type { Store } from '../../src/store/store.ts';
import { tempStore } from './support/temp-store.ts';

const T0 = new Date('2026-03-02T09:00:10Z');
const step = (ms: number) => new Date(T0.getTime() + ms);

describe('TOTP', () => {
  let store: Store;
  let dispose: () => Promise<void>;
  let account: StaffAccount;

  beforeEach(async () => {
    ({ store, dispose } = await tempStore());
    const created = await store.createStaff({ email: 'agent@example.gouv.fr', passwordHash: 'x', at: T0 });
    account = await store.updateStaff(created.id, { totpSecret: newTotpSecret() });
  });
  afterEach(() => dispose());

  it('builds the otpauth URI authenticator apps read', () => {
    const uri = totpUri('agent@example.gouv.fr', 'JBSWY3DPEHPK3PXP');
    expect(uri).toBe('otpauth://totp/Vigie:agent%40example.gouv.fr?issuer=Vigie&secret=JBSWY3DPEHPK3PXP&algorithm=SHA1&digits=6&period=30');
  });

  it('matches the RFC 6238 reference value', () => {
    // RFC 6238 appendix B, SHA-1, T = 59 s: 94287082 (8 digits), i.e. 287082 with 6.
    const rfcSecret = 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ';
    expect(totpCode(rfcSecret, new Date(59_000))).toBe('287082');
  });

  it('accepts the current code once, and refuses its replay', async () => {
    const code = totpCode(account.totpSecret!, T0);
    expect(await acceptTotpCode(store, account, code, T0)).toBe(true);
    expect(await acceptTotpCode(store, account, code, step(5_000))).toBe(false);
  });

  it('accepts one step of drift either way, not two', () => {
    const secret = account.totpSecret!;
    const current = Math.floor(T0.getTime() / 30_000);
    expect(matchTotpStep(secret, totpCode(secret, step(-30_000)), T0)).toBe(current - 1);
    expect(matchTotpStep(secret, totpCode(secret, step(30_000)), T0)).toBe(current + 1);
    expect(matchTotpStep(secret, totpCode(secret, step(-60_000)), T0)).toBeNull();
    expect(matchTotpStep(secret, totpCode(secret, step(60_000)), T0)).toBeNull();
  });

  it('refuses an older code once a newer one was used', async () => {
    const secret = account.totpSecret!;
    expect(await acceptTotpCode(store, account, totpCode(secret, T0), T0)).toBe(true);
    expect(await acceptTotpCode(store, account, totpCode(secret, step(-30_000)), T0)).toBe(false);
    expect(await acceptTotpCode(store, account, totpCode(secret, step(30_000)), step(30_000))).toBe(true);
  });

  it.each(['', '12345', '1234567', 'abcdef', '000000'])('refuses %j', async (code) => {
    expect(await acceptTotpCode(store, account, code, T0)).toBe(code === totpCode(account.totpSecret!, T0));
  });

  it('refuses every code for an account without a second factor', async () => {
    expect(await acceptTotpCode(store, { id: account.id, totpSecret: null }, totpCode(account.totpSecret!, T0), T0)).toBe(false);
  });
});
