import type { PublishedState } from './vocabulary.ts';

/**
 * A deadline is threatened when the service citizens must use to meet it is in trouble and the
 * date falls within a week: shown next to the service, and flagged to staff, who may publish an
 * extension. A date that passed during the trouble stays threatened: that is when citizens most
 * need to know whether it moved.
 */

export const DEADLINE_THREAT_DAYS = 7;

const TROUBLED: ReadonlySet<PublishedState> = new Set(['down', 'partial', 'degraded']);

export interface ServiceTrouble {
  state: PublishedState;
  /** When the state shown began; null when unknown. */
  since: Date | null;
}

export function isDeadlineThreatened(at: Date, trouble: ServiceTrouble, now: Date): boolean {
  if (!TROUBLED.has(trouble.state)) return false;
  const from = Math.min(now.getTime(), trouble.since?.getTime() ?? now.getTime());
  const until = now.getTime() + DEADLINE_THREAT_DAYS * 86_400_000;
  return at.getTime() >= from && at.getTime() <= until;
}

export function threatenedDeadlines<D extends { at: Date }>(deadlines: readonly D[], trouble: ServiceTrouble, now: Date): D[] {
  return deadlines.filter((d) => isDeadlineThreatened(d.at, trouble, now));
}
