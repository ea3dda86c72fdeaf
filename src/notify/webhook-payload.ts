import { availabilityAt } from '../domain/availability.ts';
import type { Alternative } from '../domain/guidance.ts';
import type { NotificationEvent } from '../domain/notification-events.ts';

/**
 * Pure: the JSON a webhook receives, in the Standard Webhooks shape (`type`, `timestamp`, `data`).
 * `type` is the event kind with a dot (`outage.confirmed`); `data` is the event as stored. A
 * confirmed outage adds the service's `alternatives` from the catalogue, each open or not at `now`,
 * so a receiver can tell its own users what to do instead.
 */
export function webhookBody(
  event: NotificationEvent,
  instead: { alternatives: (serviceId: string) => readonly Alternative[]; now: Date } = { alternatives: () => [], now: new Date(0) },
): string {
  const { kind, ...data } = event.payload;
  const extra =
    event.payload.kind === 'outage_confirmed'
      ? { alternatives: alternativesJson(instead.alternatives(event.payload.serviceId), instead.now) }
      : {};
  return JSON.stringify({
    type: kind.replace('_', '.'),
    timestamp: event.occurredAt.toISOString(),
    data: { id: event.id, ...data, ...extra },
  });
}

function alternativesJson(alternatives: readonly Alternative[], now: Date): object[] {
  return alternatives.map((a) => {
    const availability = availabilityAt(a.hours, now);
    return {
      kind: a.kind,
      label: a.label,
      ...(a.number !== undefined ? { number: a.number } : {}),
      ...(a.url !== undefined ? { url: a.url } : {}),
      ...(a.cost ? { cost: a.cost } : {}),
      // Unknown hours say nothing either way: null, not "open".
      openNow: a.hours ? availability.open : null,
      ...(availability.open && availability.until ? { openUntil: availability.until.toISOString() } : {}),
      ...(!availability.open && availability.opensAt ? { opensAt: availability.opensAt.toISOString() } : {}),
    };
  });
}
