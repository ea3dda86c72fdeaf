/**
 * When a failed delivery is tried again. Pure. Backoff doubles from 30 s up to one hour; after
 * `MAX_ATTEMPTS` (about a day of trying) a message is given up on and counted as failed.
 * An SMTP 5xx answer (no such mailbox, refused) is permanent at once: retrying would not change it.
 */
export const MAX_ATTEMPTS = 30;

export function retryDelayMs(attempts: number): number {
  return Math.min(3_600_000, 30_000 * 2 ** Math.max(0, attempts - 1));
}

/** nodemailer puts the server's reply code on `responseCode`; connection troubles have none. */
export function isPermanentSmtpFailure(error: unknown): boolean {
  const code = (error as { responseCode?: unknown } | null)?.responseCode;
  return typeof code === 'number' && code >= 500 && code < 600;
}

export function nextAttempt(attempts: number, permanent: boolean, now: Date): Date | null {
  if (permanent || attempts >= MAX_ATTEMPTS) return null;
  return new Date(now.getTime() + retryDelayMs(attempts));
}
