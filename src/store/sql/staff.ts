import { newId } from '../ids.ts';
import type { StaffAccount } from '../../domain/staff-records.ts';
import { StoreConflictError, StoreNotFoundError } from '../store.ts';
import { readBool, readDate, readNumber, readString, readStringOrNull, type Row, type SqlDatabase, type SqlExecutor } from './executor.ts';

export type StaffPatch = Partial<Pick<StaffAccount, 'passwordHash' | 'totpSecret' | 'disabled' | 'credentialsChangedAt'>>;

/** Emails are unique regardless of case: `email_key` is the lower-cased, trimmed address. */
function emailKey(email: string): string {
  return email.trim().toLowerCase();
}

export async function createStaff(db: SqlDatabase, input: { email: string; passwordHash: string; at: Date }): Promise<StaffAccount> {
  const id = newId();
  try {
    await db.transaction((tx) =>
      tx.run(
        `INSERT INTO staff (id, email, email_key, password_hash, totp_last_step, disabled, created_at, credentials_changed_at)
         VALUES (?, ?, ?, ?, 0, ?, ?, ?)`,
        [id, input.email.trim(), emailKey(input.email), input.passwordHash, tx.bool(false), tx.time(input.at), tx.time(input.at)],
      ),
    );
  } catch (error) {
    if (db.isUniqueViolation(error)) throw new StoreConflictError(`A staff account already uses the email "${input.email}"`);
    throw error;
  }
  return mustGet(db, id);
}

export async function getStaffByEmail(sql: SqlExecutor, email: string): Promise<StaffAccount | null> {
  const rows = await sql.all('SELECT * FROM staff WHERE email_key = ?', [emailKey(email)]);
  return rows[0] ? toStaff(rows[0]) : null;
}

export async function getStaffById(sql: SqlExecutor, id: string): Promise<StaffAccount | null> {
  const rows = await sql.all('SELECT * FROM staff WHERE id = ?', [id]);
  return rows[0] ? toStaff(rows[0]) : null;
}

export async function listStaff(sql: SqlExecutor): Promise<StaffAccount[]> {
  const rows = await sql.all('SELECT * FROM staff ORDER BY email_key');
  return rows.map(toStaff);
}

export async function updateStaff(db: SqlDatabase, id: string, patch: StaffPatch): Promise<StaffAccount> {
  await db.transaction(async (tx) => {
    const assignments: Array<[string, unknown]> = [];
    if (patch.passwordHash !== undefined) assignments.push(['password_hash', patch.passwordHash]);
    if (patch.totpSecret !== undefined) assignments.push(['totp_secret', patch.totpSecret]);
    if (patch.disabled !== undefined) assignments.push(['disabled', tx.bool(patch.disabled)]);
    if (patch.credentialsChangedAt !== undefined) {
      assignments.push(['credentials_changed_at', tx.time(patch.credentialsChangedAt)]);
    }
    const sets = ['id = id', ...assignments.map(([column]) => `${column} = ?`)];
    const changed = await tx.run(`UPDATE staff SET ${sets.join(', ')} WHERE id = ?`, [...assignments.map(([, value]) => value), id]);
    if (changed === 0) throw new StoreNotFoundError(`No staff account with id "${id}"`);
  });
  return mustGet(db, id);
}

/** A compare-and-set in one statement: two requests presenting the same code cannot both win. */
export async function claimTotpStep(db: SqlDatabase, staffId: string, step: number): Promise<boolean> {
  return db.transaction(async (tx) => {
    const changed = await tx.run('UPDATE staff SET totp_last_step = ? WHERE id = ? AND totp_last_step < ?', [step, staffId, step]);
    if (changed === 1) return true;
    if (!(await getStaffById(tx, staffId))) throw new StoreNotFoundError(`No staff account with id "${staffId}"`);
    return false;
  });
}

async function mustGet(sql: SqlExecutor, id: string): Promise<StaffAccount> {
  const staff = await getStaffById(sql, id);
  if (!staff) throw new StoreNotFoundError(`No staff account with id "${id}"`);
  return staff;
}

function toStaff(row: Row): StaffAccount {
  return {
    id: readString(row.id),
    email: readString(row.email),
    passwordHash: readString(row.password_hash),
    totpSecret: readStringOrNull(row.totp_secret),
    totpLastStep: readNumber(row.totp_last_step),
    disabled: readBool(row.disabled),
    createdAt: readDate(row.created_at),
    credentialsChangedAt: readDate(row.credentials_changed_at),
  };
}
