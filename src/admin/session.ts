import { createHash, randomBytes } from 'node:crypto';
import type { StaffAccount, StaffSession } from '../domain/staff-records.ts';
import { SESSION_ABSOLUTE_MS, SESSION_IDLE_MS } from '../domain/staff-session.ts';
import type { Store } from '../store/store.ts';

/**
 * Server-side staff sessions. The cookie holds a random opaque id; the store keeps only its
 * SHA-256, so a copy of the database opens no session.
 */

/** lastSeenAt is written at most this often: a busy page does not write on every request. */
const TOUCH_EVERY_MS = 60_000;

export function newSessionId(): string {
  return randomBytes(32).toString('base64url');
}

export function hashSessionId(id: string): string {
  return createHash('sha256').update(id).digest('hex');
}

export const SESSION_VERDICTS = ['valid', 'idle', 'expired', 'revoked', 'disabled'] as const;
export type SessionVerdict = (typeof SESSION_VERDICTS)[number];

/** Whether a stored session still stands, given its account (pure). */
export function judgeSession(session: StaffSession, account: StaffAccount | null, now: Date): SessionVerdict {
  if (!account || account.disabled) return 'disabled';
  if (session.createdAt.getTime() < account.credentialsChangedAt.getTime()) return 'revoked';
  if (now.getTime() - session.createdAt.getTime() >= SESSION_ABSOLUTE_MS) return 'expired';
  if (now.getTime() - session.lastSeenAt.getTime() >= SESSION_IDLE_MS) return 'idle';
  return 'valid';
}

export interface Sessions {
  /** A fresh id for a staff member who just proved who they are; returns the cookie value. */
  start(account: StaffAccount, ip: string): Promise<string>;
  /** The signed-in account for a cookie value, or null (and the dead session is deleted). */
  resume(cookieValue: string | undefined): Promise<{ account: StaffAccount; session: StaffSession } | null>;
  end(cookieValue: string | undefined): Promise<void>;
}

export function createSessions({ store, clock }: { store: Store; clock: () => Date }): Sessions {
  return {
    async start(account, ip) {
      const id = newSessionId();
      const now = clock();
      await store.createSession({ idHash: hashSessionId(id), staffId: account.id, createdAt: now, lastSeenAt: now, ip });
      return id;
    },
    async resume(cookieValue) {
      if (!cookieValue || !/^[A-Za-z0-9_-]{43}$/.test(cookieValue)) return null;
      const idHash = hashSessionId(cookieValue);
      const session = await store.getSession(idHash);
      if (!session) return null;
      const account = await store.getStaffById(session.staffId);
      const now = clock();
      if (judgeSession(session, account, now) !== 'valid' || !account) {
        await store.deleteSession(idHash);
        return null;
      }
      if (now.getTime() - session.lastSeenAt.getTime() >= TOUCH_EVERY_MS) {
        await store.touchSession(idHash, now);
        session.lastSeenAt = now;
      }
      return { account, session };
    },
    async end(cookieValue) {
      if (cookieValue) await store.deleteSession(hashSessionId(cookieValue));
    },
  };
}
