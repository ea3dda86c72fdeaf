import pLimit from 'p-limit';
import { auditEntry } from '../domain/audit-entry.ts';
import type { StaffAccount } from '../domain/staff-records.ts';
import type { Store } from '../store/store.ts';
import { CURRENT_SCRYPT, hashPassword, needsRehash, verifyAgainstDummy, verifyPassword, type ScryptParams } from './password.ts';
import { PASSWORD_MAX_LENGTH } from './password-policy.ts';
import type { Sessions } from './session.ts';
import type { Throttle } from './throttle.ts';
import { acceptTotpCode, matchTotpStep, newTotpSecret } from './totp.ts';
import { createCodeLock } from './code-lock.ts';

/** Each scrypt verification holds 128 MiB: two at once (plus one in each of the known and guarded lanes) keeps a login flood from exhausting memory. */
const KDF_CONCURRENCY = 2;
/**
 * Sign-ins waiting for a verification slot. When the queue is full the next sign-in is answered
 * "busy, retry shortly" at once, whoever it names: nobody waits forever, and the answer does not
 * depend on whether the account exists.
 */
export const KDF_QUEUE_LIMIT = 8;
const KNOWN_LANE_QUEUE_LIMIT = 4;
/**
 * A name past its cheap code guesses (`code-lock.ts`) has its codes checked behind the password:
 * those sign-ins get a lane of their own, one at a time and one waiting, so a flood of guesses at
 * one account costs one password hash at a time and never queues in front of other staff.
 */
const GUARDED_LANE_QUEUE_LIMIT = 1;
/** What a "busy" answer asks the client to wait. */
const BUSY_RETRY_MS = 5_000;

export interface LoginAttempt {
  email: string;
  password: string;
  /** The 6-digit second-factor code (ignored when the second factor is turned off). */
  code: string;
  ip: string;
  /** Aborted when the client hangs up: its verification, if not started yet, is dropped. */
  signal?: AbortSignal;
}

export const LOGIN_FAILURES = ['invalid', 'throttled', 'busy', 'abandoned'] as const;
export type LoginFailure = (typeof LOGIN_FAILURES)[number];

export type LoginResult =
  { ok: true; account: StaffAccount; sessionId: string } | { ok: false; failure: LoginFailure; retryAfterMs: number };

export interface LoginDeps {
  store: Store;
  clock: () => Date;
  throttle: Throttle;
  sessions: Sessions;
  requireTotp: boolean;
  /** Parameters new hashes get (a sign-in upgrades older ones); the current OWASP ones by default. */
  scrypt?: ScryptParams;
}

type Lane = ReturnType<typeof pLimit> & { queueLimit: number };

/**
 * Sign-in: reserve the attempt with the throttle first (no hashing work for a blocked attempt, and
 * attempts sent at once count against each other), then password, then second factor. Outcomes
 * are audited except throttled ones, which are refused before any work and leave no row. The
 * person only learns "incorrect", "wait" or "busy", never which part was wrong nor whether the
 * account exists: unknown accounts take the same queue and the same work as real ones.
 */
export interface Login {
  (attempt: LoginAttempt): Promise<LoginResult>;
  /** Sign-ins holding a verification slot, and waiting for one (bounded by KDF_QUEUE_LIMIT). */
  queue(): { active: number; pending: number };
}

