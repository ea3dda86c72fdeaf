import type { TimelineRows } from '../../domain/timeline-records.ts';
import { AUDIT_ACTIONS, INCIDENT_KINDS, INCIDENT_STATUSES, SERVICE_STATES, type AuditAction, type Draft } from '../../domain/vocabulary.ts';
import { placeholders, readDate, readJson, readOneOf, readString, readStringOrNull, type SqlExecutor } from './executor.ts';

/**
 * What happened in [from, to): state changes, incident updates and, when asked, staff actions.
 * Every ordering ends on a unique column, so the same rows come back in the same order each time.
 * Audit rows give their action and target only: who did it, and from where, stay in the store.
 */
export async function readTimeline(
  sql: SqlExecutor,
  options: { from: Date; to: Date; limit: number; staffActions: readonly AuditAction[] },
): Promise<TimelineRows> {
  const range = [sql.time(options.from), sql.time(options.to)];
  const changeRows = await sql.all(
    'SELECT service_id, location, at, from_state, to_state FROM state_changes WHERE at >= ? AND at < ? ORDER BY at, service_id, location, seq LIMIT ?',
    [...range, options.limit],
  );
  const updateRows = await sql.all(
    `SELECT u.id, u.incident_id, u.status, u.body, u.created_at, u.author, i.kind, i.title
       FROM incident_updates u JOIN incidents i ON i.id = u.incident_id
      WHERE u.created_at >= ? AND u.created_at < ? ORDER BY u.created_at, u.seq LIMIT ?`,
    [...range, options.limit],
  );
  const actions = options.staffActions;
  const auditRows =
    actions.length === 0
      ? []
      : await sql.all(
          `SELECT at, action, target FROM audit_log WHERE at >= ? AND at < ? AND action IN (${placeholders(actions.length)}) ORDER BY at, seq LIMIT ?`,
          [...range, ...actions, options.limit],
        );
  return {
    stateChanges: changeRows.map((row) => ({
      serviceId: readString(row.service_id),
      location: readString(row.location),
      at: readDate(row.at),
      from: readOneOf(row.from_state, SERVICE_STATES, 'state_changes.from_state'),
      to: readOneOf(row.to_state, SERVICE_STATES, 'state_changes.to_state'),
    })),
    updates: updateRows.map((row) => ({
      incidentId: readString(row.incident_id),
      updateId: readString(row.id),
      incidentKind: readOneOf(row.kind, INCIDENT_KINDS, 'incidents.kind'),
      title: readJson<Draft>(row.title),
      at: readDate(row.created_at),
      status: readOneOf(row.status, INCIDENT_STATUSES, 'incident_updates.status'),
      body: readJson<Draft>(row.body),
      byProbe: readString(row.author) === 'probe',
    })),
    staffActions: auditRows.map((row) => ({
      at: readDate(row.at),
      action: readOneOf(row.action, AUDIT_ACTIONS, 'audit_log.action'),
      target: readStringOrNull(row.target),
    })),
  };
}
