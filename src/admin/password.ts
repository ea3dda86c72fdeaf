import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';

/**
 * Staff password hashing with scrypt (memory-hard), stored as a PHC-like string that carries its
 * own parameters: `$scrypt$ln=17,r=8,p=1$<salt>$<hash>` (base64, no padding). Changing the
 * current parameters makes old hashes `needsRehash`, and the next sign-in upgrades them.
 */
export interface ScryptParams {
  /** log2 of the CPU/memory cost N. */
  ln: number;
  r: number;
  p: number;
}

/** OWASP's current scrypt recommendation: N=2^17, r=8, p=1 (128 MiB per hash). */
export const CURRENT_SCRYPT: ScryptParams = { ln: 17, r: 8, p: 1 };

const SALT_BYTES = 16;
const KEY_BYTES = 32;
const PHC = /^\$scrypt\$ln=(\d{1,2}),r=(\d{1,2}),p=(\d{1,2})\$([A-Za-z0-9+/]+)\$([A-Za-z0-9+/]+)$/;

/** Every staff password is normalised the same way, so "é" typed two ways is one password. */
export function normalizePassword(password: string): string {
  return password.normalize('NFKC');
}

function derive(password: string, salt: Buffer, params: ScryptParams, length: number): Promise<Buffer> {
  const N = 2 ** params.ln;
  // scrypt needs 128·N·r bytes; Node's default ceiling (32 MiB) is below N=2^17.
  const options: ScryptOptions = { N, r: params.r, p: params.p, maxmem: 128 * N * params.r * 2 };
  return new Promise((resolve, reject) => {
    scrypt(normalizePassword(password), salt, length, options, (error, key) => (error ? reject(error) : resolve(key)));
  });
}

const b64 = (buffer: Buffer): string => buffer.toString('base64').replace(/=/g, '');

export async function hashPassword(password: string, params: ScryptParams = CURRENT_SCRYPT): Promise<string> {
  const salt = randomBytes(SALT_BYTES);
  const key = await derive(password, salt, params, KEY_BYTES);
  return `$scrypt$ln=${params.ln},r=${params.r},p=${params.p}$${b64(salt)}$${b64(key)}`;
}

interface ParsedHash {
  params: ScryptParams;
  salt: Buffer;
  key: Buffer;
}

function parseHash(encoded: string): ParsedHash | null {
  const match = PHC.exec(encoded);
  if (!match) return null;
  const [, ln, r, p, salt = '', key = ''] = match;
  const params = { ln: Number(ln), r: Number(r), p: Number(p) };
  if (params.ln < 10 || params.ln > 22 || params.r < 1 || params.p < 1) return null;
  return { params, salt: Buffer.from(salt, 'base64'), key: Buffer.from(key, 'base64') };
}

/** Constant-time comparison; a malformed stored hash verifies nothing. */
export async function verifyPassword(password: string, encoded: string): Promise<boolean> {
  const parsed = parseHash(encoded);
  if (!parsed || parsed.key.length < 16) return false;
  const candidate = await derive(password, parsed.salt, parsed.params, parsed.key.length);
  return timingSafeEqual(candidate, parsed.key);
}

export function needsRehash(encoded: string, params: ScryptParams = CURRENT_SCRYPT): boolean {
  const parsed = parseHash(encoded);
  if (!parsed) return true;
  return parsed.params.ln !== params.ln || parsed.params.r !== params.r || parsed.params.p !== params.p || parsed.key.length !== KEY_BYTES;
}

const dummyHashes = new Map<string, Promise<string>>();

/**
 * Spends the same work as a real verification, for unknown accounts, so response time does not
 * tell which emails are staff.
 */
export async function verifyAgainstDummy(password: string, params: ScryptParams = CURRENT_SCRYPT): Promise<false> {
  const key = `${params.ln},${params.r},${params.p}`;
  const dummy = dummyHashes.get(key) ?? hashPassword('vigie-dummy-password-for-timing', params);
  dummyHashes.set(key, dummy);
  await verifyPassword(password, await dummy);
  return false;
}
