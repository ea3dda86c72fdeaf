/**
 * When a failed delivery is tried again. Pure. Backoff doubles from the first delay
 * (`VIGIE_NOTIFY_RETRY_SECONDS`, 30 s) up to one hour; after `MAX_ATTEMPTS` (about a day of trying
 * with the default first delay) a message is given up on and counted as failed.
 * An SMTP 5xx answer (no such mailbox, refused) is permanent at once: retrying would not change it.
 */
export const MAX_ATTEMPTS = 30;

export function retryDelayMs(attempts: number, firstDelayMs: number): number {
  return Math.min(3_600_000, firstDelayMs * 2 ** Math.max(0, attempts - 1));
}

/** nodemailer puts the server's reply code on `responseCode`; connection troubles have none. */
export function isPermanentSmtpFailure(error: unknown): boolean {
  const code = (error as { responseCode?: unknown } | null)?.responseCode;
  return typeof code === 'number' && code >= 500 && code < 600;
}

export function nextAttempt(attempts: number, permanent: boolean, now: Date, firstDelayMs: number): Date | null {
  if (permanent || attempts >= MAX_ATTEMPTS) return null;
  return new Date(now.getTime() + retryDelayMs(attempts, firstDelayMs));
}
