import { payloadServiceIds, type NotificationEvent } from '../../../domain/notification-events.ts';
import { placeholders, type SqlExecutor } from '../executor.ts';
import { listWebhooks } from './webhooks.ts';

/**
 * One delivery per subscriber who follows any service of the digest, written with one statement
 * whatever the number of subscribers (the rule of `eventsFor`, in SQL); one webhook delivery per (event, webhook) that asked for it.
 */
export async function fanOutDigest(tx: SqlExecutor, digestId: string, events: readonly NotificationEvent[], at: Date): Promise<void> {
  const serviceIds = [...new Set(events.flatMap((e) => payloadServiceIds(e.payload)))];
  // A notice naming no service is about the whole site: everyone is told.
  const general = events.some((e) => payloadServiceIds(e.payload).length === 0);
  const chosen =
    serviceIds.length > 0
      ? ` OR EXISTS (SELECT 1 FROM subscriber_services ss WHERE ss.subscriber_id = s.id AND ss.service_id IN (${placeholders(serviceIds.length)}))`
      : '';
  await tx.run(
    `INSERT INTO deliveries (digest_id, subscriber_id, status, attempts, next_attempt_at)
     SELECT ?, s.id, 'pending', 0, ? FROM subscribers s WHERE s.all_services = ? OR ?${chosen}`,
    [digestId, tx.time(at), tx.bool(true), tx.bool(general), ...serviceIds],
  );
  const webhooks = (await listWebhooks(tx)).filter((w) => w.disabledAt === null);
  for (const event of events) {
    for (const webhook of webhooks) {
      if (!webhook.eventKinds.includes(event.payload.kind)) continue;
      const services = payloadServiceIds(event.payload);
      if (webhook.serviceIds !== null && !services.some((id) => webhook.serviceIds?.includes(id))) continue;
      await tx.run(
        `INSERT INTO webhook_deliveries (event_id, webhook_id, status, attempts, next_attempt_at)
         VALUES (?, ?, 'pending', 0, ?) ON CONFLICT (event_id, webhook_id) DO NOTHING`,
        [event.id, webhook.id, tx.time(at)],
      );
    }
  }
}
