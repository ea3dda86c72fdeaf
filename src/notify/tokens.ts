import { createHash, randomBytes } from 'node:crypto';

/** 256 random bits, URL-safe: the only copy is in the link; the store keeps its SHA-256. */
export function newToken(): string {
  return randomBytes(32).toString('base64url');
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** Providers known to ignore dots in the local part: `a.b@` and `ab@` are one mailbox. */
const DOTLESS_DOMAINS = new Set(['gmail.com', 'googlemail.com']);

/**
 * The mailbox an address reaches, as far as limits go (pure): case folded and `+tag` sub-addresses
 * dropped, so `Victim+1@`, `victim+2@`… count as one person; dots dropped where the provider
 * ignores them. Only a key: the address stored and written to stays as typed.
 */
export function mailboxOf(email: string): string {
  const folded = email.trim().toLowerCase();
  const at = folded.lastIndexOf('@');
  if (at < 0) return folded;
  const domain = folded.slice(at + 1);
  let local = folded.slice(0, at);
  const plus = local.indexOf('+');
  if (plus > 0) local = local.slice(0, plus);
  if (DOTLESS_DOMAINS.has(domain)) local = local.replaceAll('.', '');
  return `${local}@${domain}`;
}

/** Keys of the subscription limits: addresses hashed, so the attempts table holds no address either. */
export function addressKey(email: string): string {
  return `address:${hashToken(mailboxOf(email))}`;
}
