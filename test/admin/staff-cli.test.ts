import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CODE_LOCK, codeKey } from '../../src/admin/code-lock.ts';
import { verifyPassword } from '../../src/admin/password.ts';
import { hashSessionId } from '../../src/admin/session.ts';
import { openStore } from '../../src/store/open-store.ts';
import type { Store } from '../../src/store/store.ts';

const cli = fileURLToPath(new URL('../../src/cli/staff.ts', import.meta.url));
let dir: string;
let databaseUrl: string;

/** Runs `npm run staff -- …` as the operator would, as a real child process. */
function staff(args: string[], stdin = ''): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [cli, ...args], {
      env: { ...process.env, DATABASE_URL: databaseUrl },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(stdin);
  });
}

async function withStore<T>(use: (store: Store) => Promise<T>): Promise<T> {
  const store = await openStore(databaseUrl);
  try {
    return await use(store);
  } finally {
    await store.close();
  }
}

async function plantSession(email: string): Promise<string> {
  return withStore(async (store) => {
    const account = await store.getStaffByEmail(email);
    const idHash = hashSessionId(`session-of-${email}`);
    const now = new Date();
    await store.createSession({ idHash, staffId: account!.id, createdAt: now, lastSeenAt: now, ip: '192.0.2.1' });
    return idHash;
  });
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'vigie-cli-'));
  databaseUrl = join(dir, 'vigie.db');
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('npm run staff', () => {
  const email = 'Agent.Martin@Example.gouv.fr';
  const password = 'lapin vert mange trois carottes';

  it('adds an account from a password on standard input, hashed with scrypt, audited as "cli"', async () => {
    const result = await staff(['add', email, '--password-stdin'], `${password}\n`);
    expect(result).toMatchObject({ code: 0, stderr: '' });
    expect(result.stdout).toContain('enroll-totp agent.martin@example.gouv.fr');
    await withStore(async (store) => {
      const account = await store.getStaffByEmail('agent.martin@example.gouv.fr');
      expect(account?.passwordHash).toMatch(/^\$scrypt\$ln=17,r=8,p=1\$/);
      expect(await verifyPassword(password, account!.passwordHash)).toBe(true);
      const [entry] = (await store.listAudit({ limit: 1 })).items;
      expect(entry).toMatchObject({ actor: 'cli', action: 'staff.added', target: 'agent.martin@example.gouv.fr' });
      expect(JSON.stringify(entry)).not.toContain('scrypt');
    });
  });

  it.each([
    [['add', 'weak@example.gouv.fr', '--password-stdin'], 'motdepasse2024!!', 1, /common passwords/],
    [['add', 'short@example.gouv.fr', '--password-stdin'], 'court', 1, /at least 15 characters/],
    [['add', 'not-an-email', '--password-stdin'], password, 1, /not an email address/],
    [['add', email, '--password-stdin'], 'une autre phrase assez longue', 1, /already has an account/],
    [['add', 'tty@example.gouv.fr'], '', 2, /--password-stdin/],
    [['reset-password', 'nobody@example.gouv.fr', '--password-stdin'], password, 1, /No staff account/],
    [[], '', 2, /Usage/],
    [['frobnicate', email], '', 2, /Usage/],
  ])('refuses %j with a message and a failing exit code', async (args, stdin, code, message) => {
    const result = await staff(args, stdin);
    expect(result.code).toBe(code);
    expect(result.stderr).toMatch(message);
  });

  it('enrolls a second factor: prints the otpauth URI and a terminal QR code, signs the account out', async () => {
    const session = await plantSession('agent.martin@example.gouv.fr');
    const result = await staff(['enroll-totp', email]);
    expect(result.code).toBe(0);
    const uri = /otpauth:\/\/totp\/\S+/.exec(result.stdout)?.[0] ?? '';
    expect(uri).toMatch(/^otpauth:\/\/totp\/Vigie:agent\.martin%40example\.gouv\.fr\?issuer=Vigie&secret=[A-Z2-7]{32}&/);
    expect(result.stdout).toMatch(/[▀▄█]/);
    await withStore(async (store) => {
      const account = await store.getStaffByEmail(email.toLowerCase());
      expect(uri).toContain(`secret=${account?.totpSecret}`);
      expect(await store.getSession(session)).toBeNull();
    });
  });

  it('resets a password and signs the account out everywhere', async () => {
    const session = await plantSession('agent.martin@example.gouv.fr');
    const result = await staff(['reset-password', email, '--password-stdin'], 'gare du nord, quai 7, train bleu');
    expect(result.code).toBe(0);
    await withStore(async (store) => {
      const account = await store.getStaffByEmail(email.toLowerCase());
      expect(await verifyPassword('gare du nord, quai 7, train bleu', account!.passwordHash)).toBe(true);
      expect(await store.getSession(session)).toBeNull();
    });
  });

  it('lists accounts without secrets, then disables one and signs it out', async () => {
    const listed = await staff(['list']);
    expect(listed.stdout).toMatch(/^agent\.martin@example\.gouv\.fr\tactive\ttotp\t/m);
    expect(listed.stdout).not.toContain('scrypt');
    const session = await plantSession('agent.martin@example.gouv.fr');
    expect((await staff(['disable', email])).code).toBe(0);
    expect((await staff(['list'])).stdout).toMatch(/^agent\.martin@example\.gouv\.fr\tdisabled\t/m);
    await withStore(async (store) => {
      expect(await store.getSession(session)).toBeNull();
      const actions = (await store.listAudit({ limit: 10 })).items.map((e) => `${e.actor}:${e.action}`);
      expect(actions.slice(0, 3)).toEqual(['cli:staff.disabled', 'cli:staff.password_reset', 'cli:staff.totp_enrolled']);
    });
    expect((await staff(['disable', email])).stderr).toMatch(/already disabled/);
  });

  it('unlocks an account locked by wrong sign-in codes, audited as "cli"', async () => {
    const since = new Date(Date.now() - CODE_LOCK.windowMs);
    await withStore(async (store) => {
      for (let i = 0; i < CODE_LOCK.failures; i++) await store.reserveLoginAttempt([codeKey(email)], new Date());
      expect(await store.countLoginFailures(codeKey(email), since)).toBe(CODE_LOCK.failures);
    });
    const result = await staff(['unlock-totp', email]);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('agent.martin@example.gouv.fr may try sign-in codes again');
    await withStore(async (store) => {
      expect(await store.countLoginFailures(codeKey(email), since)).toBe(0);
      expect((await store.listAudit({ limit: 1 })).items.map((e) => `${e.actor}:${e.action}:${e.target}`)).toEqual([
        'cli:staff.code_unlocked:agent.martin@example.gouv.fr',
      ]);
    });
  });
});
