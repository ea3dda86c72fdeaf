import type { NotificationEvent } from '../domain/notification-events.ts';

/**
 * Pure: the JSON a webhook receives, in the Standard Webhooks shape (`type`, `timestamp`, `data`).
 * `type` is the event kind with a dot (`outage.confirmed`); `data` is the event as stored.
 */
export function webhookBody(event: NotificationEvent): string {
  const { kind, ...data } = event.payload;
  return JSON.stringify({ type: kind.replace('_', '.'), timestamp: event.occurredAt.toISOString(), data: { id: event.id, ...data } });
}
