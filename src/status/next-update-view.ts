import type { Incident } from '../domain/records.ts';
import { isUpdateLate, nextUpdateDue, type NextUpdateDelays } from '../domain/next-update.ts';
import type { Impact } from '../domain/vocabulary.ts';

/** When citizens will hear more about an open incident, and whether that time has passed with no word. */
export interface NextUpdateView {
  due: Date;
  late: boolean;
}

const RANK: Record<Impact, number> = { degraded: 1, partial: 2, major: 3 };

/** The worst impact an incident declares; an automatic outage's own service counts as major. */
function worstImpact(incident: Pick<Incident, 'kind' | 'serviceId' | 'affected'>): Impact | null {
  const impacts: Impact[] = incident.affected.map((a) => a.impact);
  if (incident.kind === 'auto' && incident.serviceId) impacts.push('major');
  return impacts.reduce<Impact | null>((worst, i) => (worst === null || RANK[i] > RANK[worst] ? i : worst), null);
}

/** Null for a resolved incident, or one with neither a promised time nor an impact to default from. */
export function nextUpdateView(incident: Incident, delays: NextUpdateDelays, now: Date): NextUpdateView | null {
  const latest = incident.updates.filter((u) => u.createdAt.getTime() <= now.getTime()).at(-1);
  if (!latest) return null;
  const due = nextUpdateDue(
    { at: latest.createdAt, nextUpdateAt: latest.nextUpdateAt },
    { resolved: incident.status === 'resolved', impact: worstImpact(incident) },
    delays,
  );
  return due ? { due, late: isUpdateLate(due, now) } : null;
}
