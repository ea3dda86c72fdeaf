import { payloadServiceIds, type NotificationEvent } from '../domain/notification-events.ts';

/**
 * Pure: the events of a digest one subscriber is told about. Every-service subscribers get all;
 * the others get the events touching one of their services, and notices that name no service
 * (a staff incident about the whole site).
 */
export function eventsFor(serviceIds: readonly string[] | null, events: readonly NotificationEvent[]): NotificationEvent[] {
  if (serviceIds === null) return [...events];
  const chosen = new Set(serviceIds);
  return events.filter((e) => {
    const services = payloadServiceIds(e.payload);
    return services.length === 0 || services.some((id) => chosen.has(id));
  });
}

/** A stable key for a subscriber's choice, so messages are rendered once per distinct choice. */
export function choiceKey(serviceIds: readonly string[] | null, events: readonly NotificationEvent[]): string {
  return eventsFor(serviceIds, events)
    .map((e) => e.id)
    .join(',');
}
