import pLimit from 'p-limit';
import type { StaffAccount } from '../store/records.ts';
import type { Store } from '../store/store.ts';
import { CURRENT_SCRYPT, hashPassword, needsRehash, verifyAgainstDummy, verifyPassword, type ScryptParams } from './password.ts';
import { PASSWORD_MAX_LENGTH } from './password-policy.ts';
import type { Sessions } from './session.ts';
import type { Throttle } from './throttle.ts';
import { acceptTotpCode } from './totp.ts';

/** Each scrypt verification holds 128 MiB: two at once (plus one in the known lane) keeps a login flood from exhausting memory. */
const KDF_CONCURRENCY = 2;

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
  const kdf = pLimit(KDF_CONCURRENCY);
  // A staff member signing in again from an address that worked before gets its own lane, so a
  // flood aimed at their account from elsewhere does not queue in front of them.
  const knownLane = pLimit(1);
  const known = createKnownPairs();
  return async (attempt) => {
    const email = attempt.email.trim().toLowerCase().slice(0, 254);
    const wait = await deps.throttle.waitMs(email, attempt.ip);
    if (wait > 0) {
      await audit(deps, email, attempt.ip, 'login.throttled', { retryAfterMs: wait });
      return { ok: false, failure: 'throttled', retryAfterMs: wait };
    }
    const lane = known.has(email, attempt.ip) ? knownLane : kdf;
    const reason = await checkCredentials(deps, lane, email, attempt);
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
    known.add(email, attempt.ip);
    const sessionId = await deps.sessions.start(account, attempt.ip);
    await audit(deps, email, attempt.ip, 'login.succeeded', { totp: deps.requireTotp });
    return { ok: true, account, sessionId };
  };
}

/** (account, address) pairs that signed in successfully, most recent last; bounded, per process. */
function createKnownPairs(limit = 10_000): { has: (email: string, ip: string) => boolean; add: (email: string, ip: string) => void } {
  const pairs = new Set<string>();
  return {
    has: (email, ip) => pairs.has(`${email}|${ip}`),
    add: (email, ip) => {
      const key = `${email}|${ip}`;
      pairs.delete(key);
      pairs.add(key);
      if (pairs.size > limit) pairs.delete(pairs.values().next().value ?? '');
    },
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
    // Equal timing hides which emails are staff, but not at the price of the real staff's turn:
    // while verifications queue (a flood), unknown accounts are refused without the dummy work.
    if (kdf.activeCount + kdf.pendingCount < KDF_CONCURRENCY) await kdf(() => verifyAgainstDummy(password, deps.scrypt));
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