export function createLogin(deps: LoginDeps): Login {
  const kdf: Lane = Object.assign(pLimit(KDF_CONCURRENCY), { queueLimit: KDF_QUEUE_LIMIT });
  // A staff member signing in again from an address that worked before gets its own lane, so a
  // flood aimed at their account from elsewhere does not queue in front of them.
  const knownLane: Lane = Object.assign(pLimit(1), { queueLimit: KNOWN_LANE_QUEUE_LIMIT });
  const guardedLane: Lane = Object.assign(pLimit(1), { queueLimit: GUARDED_LANE_QUEUE_LIMIT });
  const known = createKnownPairs();
  const codeLock = createCodeLock(deps);
  const login = async (attempt: LoginAttempt): Promise<LoginResult> => {
    const email = attempt.email.trim().toLowerCase().slice(0, 254);
    const actor = { email, ip: attempt.ip };
    const { attempt: reservation, waitMs } = await deps.throttle.begin(email, attempt.ip);
    if (waitMs > 0) return { ok: false, failure: 'throttled', retryAfterMs: waitMs };
    const lockedMs = deps.requireTotp ? await codeLock.lockedFor(email) : 0;
    if (lockedMs > 0) {
      // Refused before any check, like a throttled attempt: it leaves no row.
      await deps.throttle.release(reservation, email, attempt.ip);
      return { ok: false, failure: 'throttled', retryAfterMs: lockedMs };
    }
    const early = deps.requireTotp && (await codeLock.earlyCheck(email));
    const refusedEarly = early ? await secondFactorRefusal(deps, email, attempt.code) : null;
    if (refusedEarly) {
      await codeLock.wrongGuess(email);
      await deps.throttle.failed(reservation);
      await deps.store.appendAudit(auditEntry(deps.clock(), actor, 'login.failed', { after: { reason: refusedEarly } }));
      return { ok: false, failure: 'invalid', retryAfterMs: 0 };
    }
    const lane = known.has(email, attempt.ip) ? knownLane : deps.requireTotp && !early ? guardedLane : kdf;
    if (lane.pendingCount >= lane.queueLimit || attempt.signal?.aborted) {
      await deps.throttle.release(reservation, email, attempt.ip);
      return { ok: false, failure: attempt.signal?.aborted ? 'abandoned' : 'busy', retryAfterMs: BUSY_RETRY_MS };
    }
    // The whole check holds the slot (account lookup included), so the queue's length is exact.
    const reason = await lane((): Promise<StaffAccount | string | typeof ABANDONED> =>
      attempt.signal?.aborted ? Promise.resolve(ABANDONED) : checkCredentials(deps, email, attempt),
    );
    if (reason === ABANDONED) {
      await deps.throttle.release(reservation, email, attempt.ip);
      return { ok: false, failure: 'abandoned', retryAfterMs: BUSY_RETRY_MS };
    }
    if (typeof reason === 'string') {
      if (reason === 'wrong_or_reused_code') await codeLock.wrongCode(email, actor);
      await deps.throttle.failed(reservation);
      await deps.store.appendAudit(auditEntry(deps.clock(), actor, 'login.failed', { after: { reason } }));
      return { ok: false, failure: 'invalid', retryAfterMs: 0 };
    }
    const account = reason;
    const params = deps.scrypt ?? CURRENT_SCRYPT;
    if (needsRehash(account.passwordHash, params)) {
      // Same password, stronger parameters: not a credential change, sessions stay.
      const passwordHash = await hashPassword(attempt.password, params);
      await deps.store.audited(
        (store) => store.updateStaff(account.id, { passwordHash }),
        () => auditEntry(deps.clock(), actor, 'staff.password_rehashed'),
      );
    }
    await deps.throttle.succeeded(reservation, email, attempt.ip);
    known.add(email, attempt.ip);
    const sessionId = await deps.sessions.start(account, attempt.ip);
    await deps.store.appendAudit(auditEntry(deps.clock(), actor, 'login.succeeded', { after: { totp: deps.requireTotp } }));
    return { ok: true, account, sessionId };
  };
  return Object.assign(login, { queue: () => ({ active: kdf.activeCount, pending: kdf.pendingCount }) });
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

const ABANDONED = Symbol('abandoned');

/** Checked in place of a secret for names with none, so every name costs the same HMAC (F6). */
const DUMMY_TOTP_SECRET = newTotpSecret();

/**
 * With the second factor required, an attempt whose code does not match the named account is
 * refused before any hashing: a flood of guesses then costs one lookup and one HMAC each and
 * cannot fill the verification queue in front of staff. Unknown, disabled and known accounts all
 * take this same cheap path, the same HMAC included (against a dummy secret when the name has
 * none), so its timing tells nothing; the code is only claimed (single use) once the password is
 * verified too.
 */
async function secondFactorRefusal(deps: LoginDeps, email: string, code: string): Promise<string | null> {
  const account = await deps.store.getStaffByEmail(email);
  const usable = account && !account.disabled ? account.totpSecret : null;
  const matched = matchTotpStep(usable ?? DUMMY_TOTP_SECRET, code, deps.clock()) !== null;
  if (!account) return 'unknown_account';
  if (account.disabled) return 'disabled';
  if (!account.totpSecret) return 'second_factor_not_enrolled';
  return matched ? null : 'wrong_or_reused_code';
}

/** Runs in a verification slot; a client that hung up while queued never gets here. */
async function checkCredentials(deps: LoginDeps, email: string, attempt: LoginAttempt): Promise<StaffAccount | string> {
  const account = await deps.store.getStaffByEmail(email);
  const password = attempt.password.slice(0, PASSWORD_MAX_LENGTH * 4);
  if (!account || account.disabled) {
    await verifyAgainstDummy(password, deps.scrypt);
    return account ? 'disabled' : 'unknown_account';
  }
  if (!(await verifyPassword(password, account.passwordHash))) return 'wrong_password';
  if (!deps.requireTotp) return account;
  if (!account.totpSecret) return 'second_factor_not_enrolled';
  if (!(await acceptTotpCode(deps.store, account, attempt.code, deps.clock()))) return 'wrong_or_reused_code';
  return account;
}
