import type { NewAuditEntry } from './staff-records.ts';
import type { AuditAction } from './vocabulary.ts';

/** Who acts: a staff email (or the name typed at sign-in, or "cli") and the address it came from. */
export interface Actor {
  email: string;
  ip: string | null;
}

/**
 * The one way an audit row is made, by staff actions, sign-in and the command line alike. A row
 * that records a change is written with it (`store.audited`), in the same transaction.
 */
export function auditEntry(
  at: Date,
  actor: Actor,
  action: AuditAction,
  change: { target?: string | null; before?: unknown; after?: unknown } = {},
): NewAuditEntry {
  return {
    at,
    actor: actor.email,
    ip: actor.ip,
    action,
    target: change.target ?? null,
    before: change.before ?? null,
    after: change.after ?? null,
  };
}
