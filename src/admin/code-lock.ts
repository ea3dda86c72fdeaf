import { auditEntry, type Actor } from '../domain/audit-entry.ts';
import type { Store } from '../store/store.ts';

/**
 * Wrong second-factor codes counted per account name, whatever the address: an attacker who knows
 * a staff password and spreads guesses over a whole IPv6 /48 (every /64 with its own throttle)
 * still gets only `failures` guesses per `windowMs` at that account. Past it the account's code
 * checks are refused without being made, the moment is audited, other staff see it on their
 * dashboard, and `npm run staff -- unlock-totp <email>` lifts it. Names that are no account are
 * counted alike, so the lock says nothing about which accounts exist.
 */
export const CODE_LOCK = { failures: 10, windowMs: 15 * 60_000 } as const;

export function codeKey(email: string): string {
  return `code:${email.trim().toLowerCase()}`;
}

export interface CodeLock {
  /** How long this name's code checks are refused from now (0: not locked). */
  lockedFor(email: string): Promise<number>;
  /** A refused code for this name; the failure that locks it is audited. */
  wrongCode(email: string, actor: Actor): Promise<void>;
  /** Forgets the name's wrong codes (the CLI, after staff checked with the person). */
  unlock(email: string, actor: Actor): Promise<void>;
}

export function createCodeLock({ store, clock }: { store: Store; clock: () => Date }): CodeLock {
  const recent = (email: string) => store.countLoginFailures(codeKey(email), new Date(clock().getTime() - CODE_LOCK.windowMs));
  return {
    async lockedFor(email) {
      return (await recent(email)) >= CODE_LOCK.failures ? CODE_LOCK.windowMs : 0;
    },
    async wrongCode(email, actor) {
      await store.reserveLoginAttempt([codeKey(email)], clock());
      if ((await recent(email)) === CODE_LOCK.failures)
        await store.appendAudit(auditEntry(clock(), actor, 'login.code_locked', { target: email, after: CODE_LOCK }));
    },
    async unlock(email, actor) {
      await store.clearLoginFailures(codeKey(email));
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
