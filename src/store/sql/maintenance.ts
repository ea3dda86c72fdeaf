import type { Draft } from '../../domain/vocabulary.ts';
import { newId } from '../ids.ts';
import type { Maintenance, NewMaintenance } from '../../domain/incident-records.ts';
import { StoreNotFoundError } from '../store.ts';
import { bumpDataVersion } from './data-version.ts';
import { appendMaintenanceCancelled, appendMaintenanceScheduled } from './subscriptions/outbox-writes.ts';
import { json, readDate, readDateOrNull, readJson, readString, type Row, type SqlDatabase, type SqlExecutor } from './executor.ts';

export type MaintenancePatch = Partial<Pick<Maintenance, 'title' | 'body' | 'serviceIds' | 'startsAt' | 'endsAt'>> & { at: Date };

export async function createMaintenance(db: SqlDatabase, input: NewMaintenance): Promise<Maintenance> {
  return db.transaction(async (tx) => {
    const id = newId();
    await tx.run(
      `INSERT INTO maintenances (id, title, body, service_ids, starts_at, ends_at, created_at, updated_at, author)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      [
        id,
        json(input.title),
        json(input.body),
        json(input.serviceIds),
        tx.time(input.startsAt),
        tx.time(input.endsAt),
        tx.time(input.at),
        tx.time(input.at),
        input.author,
      ],
    );
    await bumpDataVersion(tx);
    const maintenance = await mustGet(tx, id);
    await appendMaintenanceScheduled(tx, maintenance);
    return maintenance;
  });
}

export async function updateMaintenance(db: SqlDatabase, id: string, patch: MaintenancePatch): Promise<Maintenance> {
  return db.transaction(async (tx) => {
    const current = await mustGet(tx, id);
    const next = { ...current, ...withoutUndefined(patch) };
    await tx.run(
      `UPDATE maintenances SET title = ?, body = ?, service_ids = ?, starts_at = ?, ends_at = ?, updated_at = ?
       WHERE id = ?`,
      [json(next.title), json(next.body), json(next.serviceIds), tx.time(next.startsAt), tx.time(next.endsAt), tx.time(patch.at), id],
    );
    await bumpDataVersion(tx);
    return mustGet(tx, id);
  });
}

export async function cancelMaintenance(db: SqlDatabase, id: string, at: Date): Promise<Maintenance> {
  return db.transaction(async (tx) => {
    const before = await mustGet(tx, id);
    await tx.run('UPDATE maintenances SET cancelled_at = COALESCE(cancelled_at, ?), updated_at = ? WHERE id = ?', [
      tx.time(at),
      tx.time(at),
      id,
    ]);
    await bumpDataVersion(tx);
    const after = await mustGet(tx, id);
    // Subscribers told of the window are told it is off, once.
    if (before.cancelledAt === null) await appendMaintenanceCancelled(tx, after, at);
    return after;
  });
}

export async function getMaintenance(sql: SqlExecutor, id: string): Promise<Maintenance | null> {
  const rows = await sql.all('SELECT * FROM maintenances WHERE id = ?', [id]);
  return rows[0] ? toMaintenance(rows[0]) : null;
}

export async function listMaintenances(
  sql: SqlExecutor,
  options: { endsAfter: Date; startsBefore?: Date; includeCancelled?: boolean; limit: number },
): Promise<Maintenance[]> {
  const params: unknown[] = [sql.time(options.endsAfter)];
  let where = 'ends_at > ?';
  if (options.startsBefore) {
    where += ' AND starts_at < ?';
    params.push(sql.time(options.startsBefore));
  }
  if (!options.includeCancelled) where += ' AND cancelled_at IS NULL';
  const rows = await sql.all(`SELECT * FROM maintenances WHERE ${where} ORDER BY starts_at, id LIMIT ?`, [...params, options.limit]);
  return rows.map(toMaintenance);
}

async function mustGet(sql: SqlExecutor, id: string): Promise<Maintenance> {
  const maintenance = await getMaintenance(sql, id);
  if (!maintenance) throw new StoreNotFoundError(`No maintenance with id "${id}"`);
  return maintenance;
}

function withoutUndefined<T extends object>(patch: T): Partial<T> {
  return Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined)) as Partial<T>;
}

function toMaintenance(row: Row): Maintenance {
  return {
    id: readString(row.id),
    title: readJson<Draft>(row.title),
    body: readJson<Draft>(row.body),
    serviceIds: readJson<string[]>(row.service_ids),
    startsAt: readDate(row.starts_at),
    endsAt: readDate(row.ends_at),
    createdAt: readDate(row.created_at),
    updatedAt: readDate(row.updated_at),
    cancelledAt: readDateOrNull(row.cancelled_at),
    author: readString(row.author),
  };
}
