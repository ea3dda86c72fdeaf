import { createHash, randomBytes } from 'node:crypto';

/** 256 random bits, URL-safe: the only copy is in the link; the store keeps its SHA-256. */
export function newToken(): string {
  return randomBytes(32).toString('base64url');
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** Keys of the subscription limits: addresses hashed, so the attempts table holds no address either. */
export function addressKey(email: string): string {
  return `address:${hashToken(email.trim().toLowerCase())}`;
}
