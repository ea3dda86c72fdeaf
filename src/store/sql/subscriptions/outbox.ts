import { OUTAGE_KINDS, payloadServiceIds, type NotificationEvent, type NotificationPayload } from '../../../domain/notification-events.ts';
import { newId } from '../../ids.ts';
import { json, placeholders, readDate, readJson, readString, type SqlDatabase, type SqlExecutor } from '../executor.ts';
import { toEvent } from './event-rows.ts';
import { fanOutDigest } from './fan-out.ts';

/**
 * Writes an event inside the caller's transaction: it stands or falls with what caused it. A
 * `dedupeKey` makes the write idempotent (clock-driven events that several callers may notice).
 */
export async function appendOutboxEvent(tx: SqlExecutor, payload: NotificationPayload, at: Date, dedupeKey?: string): Promise<boolean> {
  const conflict = dedupeKey ? ' ON CONFLICT (dedupe_key) DO NOTHING' : '';
  const changed = await tx.run(
    `INSERT INTO outbox_events (id, dedupe_key, kind, service_ids, payload, occurred_at, state) VALUES (?, ?, ?, ?, ?, ?, 'pending')${conflict}`,
    [newId(), dedupeKey ?? null, payload.kind, json(payloadServiceIds(payload)), json(payload), tx.time(at)],
  );
  return changed === 1;
}

/** Maintenance windows start and end with the clock, not with a write: whoever notices first writes the event. */
export async function enqueueMaintenanceTransitions(db: SqlDatabase, now: Date): Promise<number> {
  return db.transaction(async (tx) => {
    // Only windows that moved recently: a sender started after a long stop does not announce old news.
    const recent = tx.time(new Date(now.getTime() - 3_600_000));
    const rows = await tx.all(
      `SELECT * FROM maintenances WHERE cancelled_at IS NULL AND
        ((starts_at <= ? AND starts_at > ? AND ends_at > ?) OR (ends_at <= ? AND ends_at > ?))`,
      [tx.time(now), recent, tx.time(now), tx.time(now), recent],
    );
    let written = 0;
    for (const row of rows) {
      const ended = readDate(row.ends_at).getTime() <= now.getTime();
      const kind = ended ? 'maintenance_completed' : 'maintenance_started';
      const payload: NotificationPayload = {
        kind,
        maintenanceId: readString(row.id),
        title: readJson(row.title),
        serviceIds: readJson<string[]>(row.service_ids),
        startsAt: readDate(row.starts_at).toISOString(),
        endsAt: readDate(row.ends_at).toISOString(),
      };
      const at = ended ? readDate(row.ends_at) : readDate(row.starts_at);
      if (await appendOutboxEvent(tx, payload, at, `${kind}:${payload.maintenanceId}`)) written += 1;
    }
    return written;
  });
}

export async function pendingEvents(sql: SqlExecutor, limit: number): Promise<NotificationEvent[]> {
  const rows = await sql.all("SELECT * FROM outbox_events WHERE state = 'pending' ORDER BY occurred_at, seq LIMIT ?", [limit]);
  return rows.map(toEvent);
}

export async function sentOutageEvents(sql: SqlExecutor, since: Date): Promise<NotificationEvent[]> {
  const rows = await sql.all(
    `SELECT * FROM outbox_events WHERE state = 'sent' AND occurred_at >= ? AND kind IN (${placeholders(OUTAGE_KINDS.length)})
     ORDER BY occurred_at, seq`,
    [sql.time(since), ...OUTAGE_KINDS],
  );
  return rows.map(toEvent);
}

export async function commitDigest(
  db: SqlDatabase,
  input: { include: readonly string[]; fold: readonly string[]; at: Date },
): Promise<string | null> {
  return db.transaction(async (tx) => {
    const digestId = input.include.length > 0 ? newId() : null;
    if (digestId) await tx.run('INSERT INTO digests (id, created_at) VALUES (?, ?)', [digestId, tx.time(input.at)]);
    // `state = 'pending'` in the updates: an event is gathered once even if two senders race.
    for (const id of input.fold) {
      await tx.run("UPDATE outbox_events SET state = 'folded', digest_id = ? WHERE id = ? AND state = 'pending'", [digestId, id]);
    }
    const included: string[] = [];
    for (const id of input.include) {
      if (
        (await tx.run("UPDATE outbox_events SET state = 'sent', digest_id = ? WHERE id = ? AND state = 'pending'", [digestId, id])) === 1
      ) {
        included.push(id);
      }
    }
    if (!digestId) return null;
    await fanOutDigest(tx, digestId, await eventsById(tx, included), input.at);
    return digestId;
  });
}

export async function digestEvents(sql: SqlExecutor, digestId: string): Promise<NotificationEvent[]> {
  const rows = await sql.all("SELECT * FROM outbox_events WHERE digest_id = ? AND state = 'sent' ORDER BY occurred_at, seq", [digestId]);
  return rows.map(toEvent);
}

export async function eventsById(sql: SqlExecutor, ids: readonly string[]): Promise<NotificationEvent[]> {
  if (ids.length === 0) return [];
  const rows = await sql.all(`SELECT * FROM outbox_events WHERE id IN (${placeholders(ids.length)}) ORDER BY occurred_at, seq`, [...ids]);
  return rows.map(toEvent);
}
