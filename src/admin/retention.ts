import { THROTTLE_WINDOW_MS } from './throttle.ts';

/**
 * How long staff personal data is kept, in one place: the pruning of the store and the
 * personal-data page both read these, so the page states what is actually kept.
 */

/** The audit log (staff actions and every sign-in attempt, with the IP address): one year, as the CNIL recommends for access logs. */
export const AUDIT_LOG_RETENTION_DAYS = 365;

/** Failed sign-in records (account and IP address) only matter to throttling, within its window. */
export const LOGIN_FAILURE_RETENTION_MS = THROTTLE_WINDOW_MS;
