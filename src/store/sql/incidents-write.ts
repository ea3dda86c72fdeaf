import type { Draft, IncidentKind, IncidentStatus, IncidentUpdateReason } from '../../domain/vocabulary.ts';
import { newId } from '../ids.ts';
import type { ProbeObservation } from '../../domain/records.ts';
import type { AffectedService, BodyRevision, Incident, NewIncident, NewIncidentUpdate } from '../../domain/incident-records.ts';
import { StoreNotFoundError } from '../store.ts';
import { bumpDataVersion } from './data-version.ts';
import { json, readDateOrNull, readJson, readString, type SqlDatabase, type SqlExecutor } from './executor.ts';
import { getIncident } from './incidents-read.ts';
import { appendIncidentEvent } from './subscriptions/outbox-writes.ts';

export interface IncidentInsert {
  kind: IncidentKind;
  serviceId: string | null;
  title: Draft;
  status: IncidentStatus;
  startedAt: Date;
  at: Date;
  /** Only for automatic incidents: skip silently when one is already open for the service. */
  unlessOpenAuto?: boolean;
}

/** Returns the new id, or null when `unlessOpenAuto` found an open automatic incident. */
export async function insertIncident(tx: SqlExecutor, input: IncidentInsert): Promise<string | null> {
  const id = newId();
  const conflict = input.unlessOpenAuto ? " ON CONFLICT (service_id) WHERE kind = 'auto' AND resolved_at IS NULL DO NOTHING" : '';
  const changed = await tx.run(
    `INSERT INTO incidents (id, kind, service_id, title, status, started_at, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)${conflict}`,
    [id, input.kind, input.serviceId, json(input.title), input.status, tx.time(input.startedAt), tx.time(input.at), tx.time(input.at)],
  );
  return changed === 1 ? id : null;
}

export async function replaceAffected(tx: SqlExecutor, incidentId: string, affected: readonly AffectedService[]): Promise<void> {
  await tx.run('DELETE FROM incident_services WHERE incident_id = ?', [incidentId]);
  for (const [position, a] of affected.entries()) {
    await tx.run('INSERT INTO incident_services (incident_id, position, service_id, impact) VALUES (?, ?, ?, ?)', [
      incidentId,
      position,
      a.serviceId,
      a.impact,
    ]);
  }
}

export async function insertUpdate(
  tx: SqlExecutor,
  incidentId: string,
  input: {
    status: IncidentStatus;
    body: Draft;
    author: string;
    at: Date;
    reason?: IncidentUpdateReason;
    observed?: ProbeObservation;
    nextUpdateAt?: Date | null;
  },
): Promise<void> {
  await tx.run(
    `INSERT INTO incident_updates (id, incident_id, status, body, created_at, author, history, reason, observed, next_update_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    [
      newId(),
      incidentId,
      input.status,
      json(input.body),
      tx.time(input.at),
      input.author,
      '[]',
      input.reason ?? null,
      input.observed ? json(input.observed) : null,
      input.nextUpdateAt ? tx.time(input.nextUpdateAt) : null,
    ],
  );
}

export async function createIncident(db: SqlDatabase, input: NewIncident): Promise<Incident> {
  return db.transaction(async (tx) => {
    const id = await insertIncident(tx, {
      kind: 'staff',
      serviceId: null,
      title: input.title,
      status: input.status,
      startedAt: input.startedAt ?? input.at,
      at: input.at,
    });
    if (!id) throw new Error('Incident insert changed nothing');
    if (input.status === 'resolved') await tx.run('UPDATE incidents SET resolved_at = ? WHERE id = ?', [tx.time(input.at), id]);
    await replaceAffected(tx, id, input.affected);
    await insertUpdate(tx, id, input);
    await bumpDataVersion(tx);
    const incident = await mustGet(tx, id);
    await appendIncidentEvent(tx, incident, input.status === 'resolved' ? 'incident_resolved' : 'incident_published', input.at);
    return incident;
  });
}

export async function addIncidentUpdate(db: SqlDatabase, incidentId: string, input: NewIncidentUpdate): Promise<Incident> {
  return db.transaction(async (tx) => {
    const rows = await tx.all('SELECT resolved_at FROM incidents WHERE id = ?', [incidentId]);
    if (!rows[0]) throw new StoreNotFoundError(`No incident with id "${incidentId}"`);
    const wasResolvedAt = readDateOrNull(rows[0].resolved_at);
    const resolvedAt = input.status === 'resolved' ? (wasResolvedAt ?? input.at) : null;
    await tx.run('UPDATE incidents SET status = ?, updated_at = ?, resolved_at = ? WHERE id = ?', [
      input.status,
      tx.time(input.at),
      resolvedAt ? tx.time(resolvedAt) : null,
      incidentId,
    ]);
    if (input.title) await tx.run('UPDATE incidents SET title = ? WHERE id = ?', [json(input.title), incidentId]);
    if (input.takeOver) await tx.run('UPDATE incidents SET taken_over_by = ? WHERE id = ?', [input.author, incidentId]);
    if (input.affected) await replaceAffected(tx, incidentId, input.affected);
    await insertUpdate(tx, incidentId, input);
    await bumpDataVersion(tx);
    const incident = await mustGet(tx, incidentId);
    await appendIncidentEvent(tx, incident, resolvedAt && !wasResolvedAt ? 'incident_resolved' : 'incident_updated', input.at);
    return incident;
  });
}

/** The replaced body joins the history with who replaced it and when: staff see every version. */
export async function editIncidentUpdate(
  db: SqlDatabase,
  updateId: string,
  input: { body: Draft; editor: string; at: Date },
): Promise<Incident> {
  return db.transaction(async (tx) => {
    const rows = await tx.all('SELECT incident_id, body, history FROM incident_updates WHERE id = ?', [updateId]);
    const row = rows[0];
    if (!row) throw new StoreNotFoundError(`No incident update with id "${updateId}"`);
    const history = readJson<BodyRevision[]>(row.history) ?? [];
    history.push({ body: readJson<Draft>(row.body), editedAt: input.at, editor: input.editor });
    // Staff words replace the reason's or the probe's: the update now says what they wrote.
    await tx.run('UPDATE incident_updates SET body = ?, edited_at = ?, history = ?, reason = NULL, observed = NULL WHERE id = ?', [
      json(input.body),
      tx.time(input.at),
      json(history),
      updateId,
    ]);
    const incidentId = readString(row.incident_id);
    await tx.run('UPDATE incidents SET updated_at = ? WHERE id = ?', [tx.time(input.at), incidentId]);
    await bumpDataVersion(tx);
    return mustGet(tx, incidentId);
  });
}

export async function mustGet(sql: SqlExecutor, id: string): Promise<Incident> {
  const incident = await getIncident(sql, id);
  if (!incident) throw new StoreNotFoundError(`No incident with id "${id}"`);
  return incident;
}
