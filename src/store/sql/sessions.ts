import type { StaffSession } from '../../domain/staff-records.ts';
import { newId } from '../ids.ts';
import { placeholders, readDate, readNumber, readString, type SqlDatabase, type SqlExecutor } from './executor.ts';

export async function createSession(db: SqlDatabase, s: StaffSession): Promise<void> {
  await db.transaction((tx) =>
    tx.run('INSERT INTO staff_sessions (id_hash, staff_id, created_at, last_seen_at, ip) VALUES (?, ?, ?, ?, ?)', [
      s.idHash,
      s.staffId,
      tx.time(s.createdAt),
      tx.time(s.lastSeenAt),
      s.ip,
    ]),
  );
}

export async function getSession(sql: SqlExecutor, idHash: string): Promise<StaffSession | null> {
  const rows = await sql.all('SELECT * FROM staff_sessions WHERE id_hash = ?', [idHash]);
  const row = rows[0];
  if (!row) return null;
  return {
    idHash: readString(row.id_hash),
    staffId: readString(row.staff_id),
    createdAt: readDate(row.created_at),
    lastSeenAt: readDate(row.last_seen_at),
    ip: readString(row.ip),
  };
}

export async function touchSession(db: SqlDatabase, idHash: string, at: Date): Promise<void> {
  await db.transaction((tx) => tx.run('UPDATE staff_sessions SET last_seen_at = ? WHERE id_hash = ?', [tx.time(at), idHash]));
}

export async function deleteSession(db: SqlDatabase, idHash: string): Promise<void> {
  await db.transaction((tx) => tx.run('DELETE FROM staff_sessions WHERE id_hash = ?', [idHash]));
}

export async function deleteStaffSessions(db: SqlDatabase, staffId: string): Promise<number> {
  return db.transaction((tx) => tx.run('DELETE FROM staff_sessions WHERE staff_id = ?', [staffId]));
}

/** One statement, committed before the caller counts: a later count always sees it. */
export async function reserveLoginAttempt(db: SqlDatabase, keys: readonly string[], at: Date): Promise<string> {
  const attempt = newId();
  const values = keys.map(() => '(?, ?, ?)').join(', ');
  await db.transaction((tx) =>
    tx.run(
      `INSERT INTO login_failures (key, at, attempt) VALUES ${values}`,
      keys.flatMap((key) => [key, tx.time(at), attempt]),
    ),
  );
  return attempt;
}

export async function releaseLoginAttempt(db: SqlDatabase, attempt: string, keys: readonly string[]): Promise<void> {
  await db.transaction((tx) =>
    tx.run(`DELETE FROM login_failures WHERE attempt = ? AND key IN (${placeholders(keys.length)})`, [attempt, ...keys]),
  );
}

export async function stampLoginAttempt(db: SqlDatabase, attempt: string, at: Date): Promise<void> {
  await db.transaction((tx) => tx.run('UPDATE login_failures SET at = ? WHERE attempt = ?', [tx.time(at), attempt]));
}

export async function pruneLoginFailures(db: SqlDatabase, before: Date): Promise<number> {
  return db.transaction((tx) => tx.run('DELETE FROM login_failures WHERE at < ?', [tx.time(before)]));
}

export async function countLoginFailures(sql: SqlExecutor, key: string, since: Date): Promise<number> {
  const rows = await sql.all('SELECT COUNT(*) AS n FROM login_failures WHERE key = ? AND at >= ?', [key, sql.time(since)]);
  return readNumber(rows[0]?.n);
}

export async function clearLoginFailures(db: SqlDatabase, key: string): Promise<void> {
  await db.transaction((tx) => tx.run('DELETE FROM login_failures WHERE key = ?', [key]));
}
