import type { NotificationKind } from '../../../domain/notification-events.ts';
import { newId } from '../../ids.ts';
import type { ClaimedWebhookDelivery, FailedAttempt, Webhook } from '../../subscription-records.ts';
import {
  json,
  readDate,
  readDateOrNull,
  readJson,
  readNumber,
  readString,
  type Row,
  type SqlDatabase,
  type SqlExecutor,
} from '../executor.ts';
import { toEvent } from './event-rows.ts';

export async function createWebhook(db: SqlDatabase, input: Omit<Webhook, 'id' | 'failingSince' | 'disabledAt'>): Promise<Webhook> {
  const id = newId();
  await db.transaction((tx) =>
    tx.run('INSERT INTO webhooks (id, url, service_ids, event_kinds, secret, created_at, created_by) VALUES (?, ?, ?, ?, ?, ?, ?)', [
      id,
      input.url,
      json(input.serviceIds),
      json(input.eventKinds),
      input.secret,
      tx.time(input.createdAt),
      input.createdBy,
    ]),
  );
  return { ...input, id, failingSince: null, disabledAt: null };
}

export async function listWebhooks(sql: SqlExecutor): Promise<Webhook[]> {
  return (await sql.all('SELECT * FROM webhooks ORDER BY created_at, id')).map(toWebhook);
}

export async function deleteWebhook(db: SqlDatabase, id: string): Promise<boolean> {
  return db.transaction(async (tx) => (await tx.run('DELETE FROM webhooks WHERE id = ?', [id])) === 1);
}

export async function enableWebhook(db: SqlDatabase, id: string): Promise<void> {
  await db.transaction((tx) => tx.run('UPDATE webhooks SET disabled_at = NULL, failing_since = NULL WHERE id = ?', [id]));
}

const DUE = "d.status IN ('pending', 'sending') AND d.next_attempt_at <= ?";

export async function claimWebhookDeliveries(
  db: SqlDatabase,
  options: { now: Date; leaseUntil: Date; limit: number },
): Promise<ClaimedWebhookDelivery[]> {
  return db.transaction(async (tx) => {
    const rows = await tx.all(
      `SELECT d.attempts, d.event_id, d.webhook_id, e.id, e.occurred_at, e.payload FROM webhook_deliveries d
       JOIN outbox_events e ON e.id = d.event_id JOIN webhooks w ON w.id = d.webhook_id
       WHERE ${DUE} AND w.disabled_at IS NULL ORDER BY d.next_attempt_at LIMIT ?`,
      [tx.time(options.now), options.limit],
    );
    const webhooks = new Map((await listWebhooks(tx)).map((w) => [w.id, w]));
    const claimed: ClaimedWebhookDelivery[] = [];
    for (const row of rows) {
      const webhook = webhooks.get(readString(row.webhook_id));
      const changed = await tx.run(
        `UPDATE webhook_deliveries SET status = 'sending', attempts = attempts + 1, next_attempt_at = ?
         WHERE event_id = ? AND webhook_id = ? AND status IN ('pending', 'sending') AND next_attempt_at <= ?`,
        [tx.time(options.leaseUntil), row.event_id, row.webhook_id, tx.time(options.now)],
      );
      if (webhook && changed === 1) claimed.push({ webhook, event: toEvent(row), attempts: readNumber(row.attempts) + 1 });
    }
    return claimed;
  });
}

export async function markWebhookDelivered(db: SqlDatabase, eventId: string, webhookId: string, at: Date): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.run("UPDATE webhook_deliveries SET status = 'sent', sent_at = ?, last_error = NULL WHERE event_id = ? AND webhook_id = ?", [
      tx.time(at),
      eventId,
      webhookId,
    ]);
    await tx.run('UPDATE webhooks SET failing_since = NULL WHERE id = ?', [webhookId]);
  });
}

export async function markWebhookFailed(
  db: SqlDatabase,
  eventId: string,
  webhookId: string,
  failure: FailedAttempt & { disableAfterMs: number },
): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.run('UPDATE webhooks SET failing_since = COALESCE(failing_since, ?) WHERE id = ?', [tx.time(failure.at), webhookId]);
    const rows = await tx.all('SELECT failing_since FROM webhooks WHERE id = ?', [webhookId]);
    const since = rows[0] ? readDate(rows[0].failing_since) : failure.at;
    const disable = failure.at.getTime() - since.getTime() >= failure.disableAfterMs;
    if (disable) await tx.run('UPDATE webhooks SET disabled_at = ? WHERE id = ? AND disabled_at IS NULL', [tx.time(failure.at), webhookId]);
    const giveUp = disable || failure.retryAt === null;
    await tx.run('UPDATE webhook_deliveries SET status = ?, next_attempt_at = ?, last_error = ? WHERE event_id = ? AND webhook_id = ?', [
      giveUp ? 'failed' : 'pending',
      tx.time(failure.retryAt ?? failure.at),
      failure.error.slice(0, 500),
      eventId,
      webhookId,
    ]);
  });
}

function toWebhook(row: Row): Webhook {
  return {
    id: readString(row.id),
    url: readString(row.url),
    serviceIds: readJson<string[] | null>(row.service_ids),
    eventKinds: readJson<NotificationKind[]>(row.event_kinds),
    secret: readString(row.secret),
    createdAt: readDate(row.created_at),
    createdBy: readString(row.created_by),
    failingSince: readDateOrNull(row.failing_since),
    disabledAt: readDateOrNull(row.disabled_at),
  };
}
