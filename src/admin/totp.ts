import { Secret, TOTP } from 'otpauth';
import type { Store } from '../store/store.ts';

/**
 * TOTP second factor (RFC 6238: SHA-1, 6 digits, 30 s). A code is accepted one step either side
 * of now (clock drift) and only once: the store keeps the last accepted step per account.
 */
const PERIOD_SECONDS = 30;
const WINDOW_STEPS = 1;
const ISSUER = 'Vigie';

function totpFor(email: string, secretBase32: string): TOTP {
  return new TOTP({
    issuer: ISSUER,
    label: email,
    algorithm: 'SHA1',
    digits: 6,
    period: PERIOD_SECONDS,
    secret: Secret.fromBase32(secretBase32),
  });
}

/** A fresh 160-bit secret, base32. */
export function newTotpSecret(): string {
  return new Secret({ size: 20 }).base32;
}

/** The `otpauth://` URI authenticator apps read (shown as text and as a QR code at enrolment). */
export function totpUri(email: string, secretBase32: string): string {
  return totpFor(email, secretBase32).toString();
}

/** The code for a moment: for tests and for checking an enrolment. */
export function totpCode(secretBase32: string, at: Date): string {
  return totpFor('x', secretBase32).generate({ timestamp: at.getTime() });
}

/** The time step a code belongs to, within the window around `at`, or null when it matches none. */
export function matchTotpStep(secretBase32: string, code: string, at: Date): number | null {
  const token = code.replace(/\s+/g, '');
  if (!/^\d{6}$/.test(token)) return null;
  const delta = totpFor('x', secretBase32).validate({ token, timestamp: at.getTime(), window: WINDOW_STEPS });
  if (delta === null) return null;
  return Math.floor(at.getTime() / 1000 / PERIOD_SECONDS) + delta;
}

/** Valid and never used before (the claim is atomic in the store, so two requests cannot both win). */
export async function acceptTotpCode(
  store: Store,
  account: { id: string; totpSecret: string | null },
  code: string,
  at: Date,
): Promise<boolean> {
  if (!account.totpSecret) return false;
  const step = matchTotpStep(account.totpSecret, code, at);
  if (step === null) return false;
  return store.claimTotpStep(account.id, step);
}
