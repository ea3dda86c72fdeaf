import type { NotificationEvent, NotificationPayload } from '../../../domain/notification-events.ts';
import { readDate, readJson, readString, type Row } from '../executor.ts';

/** An `outbox_events` row as the event it stores: read by the outbox and by webhook deliveries alike. */
export function toEvent(row: Row): NotificationEvent {
  return { id: readString(row.id), occurredAt: readDate(row.occurred_at), payload: readJson<NotificationPayload>(row.payload) };
}
