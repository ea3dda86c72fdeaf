import { AUDIT_ACTIONS } from '../../domain/vocabulary.ts';
import { newId } from '../ids.ts';
import type { Page } from '../../domain/records.ts';
import type { AuditEntry, NewAuditEntry } from '../../domain/staff-records.ts';
import {
  json,
  readDate,
  readJson,
  readNumber,
  readOneOf,
  readString,
  readStringOrNull,
  type SqlDatabase,
  type SqlExecutor,
} from './executor.ts';

/** Inside the caller's transaction: the row lands with the change it records, or not at all. */
export async function insertAudit(tx: SqlExecutor, entry: NewAuditEntry): Promise<AuditEntry> {
  const id = newId();
  await tx.run('INSERT INTO audit_log (id, at, actor, ip, action, target, before, after) VALUES (?, ?, ?, ?, ?, ?, ?, ?)', [
    id,
    tx.time(entry.at),
    entry.actor,
    entry.ip,
    entry.action,
    entry.target,
    json(entry.before ?? null),
    json(entry.after ?? null),
  ]);
  return { id, ...entry, before: entry.before ?? null, after: entry.after ?? null };
}

export async function appendAudit(db: SqlDatabase, entry: NewAuditEntry): Promise<AuditEntry> {
  return db.transaction((tx) => insertAudit(tx, entry));
}

export async function listAudit(sql: SqlExecutor, options: { limit: number; offset?: number }): Promise<Page<AuditEntry>> {
  const total = await sql.all('SELECT COUNT(*) AS n FROM audit_log');
  const rows = await sql.all('SELECT * FROM audit_log ORDER BY at DESC, seq DESC LIMIT ? OFFSET ?', [options.limit, options.offset ?? 0]);
  return {
    total: readNumber(total[0]?.n),
    items: rows.map((row) => ({
      id: readString(row.id),
      at: readDate(row.at),
      actor: readString(row.actor),
      ip: readStringOrNull(row.ip),
      action: readOneOf(row.action, AUDIT_ACTIONS, 'audit_log.action'),
      target: readStringOrNull(row.target),
      before: readJson<unknown>(row.before),
      after: readJson<unknown>(row.after),
    })),
  };
}

export async function pruneAudit(db: SqlDatabase, before: Date): Promise<number> {
  return db.transaction((tx) => tx.run('DELETE FROM audit_log WHERE at < ?', [tx.time(before)]));
}
