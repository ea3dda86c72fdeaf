import type { Impact, Localized, ServiceState } from '../domain/vocabulary.ts';
import type { Incident } from '../store/records.ts';
import type { StatusSnapshot } from './views.ts';

/** What the public is told about a service, mildest first: the order "worst first" sorts by. */
export const PUBLIC_LEVELS = ['operational', 'unknown', 'maintenance', 'degraded', 'partial', 'down'] as const;
export type PublicLevel = (typeof PUBLIC_LEVELS)[number];

export interface PublicServiceState {
  id: string;
  name: Localized;
  level: PublicLevel;
  /** When the level shown began: the probe's state change, the maintenance start, or the incident start. */
  since: Date | null;
  /** Staff declared worse than the probes see. */
  declaredByStaff: boolean;
}

const FROM_STATE: Record<ServiceState, PublicLevel> = {
  operational: 'operational',
  unknown: 'unknown',
  maintenance: 'maintenance',
  degraded: 'degraded',
  down: 'down',
};
const FROM_IMPACT: Record<Impact, PublicLevel> = { degraded: 'degraded', partial: 'partial', major: 'down' };

export function levelRank(level: PublicLevel): number {
  return PUBLIC_LEVELS.indexOf(level);
}

/**
 * Each service's public state from the snapshot: the probe's view (with maintenance and staleness
 * already applied), made worse by the impact staff declared in open incidents, never better.
 */
export function publicStates(snapshot: Pick<StatusSnapshot, 'services' | 'openIncidents'>): PublicServiceState[] {
  return snapshot.services.map((view) => {
    let state: PublicServiceState = { id: view.id, name: view.name, level: FROM_STATE[view.state], since: view.since, declaredByStaff: false };
    for (const incident of snapshot.openIncidents) {
      const declared = declaredLevel(incident, view.id);
      if (!declared) continue;
      const worse = levelRank(declared) > levelRank(state.level);
      const sameButEarlier = state.declaredByStaff && declared === state.level && incident.startedAt < (state.since ?? incident.startedAt);
      if (worse || sameButEarlier) state = { ...state, level: declared, since: incident.startedAt, declaredByStaff: true };
    }
    return state;
  });
}

function declaredLevel(incident: Incident, serviceId: string): PublicLevel | null {
  if (incident.status === 'resolved') return null;
  let level: PublicLevel | null = null;
  for (const affected of incident.affected) {
    if (affected.serviceId !== serviceId) continue;
    const candidate = FROM_IMPACT[affected.impact];
    if (!level || levelRank(candidate) > levelRank(level)) level = candidate;
  }
  return level;
}
