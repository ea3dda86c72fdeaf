import type { Impact, ServiceState } from '../domain/vocabulary.ts';
import type { AffectedService, Incident } from '../domain/records.ts';

/** Small facts pages derive from an incident, kept out of templates. */

const IMPACT_RANK: Record<Impact, number> = { degraded: 1, partial: 2, major: 3 };

/** Services an incident touches with their impact; an automatic outage's own service counts as major. */
export function affectedServices(incident: Incident): AffectedService[] {
  const list = [...incident.affected];
  if (incident.serviceId && !list.some((a) => a.serviceId === incident.serviceId)) {
    list.unshift({ serviceId: incident.serviceId, impact: 'major' });
  }
  return list;
}

/**
 * The upstream a service is affected through: an automatic incident is its own service's outage,
 * so any other service it lists was added as a dependent of it (see `root-cause.ts`).
 */
export function affectedThrough(incident: Pick<Incident, 'kind' | 'serviceId'>, serviceId: string): string | null {
  return incident.kind === 'auto' && incident.serviceId !== null && incident.serviceId !== serviceId ? incident.serviceId : null;
}

/** The state icon that goes with an incident: resolved reads as recovered, otherwise its worst impact. */
export function incidentLevel(incident: Pick<Incident, 'status'> & { affected: AffectedService[] }): ServiceState {
  if (incident.status === 'resolved') return 'operational';
  const worst = Math.max(0, ...incident.affected.map((a) => IMPACT_RANK[a.impact]));
  return worst >= 2 ? 'down' : 'degraded';
}

/** Seconds from start to resolution, or to `now` while ongoing. */
export function incidentDurationSeconds(incident: Incident, now: Date): number {
  const end = incident.resolvedAt ?? now;
  return Math.max(0, (end.getTime() - incident.startedAt.getTime()) / 1000);
}
