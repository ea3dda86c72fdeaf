import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, sign, type KeyObject } from 'node:crypto';
import { link, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { storeFolder } from '../config/store-folder.ts';

/**
 * The Ed25519 key that signs attestations. From `VIGIE_SIGNING_KEY` (a PKCS#8 PEM, given as is or
 * as the path of a file holding it), or else from `vigie-signing-key.pem` in the store's folder,
 * made at first start: every process sharing the store (and its folder) signs with the same key.
 */
export interface SigningKey {
  /** SPKI PEM, what `/.well-known/vigie-signing-key.pem` serves. */
  publicPem: string;
  /** SHA-256 of the public key's DER, hex: names the key inside each attestation. */
  fingerprint: string;
  sign(data: string): Buffer;
}

export const KEY_FILE = 'vigie-signing-key.pem';

/** Where the key is kept without the setting: beside the SQLite file, or in `./data` for PostgreSQL. */
export function keyPathFor(databaseUrl: string): string {
  return join(storeFolder(databaseUrl), KEY_FILE);
}

export async function loadSigningKey(options: { setting?: string; path: string }): Promise<SigningKey> {
  const pem = options.setting ? await fromSetting(options.setting) : await fromFile(options.path);
  let privateKey: KeyObject;
  try {
    privateKey = createPrivateKey(pem);
  } catch (error) {
    throw new Error(`${options.setting ? 'VIGIE_SIGNING_KEY' : options.path}: not a PEM private key`, { cause: error });
  }
  if (privateKey.asymmetricKeyType !== 'ed25519') {
    throw new Error(`${options.setting ? 'VIGIE_SIGNING_KEY' : options.path}: must be an Ed25519 key (openssl genpkey -algorithm ed25519)`);
  }
  const publicKey = createPublicKey(privateKey);
  const der = publicKey.export({ type: 'spki', format: 'der' });
  return {
    publicPem: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
    fingerprint: createHash('sha256').update(der).digest('hex'),
    sign: (data) => sign(null, Buffer.from(data, 'utf8'), privateKey),
  };
}

async function fromSetting(setting: string): Promise<string> {
  return setting.includes('-----BEGIN') ? setting.replace(/\\n/g, '\n') : readFile(setting, 'utf8');
}

/**
 * Reads the key file, or makes it: written aside, then linked into place (which fails if it
 * exists), so of several processes starting at once one key wins and every one reads it whole.
 */
async function fromFile(path: string): Promise<string> {
  const existing = await readFile(path, 'utf8').catch((error: NodeJS.ErrnoException) =>
    error.code === 'ENOENT' ? null : Promise.reject(error),
  );
  if (existing !== null) return existing;
  await mkdir(dirname(path), { recursive: true });
  const pem = generateKeyPairSync('ed25519').privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
  const aside = `${path}.${process.pid}.${Date.now()}`;
  await writeFile(aside, pem, { mode: 0o600 });
  try {
    await link(aside, path);
    return pem;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    return readFile(path, 'utf8');
  } finally {
    await rm(aside, { force: true });
  }
}
