import { OUTAGE_KINDS, payloadServiceIds, type NotificationEvent, type NotificationKind } from '../domain/notification-events.ts';

/**
 * When events become a message, and which automatic outage events are folded away.
 *
 * - Gather: a message leaves once no new event has arrived for `quietMs` (30 s by default), or
 *   `maxWaitMs` (3 min) after the first event waiting, so a wave of outages (16 services in a
 *   minute) becomes one message per subscriber listing them.
 * - Flapping: per service, at most one outage and one recovery are told per `flapWindowMs`
 *   (30 min) on their own. Further outage events of that service wait; when the window has room
 *   again, they are folded into the last one, which is told only if it changes what subscribers
 *   were last told (a service that flapped and is working again, as last told, sends nothing more).
 * - Waves: a wave is one message. Held services ride along, folded the same way, with any message
 *   that leaves anyway (another service's change, a staff notice), and held outage events of
 *   `WAVE_SERVICES` services or more are a wave, not a flap, and leave together. Holding them
 *   service by service split one wave into as many late messages as windows ending at different times.
 * Staff incidents and maintenance are never folded; they only wait for the gather.
 */
export interface CoalesceWindows {
  quietMs: number;
  maxWaitMs: number;
  flapWindowMs: number;
}

export const DEFAULT_WINDOWS: CoalesceWindows = { quietMs: 30_000, maxWaitMs: 180_000, flapWindowMs: 1_800_000 };

export interface DigestPlan {
  include: string[];
  fold: string[];
}

/** Held services changing together that make a wave rather than a flap. */
export const WAVE_SERVICES = 3;

const isOutage = (kind: NotificationKind) => (OUTAGE_KINDS as readonly NotificationKind[]).includes(kind);

/**
 * Pure. `pending`: events not yet told, oldest first; `told`: outage events already told (oldest
 * first, looking back far enough to know each service's last told state). Null: nothing to send yet.
 */
export function planDigest(input: {
  pending: readonly NotificationEvent[];
  told: readonly NotificationEvent[];
  now: Date;
  windows: CoalesceWindows;
}): DigestPlan | null {
  const { pending, told, now, windows } = input;
  const plan: DigestPlan = { include: [], fold: [] };
  const byService = new Map<string, NotificationEvent[]>();
  for (const event of pending) {
    if (!isOutage(event.payload.kind)) plan.include.push(event.id);
    else {
      const serviceId = payloadServiceIds(event.payload)[0] ?? '';
      byService.set(serviceId, [...(byService.get(serviceId) ?? []), event]);
    }
  }
  const held: [NotificationEvent[], NotificationEvent[]][] = [];
  // The events that set the gather's pace: those free to leave; held ones only when they alone make a wave.
  const pace: string[] = [];
  for (const [serviceId, events] of byService) {
    const history = told.filter((e) => payloadServiceIds(e.payload)[0] === serviceId);
    const decided = planService(events, history, now.getTime(), windows.flapWindowMs);
    if (decided === null) held.push([events, history]);
    else {
      plan.include.push(...decided.include);
      plan.fold.push(...decided.fold);
    }
  }
  pace.push(...plan.include, ...plan.fold);
  const riding = plan.include.length > 0;
  if (held.length > 0 && (riding || held.length >= WAVE_SERVICES)) {
    for (const [events, history] of held) {
      if (!riding) pace.push(...events.map((e) => e.id));
      const decided = foldIntoLast(events, history);
      plan.include.push(...decided.include);
      plan.fold.push(...decided.fold);
    }
  }
  const moving = pending.filter((e) => pace.includes(e.id));
  if (moving.length === 0) return null;
  const newest = Math.max(...moving.map((e) => e.occurredAt.getTime()));
  const oldest = Math.min(...moving.map((e) => e.occurredAt.getTime()));
  // A wave of held services may have waited long already: it still waits for its own quiet.
  const longest = riding || held.length === 0 ? now.getTime() - oldest >= windows.maxWaitMs : false;
  const gathered = now.getTime() - newest >= windows.quietMs || longest;
  if (!gathered) return null;
  const order = new Map(pending.map((e, i) => [e.id, i]));
  const byOrder = (a: string, b: string) => (order.get(a) ?? 0) - (order.get(b) ?? 0);
  return { include: plan.include.sort(byOrder), fold: plan.fold.sort(byOrder) };
}

/**
 * One service's outage events. Fresh ones are told while the window has room; null when the window
 * is full (held). Events that happened while the window was full (the backlog) are folded into the
 * last of them, told only if it changes what subscribers were last told.
 */
function planService(
  events: readonly NotificationEvent[],
  history: readonly NotificationEvent[],
  now: number,
  flapMs: number,
): DigestPlan | null {
  const toldSince = (from: number, to: number) =>
    history.filter((e) => e.occurredAt.getTime() >= from && e.occurredAt.getTime() <= to).length;
  const room = Math.max(0, 2 - toldSince(now - flapMs, now));
  if (room === 0) return null;
  const first = events[0]!.occurredAt.getTime();
  const backlog = toldSince(first - flapMs, first) >= 2;
  if (!backlog) return { include: events.slice(0, room).map((e) => e.id), fold: [] };
  return foldIntoLast(events, history);
}

/** The service's events folded into the last one, told only if it differs from what was last told. */
function foldIntoLast(events: readonly NotificationEvent[], history: readonly NotificationEvent[]): DigestPlan {
  const last = events.at(-1)!;
  // A service never told about is taken as working: a flap that ends up working tells nothing.
  const lastTold = history.at(-1)?.payload.kind ?? 'outage_recovered';
  const earlier = events.slice(0, -1).map((e) => e.id);
  return last.payload.kind === lastTold ? { include: [], fold: [...earlier, last.id] } : { include: [last.id], fold: earlier };
}
