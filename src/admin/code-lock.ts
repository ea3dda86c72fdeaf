import { auditEntry, type Actor } from '../domain/audit-entry.ts';
import type { Store } from '../store/store.ts';

/**
 * Wrong second-factor codes counted per account name, whatever the address, in two stages, so an
 * attacker who knows a staff password and spreads guesses over a whole IPv6 /48 (every /64 with its
 * own throttle) gets only `failures` guesses per `windowMs` at that account, while one who does not
 * know it cannot lock a staff member out in the middle of a crisis:
 * - a code is normally checked before the password (one cheap HMAC, so a flood of wrong codes never
 *   queues for the password hash); past `failures` wrong codes for a name, its codes are checked
 *   only once its password is verified (`earlyCheck`);
 * - wrong codes behind a verified password lock the account's code checks: they are refused without
 *   being made, the moment is audited, other staff see it on their dashboard, and
 *   `npm run staff -- unlock-totp <email>` lifts it. Only someone holding the password can cause
 *   that, so the lock tells nobody else which accounts exist.
 */
export const CODE_LOCK = { failures: 10, windowMs: 15 * 60_000 } as const;

/** Wrong codes behind a verified password: the lock. */
export function codeKey(email: string): string {
  return `code:${email.trim().toLowerCase()}`;
}

/** Wrong codes refused before any password check. */
function guessKey(email: string): string {
  return `code-guess:${email.trim().toLowerCase()}`;
}

export interface CodeLock {
  /** How long this name's code checks are refused from now (0: not locked). */
  lockedFor(email: string): Promise<number>;
  /** Whether this name's code may still be checked before its password. */
  earlyCheck(email: string): Promise<boolean>;
  /** A code refused before the password was checked. */
  wrongGuess(email: string): Promise<void>;
  /** A code refused behind a verified password; the failure that locks the account is audited. */
  wrongCode(email: string, actor: Actor): Promise<void>;
  /** Forgets the name's wrong codes (the CLI, after staff checked with the person). */
  unlock(email: string, actor: Actor): Promise<void>;
}

export function createCodeLock({ store, clock }: { store: Store; clock: () => Date }): CodeLock {
  const recent = (key: string) => store.countLoginFailures(key, new Date(clock().getTime() - CODE_LOCK.windowMs));
  return {
    async lockedFor(email) {
      return (await recent(codeKey(email))) >= CODE_LOCK.failures ? CODE_LOCK.windowMs : 0;
    },
    async earlyCheck(email) {
      return (await recent(guessKey(email))) < CODE_LOCK.failures;
    },
    async wrongGuess(email) {
      await store.reserveLoginAttempt([guessKey(email)], clock());
    },
    async wrongCode(email, actor) {
      await store.reserveLoginAttempt([codeKey(email)], clock());
      if ((await recent(codeKey(email))) === CODE_LOCK.failures)
        await store.appendAudit(auditEntry(clock(), actor, 'login.code_locked', { target: email, after: CODE_LOCK }));
    },
    async unlock(email, actor) {
      await store.clearLoginFailures(codeKey(email));
      await store.clearLoginFailures(guessKey(email));
      await store.appendAudit(auditEntry(clock(), actor, 'staff.code_unlocked', { target: email.trim().toLowerCase() }));
    },
  };
}

/** Staff accounts whose code checks are locked now, for the other staff's dashboard. */
export async function lockedAccounts(store: Store, now: Date): Promise<string[]> {
  const since = new Date(now.getTime() - CODE_LOCK.windowMs);
  const accounts = await store.listStaff();
  const counts = await Promise.all(accounts.map((a) => store.countLoginFailures(codeKey(a.email), since)));
  return accounts.filter((_, i) => (counts[i] ?? 0) >= CODE_LOCK.failures).map((a) => a.email);
}
