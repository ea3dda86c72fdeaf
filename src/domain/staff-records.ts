import type { AuditAction } from './vocabulary.ts';

/** Staff accounts, their sessions and the audit log as the store keeps them. */
export interface StaffAccount {
  id: string;
  email: string;
  passwordHash: string;
  /** Base32 TOTP secret; null until enrolled. */
  totpSecret: string | null;
  /** Last accepted TOTP time step: a code is usable once. */
  totpLastStep: number;
  disabled: boolean;
  createdAt: Date;
  /** Bumped on password/second-factor change or disable: sessions made before it are dead. */
  credentialsChangedAt: Date;
}

export interface StaffSession {
  /** SHA-256 of the cookie value: a leaked database does not leak live sessions. */
  idHash: string;
  staffId: string;
  createdAt: Date;
  lastSeenAt: Date;
  ip: string;
}

export interface AuditEntry {
  id: string;
  at: Date;
  /** Staff email, or the attempted login name for sign-in attempts, or "cli". */
  actor: string;
  ip: string | null;
  action: AuditAction;
  target: string | null;
  before: unknown;
  after: unknown;
}

export type NewAuditEntry = Omit<AuditEntry, 'id'>;
