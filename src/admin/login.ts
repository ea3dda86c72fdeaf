import pLimit from 'p-limit';
import type { StaffAccount } from '../store/records.ts';
import type { Store } from '../store/store.ts';
import { CURRENT_SCRYPT, hashPassword, needsRehash, verifyAgainstDummy, verifyPassword, type ScryptParams } from './password.ts';
import { PASSWORD_MAX_LENGTH } from './password-policy.ts';
import type { Sessions } from './session.ts';
import type { Throttle } from './throttle.ts';
import { acceptTotpCode } from './totp.ts';

export interface LoginAttempt {
  email: string;
  password: string;
  /** The 6-digit second-factor code (ignored when the second factor is turned off). */
  code: string;
  ip: string;
}

export const LOGIN_FAILURES = ['invalid', 'throttled'] as const;
export type LoginFailure = (typeof LOGIN_FAILURES)[number];

export type LoginResult =
  | { ok: true; account: StaffAccount; sessionId: string }
  | { ok: false; failure: LoginFailure; retryAfterMs: number };

export interface LoginDeps {
  store: Store;
  clock: () => Date;
  throttle: Throttle;
  sessions: Sessions;
  requireTotp: boolean;
  /** Parameters new hashes get (a sign-in upgrades older ones); the current OWASP ones by default. */
  scrypt?: ScryptParams;
}

/**
 * Sign-in: throttle first (no hashing work for a blocked attempt), then password, then second
 * factor. Every outcome is audited; the person only learns "incorrect" or "wait", never which
 * part was wrong nor whether the account exists.
 */
export function createLogin(deps: LoginDeps): (attempt: LoginAttempt) => Promise<LoginResult> {
  // Each scrypt verification holds 128 MiB: at most two at once keeps a login flood from exhausting memory.
  const kdf = pLimit(2);
  return async (attempt) => {
    const email = attempt.email.trim().toLowerCase().slice(0, 254);
    const wait = await deps.throttle.waitMs(email, attempt.ip);
    if (wait > 0) {
      await audit(deps, email, attempt.ip, 'login.throttled', { retryAfterMs: wait });
      return { ok: false, failure: 'throttled', retryAfterMs: wait };
    }
    const reason = await checkCredentials(deps, kdf, email, attempt);
    if (typeof reason === 'string') {
      await deps.throttle.recordFailure(email, attempt.ip);
      await audit(deps, email, attempt.ip, 'login.failed', { reason });
      return { ok: false, failure: 'invalid', retryAfterMs: 0 };
    }
    const account = reason;
    const params = deps.scrypt ?? CURRENT_SCRYPT;
    if (needsRehash(account.passwordHash, params)) {
      // Same password, stronger parameters: not a credential change, sessions stay.
      await deps.store.updateStaff(account.id, { passwordHash: await kdf(() => hashPassword(attempt.password, params)) });
      await audit(deps, email, attempt.ip, 'staff.password_rehashed', null);
    }
    await deps.throttle.recordSuccess(email, attempt.ip);
    const sessionId = await deps.sessions.start(account, attempt.ip);
    await audit(deps, email, attempt.ip, 'login.succeeded', { totp: deps.requireTotp });
    return { ok: true, account, sessionId };
  };
}

async function checkCredentials(
  deps: LoginDeps,
  kdf: ReturnType<typeof pLimit>,
  email: string,
  attempt: LoginAttempt,
): Promise<StaffAccount | string> {
  const account = await deps.store.getStaffByEmail(email);
  const password = attempt.password.slice(0, PASSWORD_MAX_LENGTH * 4);
  if (!account || account.disabled) {
    await kdf(() => verifyAgainstDummy(password, deps.scrypt));
    return account ? 'disabled' : 'unknown_account';
  }
  if (!(await kdf(() => verifyPassword(password, account.passwordHash)))) return 'wrong_password';
  if (!deps.requireTotp) return account;
  if (!account.totpSecret) return 'second_factor_not_enrolled';
  if (!(await acceptTotpCode(deps.store, account, attempt.code, deps.clock()))) return 'wrong_or_reused_code';
  return account;
}

async function audit(deps: LoginDeps, actor: string, ip: string, action: string, after: unknown): Promise<void> {
  await deps.store.appendAudit({ at: deps.clock(), actor, ip, action, target: null, before: null, after });
}
