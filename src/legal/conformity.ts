import type { AccessibilityAudit } from '../config/operator-schema.ts';
import { parisDayKey } from '../domain/paris-time.ts';

/**
 * The « état de conformité » of the accessibility statement, decided by the RGAA's own rule from
 * the operator's last audit: « totalement conforme » when every criterion is met, « partiellement
 * conforme » from 50 %, otherwise « non conforme », and « non conforme » too without an audit in
 * force. Automatic tests (axe-core) are not an RGAA audit and never count here.
 */
export const CONFORMITY_STATUSES = ['full', 'partial', 'none'] as const;
export type ConformityStatus = (typeof CONFORMITY_STATUSES)[number];

/** Why the status is what it is: the pages say it next to the status. */
export const CONFORMITY_GROUNDS = ['measured', 'no_audit', 'audit_expired', 'audit_not_yet_done'] as const;
export type ConformityGround = (typeof CONFORMITY_GROUNDS)[number];

export interface Conformity {
  status: ConformityStatus;
  ground: ConformityGround;
}

/** An audit supports a statement for three years; then a new one is due (RGAA, « déclaration d'accessibilité »). */
export const AUDIT_VALIDITY_YEARS = 3;

export function auditExpiryDay(auditDay: string): string {
  const [year = '0', ...rest] = auditDay.split('-');
  return [String(Number(year) + AUDIT_VALIDITY_YEARS).padStart(4, '0'), ...rest].join('-');
}

export function conformityOf(audit: Pick<AccessibilityAudit, 'date' | 'criteriaMetPercent'> | undefined, now: Date): Conformity {
  if (!audit) return { status: 'none', ground: 'no_audit' };
  // YYYY-MM-DD strings compare in calendar order; "today" is the Paris calendar day.
  const today = parisDayKey(now);
  if (audit.date > today) return { status: 'none', ground: 'audit_not_yet_done' };
  if (auditExpiryDay(audit.date) <= today) return { status: 'none', ground: 'audit_expired' };
  const status: ConformityStatus = audit.criteriaMetPercent >= 100 ? 'full' : audit.criteriaMetPercent >= 50 ? 'partial' : 'none';
  return { status, ground: 'measured' };
}
