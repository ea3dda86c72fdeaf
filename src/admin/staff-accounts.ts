import { auditEntry } from '../domain/audit-entry.ts';
import type { AuditAction } from '../domain/vocabulary.ts';
import type { StaffAccount } from '../domain/staff-records.ts';
import type { Store } from '../store/store.ts';
import { hashPassword } from './password.ts';
import { PASSWORD_PROBLEM_TEXT, passwordProblem } from './password-policy.ts';

/**
 * Account management (from the command line only). Any change to a password, second factor or
 * the disabled flag bumps credentialsChangedAt and deletes the account's sessions.
 */
export interface AccountDeps {
  store: Store;
  clock: () => Date;
  /** Who acts, for the audit log ("cli"). */
  actor: string;
}

export type AccountResult<T> = { ok: true; value: T } | { ok: false; message: string };

const EMAIL_MAX_LENGTH = 254;
const NO_SPACE_OR_AT = /^[^\s@]+$/;

/** `local@label.label…`, the last label two characters or more; checked part by part, in linear time. */
export function normalizeEmail(email: string): string | null {
  const trimmed = email.trim().toLowerCase();
  if (trimmed.length > EMAIL_MAX_LENGTH) return null;
  const [local = '', domain = '', ...extra] = trimmed.split('@');
  if (extra.length > 0 || local.length > 64 || !NO_SPACE_OR_AT.test(local)) return null;
  const labels = domain.split('.');
  const last = labels.at(-1) ?? '';
  if (labels.length < 2 || last.length < 2 || !labels.every((label) => NO_SPACE_OR_AT.test(label))) return null;
  return trimmed;
}

/** Public view of an account for logs and listings: never the hash nor the secret. */
export function describeAccount(account: StaffAccount): Record<string, unknown> {
  return { email: account.email, disabled: account.disabled, totpEnrolled: account.totpSecret !== null };
}

function checkPassword(password: string, email: string): string | null {
  const problem = passwordProblem(password, { email });
  return problem ? `The password ${PASSWORD_PROBLEM_TEXT[problem]}.` : null;
}

export async function addStaff(deps: AccountDeps, rawEmail: string, password: string): Promise<AccountResult<StaffAccount>> {
  const email = normalizeEmail(rawEmail);
  if (!email) return { ok: false, message: `"${rawEmail}" is not an email address.` };
  const problem = checkPassword(password, email);
  if (problem) return { ok: false, message: problem };
  if (await deps.store.getStaffByEmail(email)) return { ok: false, message: `${email} already has an account; use reset-password.` };
  const passwordHash = await hashPassword(password);
  const account = await deps.store.audited(
    (store) => store.createStaff({ email, passwordHash, at: deps.clock() }),
    (created) =>
      auditEntry(deps.clock(), { email: deps.actor, ip: null }, 'staff.added', { target: email, after: describeAccount(created) }),
  );
  return { ok: true, value: account };
}

async function findAccount(deps: AccountDeps, rawEmail: string): Promise<AccountResult<StaffAccount>> {
  const email = normalizeEmail(rawEmail);
  const account = email ? await deps.store.getStaffByEmail(email) : null;
  return account
    ? { ok: true, value: account }
    : { ok: false, message: `No staff account for "${rawEmail}" (see \`npm run staff -- list\`).` };
}

/** Applies a credential change, revokes every session, audits before/after. */
async function changeCredentials(
  deps: AccountDeps,
  account: StaffAccount,
  action: AuditAction,
  patch: Partial<Pick<StaffAccount, 'passwordHash' | 'totpSecret' | 'disabled'>>,
): Promise<StaffAccount> {
  const { updated } = await deps.store.audited(
    async (store) => {
      const changed = await store.updateStaff(account.id, { ...patch, credentialsChangedAt: deps.clock() });
      return { updated: changed, revoked: await store.deleteStaffSessions(account.id) };
    },
    ({ updated: changed, revoked }) =>
      auditEntry(deps.clock(), { email: deps.actor, ip: null }, action, {
        target: account.email,
        before: describeAccount(account),
        after: { ...describeAccount(changed), sessionsRevoked: revoked },
      }),
  );
  return updated;
}

export async function resetPassword(deps: AccountDeps, rawEmail: string, password: string): Promise<AccountResult<StaffAccount>> {
  const found = await findAccount(deps, rawEmail);
  if (!found.ok) return found;
  const problem = checkPassword(password, found.value.email);
  if (problem) return { ok: false, message: problem };
  const passwordHash = await hashPassword(password);
  return { ok: true, value: await changeCredentials(deps, found.value, 'staff.password_reset', { passwordHash }) };
}

export async function setTotpSecret(deps: AccountDeps, rawEmail: string, secret: string): Promise<AccountResult<StaffAccount>> {
  const found = await findAccount(deps, rawEmail);
  if (!found.ok) return found;
  return { ok: true, value: await changeCredentials(deps, found.value, 'staff.totp_enrolled', { totpSecret: secret }) };
}

export async function disableStaff(deps: AccountDeps, rawEmail: string): Promise<AccountResult<StaffAccount>> {
  const found = await findAccount(deps, rawEmail);
  if (!found.ok) return found;
  if (found.value.disabled) return { ok: false, message: `${found.value.email} is already disabled.` };
  return { ok: true, value: await changeCredentials(deps, found.value, 'staff.disabled', { disabled: true }) };
}
