import { IMPACTS, INCIDENT_KINDS, INCIDENT_STATUSES, INCIDENT_UPDATE_REASONS, type Draft } from '../../domain/vocabulary.ts';
import type { Page, ProbeObservation } from '../../domain/records.ts';
import type { AffectedService, BodyRevision, Incident, IncidentUpdate } from '../../domain/incident-records.ts';
import {
  placeholders,
  readDate,
  readDateOrNull,
  readJson,
  readNumber,
  readOneOf,
  readOneOfOrNull,
  readString,
  readStringOrNull,
  type Row,
  type SqlExecutor,
} from './executor.ts';

export async function getIncident(sql: SqlExecutor, id: string): Promise<Incident | null> {
  const rows = await sql.all('SELECT * FROM incidents WHERE id = ?', [id]);
  const [incident] = await hydrate(sql, rows);
  return incident ?? null;
}

export async function getIncidentUpdate(sql: SqlExecutor, id: string): Promise<IncidentUpdate | null> {
  const rows = await sql.all('SELECT * FROM incident_updates WHERE id = ?', [id]);
  return rows[0] ? toUpdate(rows[0]) : null;
}

export async function listIncidents(
  sql: SqlExecutor,
  options: { state?: 'open' | 'resolved' | 'all'; serviceId?: string; limit: number; offset?: number },
): Promise<Page<Incident>> {
  const clauses: string[] = [];
  const params: unknown[] = [];
  if (options.state === 'open') clauses.push('resolved_at IS NULL');
  if (options.state === 'resolved') clauses.push('resolved_at IS NOT NULL');
  if (options.serviceId !== undefined) {
    clauses.push('(service_id = ? OR EXISTS (SELECT 1 FROM incident_services s WHERE s.incident_id = incidents.id AND s.service_id = ?))');
    params.push(options.serviceId, options.serviceId);
  }
  const where = clauses.length > 0 ? `WHERE ${clauses.join(' AND ')}` : '';
  const totalRows = await sql.all(`SELECT COUNT(*) AS total FROM incidents ${where}`, params);
  const rows = await sql.all(`SELECT * FROM incidents ${where} ORDER BY started_at DESC, created_at DESC, id LIMIT ? OFFSET ?`, [
    ...params,
    options.limit,
    options.offset ?? 0,
  ]);
  return { items: await hydrate(sql, rows), total: readNumber(totalRows[0]?.total) };
}

/** Loads affected services and updates for a page of incidents in two queries, not 2N. */
async function hydrate(sql: SqlExecutor, rows: Row[]): Promise<Incident[]> {
  if (rows.length === 0) return [];
  const ids = rows.map((row) => readString(row.id));
  const inList = placeholders(ids.length);
  const affectedRows = await sql.all(
    `SELECT * FROM incident_services WHERE incident_id IN (${inList}) ORDER BY incident_id, position`,
    ids,
  );
  const updateRows = await sql.all(`SELECT * FROM incident_updates WHERE incident_id IN (${inList}) ORDER BY created_at, seq`, ids);
  const affected = groupBy(affectedRows, (row): AffectedService => ({
    serviceId: readString(row.service_id),
    impact: readOneOf(row.impact, IMPACTS, 'incident_services.impact'),
  }));
  const updates = groupBy(updateRows, toUpdate);
  return rows.map((row) => {
    const id = readString(row.id);
    return {
      id,
      kind: readOneOf(row.kind, INCIDENT_KINDS, 'incidents.kind'),
      serviceId: readStringOrNull(row.service_id),
      title: readJson<Draft>(row.title),
      status: readOneOf(row.status, INCIDENT_STATUSES, 'incidents.status'),
      affected: affected.get(id) ?? [],
      startedAt: readDate(row.started_at),
      createdAt: readDate(row.created_at),
      updatedAt: readDate(row.updated_at),
      resolvedAt: readDateOrNull(row.resolved_at),
      takenOverBy: readStringOrNull(row.taken_over_by),
      updates: updates.get(id) ?? [],
    };
  });
}

function groupBy<T>(rows: Row[], map: (row: Row) => T): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const row of rows) {
    const key = readString(row.incident_id);
    const list = groups.get(key) ?? [];
    list.push(map(row));
    groups.set(key, list);
  }
  return groups;
}

function toUpdate(row: Row): IncidentUpdate {
  const history = readJson<Array<{ body: Draft; editedAt: string; editor: string }>>(row.history) ?? [];
  return {
    id: readString(row.id),
    incidentId: readString(row.incident_id),
    status: readOneOf(row.status, INCIDENT_STATUSES, 'incident_updates.status'),
    body: readJson<Draft>(row.body),
    createdAt: readDate(row.created_at),
    author: readString(row.author),
    editedAt: readDateOrNull(row.edited_at),
    history: history.map((revision): BodyRevision => ({ ...revision, editedAt: new Date(revision.editedAt) })),
    reason: readOneOfOrNull(row.reason, INCIDENT_UPDATE_REASONS, 'incident_updates.reason'),
    nextUpdateAt: readDateOrNull(row.next_update_at),
    observed: readJson<ProbeObservation | null>(row.observed),
  };
}
