import type { AffectedService, Incident } from './incident-records.ts';
import type { Impact, IncidentStatus, PublishedState, ShownIncidentStatus } from './vocabulary.ts';

/**
 * Which services an incident affects, how much, and what that means for the published state:
 * decided here once, so the pages, feeds, API, emails and webhooks cannot list different services
 * or show a partial impact as an outage.
 *
 * An automatic incident always affects the service whose confirmed outage opened it: the probe
 * closes it when that service recovers, whatever staff wrote. Staff who take it over add services
 * or grade them (their impact then stands for a service they name, the outage's own included).
 */

/** Who said a service is affected: the probe's confirmed outage, or people (staff incidents, take-overs). */
export type ImpactSource = 'probe' | 'staff';

export interface ScopedImpact extends AffectedService {
  declaredBy: ImpactSource;
}

/** Worse impact, higher rank. */
export const IMPACT_RANK: Record<Impact, number> = { degraded: 1, partial: 2, major: 3 };

/** The published state an impact shows: partial stays partial, never down. */
export const IMPACT_STATE: Record<Impact, PublishedState> = { degraded: 'degraded', partial: 'partial', major: 'down' };

type Scoped = Pick<Incident, 'kind' | 'serviceId' | 'affected' | 'takenOverBy'>;

/** The affected services, in the order staff listed them, the automatic outage's own service first when they did not. */
export function affectedOf(incident: Scoped): ScopedImpact[] {
  const declaredBy: ImpactSource = incident.kind === 'staff' || incident.takenOverBy !== null ? 'staff' : 'probe';
  const list: ScopedImpact[] = incident.affected.map((a) => ({ serviceId: a.serviceId, impact: a.impact, declaredBy }));
  if (incident.kind === 'auto' && incident.serviceId && !list.some((a) => a.serviceId === incident.serviceId)) {
    list.unshift({ serviceId: incident.serviceId, impact: 'major', declaredBy: 'probe' });
  }
  return list;
}

export function affects(incident: Scoped, serviceId: string): boolean {
  return affectedOf(incident).some((a) => a.serviceId === serviceId);
}

/** The incident's impact on one service, or null when it does not affect it. */
export function impactOn(incident: Scoped, serviceId: string): ScopedImpact | null {
  return affectedOf(incident).find((a) => a.serviceId === serviceId) ?? null;
}

export function worseImpact(a: Impact, b: Impact): Impact {
  return IMPACT_RANK[b] > IMPACT_RANK[a] ? b : a;
}

/**
 * The state that goes with an incident: recovered once resolved, else its worst impact. One that
 * names no service still says something is wrong: degraded.
 */
export function incidentState(incident: Scoped & Pick<Incident, 'status'>): PublishedState {
  if (incident.status === 'resolved') return 'operational';
  return IMPACT_STATE[affectedOf(incident).reduce<Impact>((worst, a) => worseImpact(worst, a.impact), 'degraded')];
}

/** The status the public reads: `detected` while the incident is the probe's alone, else the one stored. */
export function shownStatus(incident: Pick<Incident, 'kind' | 'takenOverBy' | 'status'>): ShownIncidentStatus {
  return incident.kind === 'auto' && incident.takenOverBy === null && incident.status !== 'resolved' ? 'detected' : incident.status;
}

/** An update's status as the public reads it: the probe's updates before a recovery say what it detected. */
export function shownUpdateStatus(update: { author: string; status: IncidentStatus }): ShownIncidentStatus {
  return update.author === PROBE_AUTHOR && update.status !== 'resolved' ? 'detected' : update.status;
}

/** The author of the probe's own updates. */
export const PROBE_AUTHOR = 'probe';
