import type { Draft, Localized } from '../domain/vocabulary.ts';
import type { UpstreamDown } from './dependencies.ts';
import type { Incident } from '../domain/incident-records.ts';
import type { DeadlineExtension } from '../domain/guidance.ts';
import { affects, IMPACT_RANK, impactOn } from '../domain/incident-scope.ts';
import { levelRank, type PublicLevel, type PublicServiceState } from './public-states.ts';

/** A service as the overview's crisis rows show it: state, since when, and what staff say about it. */
export interface ServiceLine {
  id: string;
  name: Localized;
  level: PublicLevel;
  since: Date | null;
  declaredByStaff: boolean;
  /** Services it depends on that are down (see `dependencies.ts`). */
  upstreamsDown: UpstreamDown[];
  /** Extensions staff published of the service's deadlines. */
  extensions: DeadlineExtension[];
  /** The open incident that speaks for this service, if any. */
  incident: { id: string; title: Draft } | null;
}

const TROUBLE: ReadonlySet<PublicLevel> = new Set(['down', 'partial', 'degraded', 'maintenance']);

/** One service's line: its public state and the open incident that best explains it. */
export function serviceLine(state: PublicServiceState, openIncidents: Incident[]): ServiceLine {
  const incident = incidentFor(state.id, openIncidents);
  return { ...state, incident: incident ? { id: incident.id, title: incident.title } : null };
}

/**
 * Every service that is down, degraded, in maintenance or under an open staff incident, worst
 * first; within a level the longest-running first, then catalogue order. A service that works
 * while an upstream is down is not counted (the banner names the shared cause once); the lines of
 * those that are say it.
 */
export function affectedServices(states: PublicServiceState[], openIncidents: Incident[]): ServiceLine[] {
  const open = openIncidents.filter((i) => i.status !== 'resolved');
  return states
    .filter((s) => TROUBLE.has(s.level) || open.some((i) => i.kind === 'staff' && affects(i, s.id)))
    .map((s) => serviceLine(s, open))
    .sort((a, b) => levelRank(b.level) - levelRank(a.level) || sinceMs(a) - sinceMs(b));
}

/** Staff words before the probe's automatic notice, then the worst impact on this service, then the newest. */
function incidentFor(serviceId: string, openIncidents: Incident[]): Incident | null {
  let best: Incident | null = null;
  for (const incident of openIncidents) {
    if (incident.status === 'resolved' || !affects(incident, serviceId)) continue;
    if (!best || compare(incident, best, serviceId) < 0) best = incident;
  }
  return best;
}

function compare(a: Incident, b: Incident, serviceId: string): number {
  const staff = (i: Incident) => (i.kind === 'staff' ? 0 : 1);
  const impact = (i: Incident) => {
    const on = impactOn(i, serviceId);
    return on ? IMPACT_RANK[on.impact] : 0;
  };
  return staff(a) - staff(b) || impact(b) - impact(a) || b.startedAt.getTime() - a.startedAt.getTime();
}

function sinceMs(line: ServiceLine): number {
  return line.since?.getTime() ?? Number.MAX_SAFE_INTEGER;
}
