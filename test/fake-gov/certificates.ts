import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

/**
 * Test certificates made with the `openssl` CLI at test time (nothing secret is committed):
 * a test CA, and leaves that are valid, expired, for the wrong host, or self-signed.
 * EC keys keep generation to a few hundred milliseconds.
 */

const run = promisify(execFile);

export interface KeyPair {
  key: string;
  cert: string;
}

export interface FakeGovCertificates {
  /** PEM of the test CA: give it to the checker (`extraCa`) so `valid` is trusted. */
  ca: string;
  /** Signed by the CA for 127.0.0.1, ::1 and localhost, valid now. */
  valid: KeyPair;
  /** Signed by the CA for the right names, but its validity ended in 2021. */
  expired: KeyPair;
  /** Signed by the CA, valid now, but only for wrong-host.example. */
  wrongHost: KeyPair;
  /** For the right names, valid now, signed by itself. */
  selfSigned: KeyPair;
  /** Like `valid`, but expiring in five days: under the default warning threshold. */
  expiresInFiveDays: KeyPair;
}

const LOOPBACK_SAN = 'subjectAltName=IP:127.0.0.1,IP:::1,DNS:localhost';

const CA_CONFIG = `
[ ca ]
default_ca = test_ca
[ test_ca ]
database = index.txt
new_certs_dir = .
serial = serial
default_md = sha256
policy = any_name
copy_extensions = none
unique_subject = no
[ any_name ]
commonName = supplied
`;

async function openssl(dir: string, args: string[]): Promise<void> {
  try {
    await run('openssl', args, { cwd: dir });
  } catch (error) {
    const stderr = (error as { stderr?: string }).stderr ?? '';
    throw new Error(`openssl ${args[0]} failed while making fake-gov certificates: ${stderr.trim()}`, { cause: error });
  }
}

async function newKey(dir: string, name: string): Promise<void> {
  await openssl(dir, ['ecparam', '-name', 'prime256v1', '-genkey', '-noout', '-out', `${name}.key`]);
}

async function signLeaf(dir: string, name: string, san: string, dates: string[]): Promise<void> {
  await newKey(dir, name);
  await openssl(dir, ['req', '-new', '-key', `${name}.key`, '-subj', `/CN=${name}`, '-out', `${name}.csr`]);
  await writeFile(join(dir, `${name}.ext`), `${san}\nbasicConstraints=CA:FALSE\n`);
  await openssl(dir, [
    'ca',
    '-batch',
    '-notext',
    '-config',
    'ca.cnf',
    '-cert',
    'ca.pem',
    '-keyfile',
    'ca.key',
    '-in',
    `${name}.csr`,
    '-out',
    `${name}.pem`,
    '-extfile',
    `${name}.ext`,
    ...dates,
  ]);
}

export async function makeCertificates(): Promise<FakeGovCertificates> {
  const dir = await mkdtemp(join(tmpdir(), 'fake-gov-certs-'));
  try {
    await writeFile(join(dir, 'ca.cnf'), CA_CONFIG);
    await writeFile(join(dir, 'index.txt'), '');
    await writeFile(join(dir, 'serial'), '1000\n');
    await newKey(dir, 'ca');
    await openssl(dir, [
      'req',
      '-x509',
      '-new',
      '-key',
      'ca.key',
      '-subj',
      '/CN=Vigie fake-gov test CA',
      '-days',
      '3',
      '-addext',
      'basicConstraints=critical,CA:TRUE',
      '-addext',
      'keyUsage=critical,keyCertSign,cRLSign',
      '-out',
      'ca.pem',
    ]);
    await signLeaf(dir, 'valid', LOOPBACK_SAN, ['-days', '2']);
    await signLeaf(dir, 'five-days', LOOPBACK_SAN, ['-days', '5']);
    await signLeaf(dir, 'expired', LOOPBACK_SAN, ['-startdate', '20200101000000Z', '-enddate', '20210101000000Z']);
    await signLeaf(dir, 'wrong-host', 'subjectAltName=DNS:wrong-host.example', ['-days', '2']);
    await newKey(dir, 'self-signed');
    await openssl(dir, [
      'req',
      '-x509',
      '-new',
      '-key',
      'self-signed.key',
      '-subj',
      '/CN=self-signed',
      '-days',
      '2',
      '-addext',
      LOOPBACK_SAN,
      '-out',
      'self-signed.pem',
    ]);
    const pair = async (name: string): Promise<KeyPair> => ({
      key: await readFile(join(dir, `${name}.key`), 'utf8'),
      cert: await readFile(join(dir, `${name}.pem`), 'utf8'),
    });
    return {
      ca: await readFile(join(dir, 'ca.pem'), 'utf8'),
      valid: await pair('valid'),
      expired: await pair('expired'),
      wrongHost: await pair('wrong-host'),
      selfSigned: await pair('self-signed'),
      expiresInFiveDays: await pair('five-days'),
    };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
