import QRCode from 'qrcode';
import { promptHidden, prompt, readAllStdin } from '../admin/read-secret.ts';
import { addStaff, disableStaff, resetPassword, setTotpSecret, type AccountDeps } from '../admin/staff-accounts.ts';
import { matchTotpStep, newTotpSecret, totpUri } from '../admin/totp.ts';
import { createCodeLock } from '../admin/code-lock.ts';
import { loadSettings, SettingsError } from '../config/settings.ts';
import { openStore } from '../store/open-store.ts';
import type { Store } from '../store/store.ts';

/**
 * `npm run staff -- <command>`: the only way staff accounts are made or changed (no default
 * account, no web installer). Every change is written to the audit log with actor "cli".
 */
const USAGE = `Usage: npm run staff -- <command>
  add <email> [--password-stdin]             create an account (then enroll-totp)
  reset-password <email> [--password-stdin]  set a new password (signs the account out everywhere)
  enroll-totp <email>                        new second factor: prints an otpauth:// URI and a QR code
  disable <email>                            disable an account (signs it out everywhere)
  unlock-totp <email>                        let the account try codes again after too many wrong ones
  list                                       list accounts`;

const [command, email, ...flags] = process.argv.slice(2);
const passwordFromStdin = flags.includes('--password-stdin');

async function readPassword(): Promise<string> {
  if (passwordFromStdin) return readAllStdin();
  if (!process.stdin.isTTY) throw new UsageError('No terminal to ask for the password: pipe it with --password-stdin.');
  const first = await promptHidden('New password (at least 15 characters, a few unrelated words work well): ');
  const second = await promptHidden('Same password again: ');
  if (first !== second) throw new UsageError('The two passwords differ; nothing was changed.');
  return first;
}

class UsageError extends Error {}

async function enrollTotp(deps: AccountDeps, target: string): Promise<string> {
  const account = await deps.store.getStaffByEmail(target.trim().toLowerCase());
  if (!account) return `No staff account for "${target}" (see \`npm run staff -- list\`).`;
  const secret = newTotpSecret();
  const uri = totpUri(account.email, secret);
  console.log(
    `Scan this QR code with an authenticator app, or enter the URI by hand:\n\n${await QRCode.toString(uri, { type: 'terminal', small: true })}\n${uri}\n`,
  );
  if (process.stdin.isTTY) {
    const code = await prompt('Type the 6-digit code the app now shows, to confirm: ');
    if (matchTotpStep(secret, code, new Date()) === null) return 'That code does not match: nothing was changed. Run enroll-totp again.';
  }
  const result = await setTotpSecret(deps, account.email, secret);
  if (!result.ok) return result.message;
  console.log(`Second factor enrolled for ${account.email}; its sessions were signed out.`);
  return '';
}

async function run(store: Store): Promise<string> {
  const deps: AccountDeps = { store, clock: () => new Date(), actor: 'cli' };
  if (command === 'list') {
    for (const a of await store.listStaff()) {
      console.log(
        `${a.email}\t${a.disabled ? 'disabled' : 'active'}\t${a.totpSecret ? 'totp' : 'no-totp'}\tcreated ${a.createdAt.toISOString()}`,
      );
    }
    return '';
  }
  if (!email) throw new UsageError(USAGE);
  if (command === 'enroll-totp') return enrollTotp(deps, email);
  if (command === 'unlock-totp') {
    await createCodeLock(deps).unlock(email, { email: 'cli', ip: null });
    console.log(`${email.trim().toLowerCase()} may try sign-in codes again.`);
    return '';
  }
  if (command === 'disable') {
    const result = await disableStaff(deps, email);
    return result.ok ? (console.log(`${result.value.email} is disabled; its sessions were signed out.`), '') : result.message;
  }
  if (command === 'add' || command === 'reset-password') {
    const password = await readPassword();
    const result = command === 'add' ? await addStaff(deps, email, password) : await resetPassword(deps, email, password);
    if (!result.ok) return result.message;
    console.log(
      command === 'add'
        ? `Account ${result.value.email} created. Now enroll its second factor: npm run staff -- enroll-totp ${result.value.email}`
        : `Password changed for ${result.value.email}; its sessions were signed out.`,
    );
    return '';
  }
  throw new UsageError(USAGE);
}

async function main(): Promise<number> {
  let store: Store | null = null;
  try {
    const settings = loadSettings();
    store = await openStore(settings.DATABASE_URL);
    const problem = await run(store);
    if (problem) console.error(problem);
    return problem ? 1 : 0;
  } catch (error) {
    if (error instanceof UsageError || error instanceof SettingsError) {
      console.error(error.message);
      return 2;
    }
    throw error;
  } finally {
    await store?.close();
  }
}

process.exitCode = await main();
