import { worseImpact } from '../domain/incident-scope.ts';
import { isUpdateLate, nextUpdateDue, type NextUpdateDelays } from '../domain/next-update.ts';
import type { Impact } from '../domain/vocabulary.ts';
import type { IncidentView } from './incident-view.ts';

/** When citizens will hear more about an open incident, and whether that time has passed with no word. */
export interface NextUpdateView {
  due: Date;
  late: boolean;
}

/**
 * From the incident view (its affected services and impacts decided once, the automatic outage's
 * own service included): null for a resolved incident, or one with neither a promised time nor an
 * impact to default from.
 */
export function nextUpdateView(
  incident: Pick<IncidentView, 'status' | 'resolvedAt' | 'affected' | 'updates'>,
  delays: NextUpdateDelays,
  now: Date,
): NextUpdateView | null {
  const latest = incident.updates.filter((u) => u.createdAt.getTime() <= now.getTime()).at(-1);
  if (!latest) return null;
  const impact = incident.affected.reduce<Impact | null>((worst, a) => (worst ? worseImpact(worst, a.impact) : a.impact), null);
  const resolved = incident.status === 'resolved' || incident.resolvedAt !== null;
  const due = nextUpdateDue({ at: latest.createdAt, nextUpdateAt: latest.nextUpdateAt }, { resolved, impact }, delays);
  return due ? { due, late: isUpdateLate(due, now) } : null;
}
