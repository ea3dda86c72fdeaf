import type { TimelineRows } from '../../domain/timeline-records.ts';
import type { ProbeObservation } from '../../domain/records.ts';
import {
  AUDIT_ACTIONS,
  INCIDENT_KINDS,
  INCIDENT_STATUSES,
  INCIDENT_UPDATE_REASONS,
  SERVICE_STATES,
  type AuditAction,
  type Draft,
} from '../../domain/vocabulary.ts';
import {
  placeholders,
  readDate,
  readJson,
  readOneOf,
  readOneOfOrNull,
  readString,
  readStringOrNull,
  type SqlExecutor,
} from './executor.ts';

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
    `SELECT u.id, u.incident_id, u.status, u.body, u.created_at, u.author, u.observed, u.reason,
            i.kind, i.title, i.service_id, i.started_at, i.taken_over_by,
            (SELECT o.observed FROM incident_updates o WHERE o.incident_id = i.id ORDER BY o.created_at, o.seq LIMIT 1) AS opening
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
      words: {
        serviceId: readStringOrNull(row.service_id),
        incidentStartedAt: readDate(row.started_at),
        takenOver: row.taken_over_by !== null && row.taken_over_by !== undefined,
        observed: readJson<ProbeObservation | null>(row.observed),
        opening: readJson<ProbeObservation | null>(row.opening),
        reason: readOneOfOrNull(row.reason, INCIDENT_UPDATE_REASONS, 'incident_updates.reason'),
      },
    })),
    staffActions: auditRows.map((row) => ({
      at: readDate(row.at),
      action: readOneOf(row.action, AUDIT_ACTIONS, 'audit_log.action'),
      target: readStringOrNull(row.target),
    })),
  };
}
