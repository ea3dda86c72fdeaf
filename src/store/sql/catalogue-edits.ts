import { PROBE_AUTHOR } from '../../domain/incident-scope.ts';
import type { IncidentUpdateReason } from '../../domain/vocabulary.ts';
import { bumpDataVersion } from './data-version.ts';
import { readJson, readString, type SqlDatabase, type SqlExecutor } from './executor.ts';
import { insertUpdate } from './incidents-write.ts';
import { applyRollupDeltas, listRollups } from './rollups.ts';
import type { CatalogueEdits, CatalogueEditsApplied } from '../store.ts';

/** Tables whose rows name a service in a column, and the other columns of their key (none: not a key). */
const KEYED: readonly { table: string; key: readonly string[] }[] = [
  { table: 'service_tracking', key: ['location'] },
  { table: 'subscriber_services', key: ['subscriber_id'] },
  { table: 'service_leases', key: ['location'] },
  { table: 'service_locks', key: [] },
];
/** Tables that list service ids in a JSON array. */
const LISTS = ['maintenances', 'webhooks', 'subscription_requests', 'outbox_events'] as const;
/** Every bucket a service may have, from the epoch to the last instant a Date holds. */
const ALL_TIME = { from: new Date(0), to: new Date(8.64e15) };

/**
 * What a new catalogue means for what is stored, in one transaction, at probe start. A renamed
 * service (`formerIds`) takes its former id's results, rollups (added into any the new id already
 * has), trackings, incidents, subscriptions and maintenance windows, so its history and its open
 * incident go on under the new id. An automatic incident still open for a service the catalogue no
 * longer lists is resolved, with a reason rendered when read ("no longer monitored"); nothing else
 * of that service is deleted. Running it again changes nothing.
 */
export async function applyCatalogueEdits(db: SqlDatabase, edits: CatalogueEdits): Promise<CatalogueEditsApplied> {
  return db.transaction(async (tx) => {
    const renamed: string[] = [];
    const resolved: string[] = [];
    for (const { from, to } of edits.renames) {
      const moved = await rename(tx, from, to, edits.at);
      if (moved.any) renamed.push(from);
      resolved.push(...moved.resolved);
    }
    const listed = new Set(edits.serviceIds);
    const open = await tx.all("SELECT id, service_id FROM incidents WHERE kind = 'auto' AND resolved_at IS NULL AND taken_over_by IS NULL");
    for (const row of open.filter((r) => !listed.has(readString(r.service_id)))) {
      await resolveFor(tx, readString(row.id), 'service_removed', edits.at);
      resolved.push(readString(row.id));
    }
    if (renamed.length > 0 || resolved.length > 0) await bumpDataVersion(tx);
    return { renamed, resolved };
  });
}

async function rename(tx: SqlExecutor, from: string, to: string, at: Date): Promise<{ any: boolean; resolved: string[] }> {
  let changed = await tx.run('UPDATE check_results SET service_id = ? WHERE service_id = ?', [to, from]);
  const rollups = [
    ...(await listRollups(tx, { granularity: 'hour', ...ALL_TIME, serviceId: from })),
    ...(await listRollups(tx, { granularity: 'day', ...ALL_TIME, serviceId: from })),
  ];
  await applyRollupDeltas(
    tx,
    rollups.map((r) => ({ ...r, serviceId: to })),
  );
  changed += await tx.run('DELETE FROM rollups WHERE service_id = ?', [from]);
  const resolved = await keepOneOpenIncident(tx, from, to, at);
  changed += await tx.run('UPDATE incidents SET service_id = ? WHERE service_id = ?', [to, from]);
  changed += await tx.run('UPDATE incident_services SET service_id = ? WHERE service_id = ?', [to, from]);
  for (const { table, key } of KEYED) {
    // A row the new id already has for the same key is newer: the former id's is dropped.
    const clash = key.map((k) => ` AND n.${k} = ${table}.${k}`).join('');
    changed += await tx.run(
      `UPDATE ${table} SET service_id = ? WHERE service_id = ? AND NOT EXISTS (SELECT 1 FROM ${table} n WHERE n.service_id = ?${clash})`,
      [to, from, to],
    );
    changed += await tx.run(`DELETE FROM ${table} WHERE service_id = ?`, [from]);
  }
  for (const table of LISTS) changed += await renameInLists(tx, table, from, to);
  return { any: changed > 0, resolved };
}

/** Both ids with an open automatic incident (a rename declared late): the former's is closed, the follow-up goes on in the other. */
async function keepOneOpenIncident(tx: SqlExecutor, from: string, to: string, at: Date): Promise<string[]> {
  const open = async (id: string) =>
    (await tx.all("SELECT id FROM incidents WHERE kind = 'auto' AND resolved_at IS NULL AND service_id = ?", [id]))[0]?.id;
  const former = await open(from);
  if (former === undefined || (await open(to)) === undefined) return [];
  await resolveFor(tx, readString(former), 'service_renamed', at);
  return [readString(former)];
}

async function resolveFor(tx: SqlExecutor, incidentId: string, reason: IncidentUpdateReason, at: Date): Promise<void> {
  await insertUpdate(tx, incidentId, { status: 'resolved', body: { fr: '', en: '' }, author: PROBE_AUTHOR, at, reason });
  await tx.run('UPDATE incidents SET status = ?, resolved_at = ?, updated_at = ? WHERE id = ?', [
    'resolved',
    tx.time(at),
    tx.time(at),
    incidentId,
  ]);
}

async function renameInLists(tx: SqlExecutor, table: (typeof LISTS)[number], from: string, to: string): Promise<number> {
  const key = table === 'subscription_requests' ? 'token_hash' : 'id';
  // Only rows that may hold the id are read and parsed; the JSON text holds it quoted.
  const rows = await tx.all(
    `SELECT ${key} AS k, service_ids FROM ${table} WHERE service_ids IS NOT NULL AND CAST(service_ids AS TEXT) LIKE ?`,
    [`%"${from}"%`],
  );
  let changed = 0;
  for (const row of rows) {
    const ids = readJson<string[] | null>(row.service_ids);
    if (!ids?.includes(from)) continue;
    const next = [...new Set(ids.map((id) => (id === from ? to : id)))];
    changed += await tx.run(`UPDATE ${table} SET service_ids = ? WHERE ${key} = ?`, [JSON.stringify(next), readString(row.k)]);
  }
  return changed;
}
