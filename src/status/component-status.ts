import type { Impact, ServiceState } from '../domain/vocabulary.ts';
import type { Incident } from '../store/records.ts';
import { affects } from './snapshot.ts';
import type { ServiceStatusView, UnknownReason } from './views.ts';

/** Statuspage v2 component statuses, the format aggregators read. */
export const COMPONENT_STATUSES = [
  'operational',
  'under_maintenance',
  'degraded_performance',
  'partial_outage',
  'major_outage',
] as const;
export type ComponentStatus = (typeof COMPONENT_STATUSES)[number];

/** Severity order, for "worst wins": maintenance is announced and planned, so it ranks below trouble. */
const RANK: Record<ComponentStatus, number> = {
  operational: 0,
  under_maintenance: 1,
  degraded_performance: 2,
  partial_outage: 3,
  major_outage: 4,
};

/**
 * Statuspage has no "unknown". `degraded_performance` is the mildest value that is not
 * `operational`: it tells an aggregator "do not assume this works" without claiming an outage we
 * have not seen. The component's description then says why the state is unknown.
 */
const FROM_STATE: Record<ServiceState, ComponentStatus> = {
  operational: 'operational',
  degraded: 'degraded_performance',
  down: 'major_outage',
  maintenance: 'under_maintenance',
  unknown: 'degraded_performance',
};

const FROM_IMPACT: Record<Impact, ComponentStatus> = {
  degraded: 'degraded_performance',
  partial: 'partial_outage',
  major: 'major_outage',
};

export interface ComponentStatusResult {
  status: ComponentStatus;
  /** Set when the status stands for "unknown": the reason to put in the description. */
  unknownReason: UnknownReason | null;
}

/** The worse of what the probe sees and what staff declared in the open incidents affecting the service. */
export function componentStatus(view: ServiceStatusView, openIncidents: Incident[]): ComponentStatusResult {
  // Unreachable from some French locations is a partial outage; a geo-fence (abroad only) is not.
  let status = view.regional?.reason === 'unreachable_from' ? 'partial_outage' : FROM_STATE[view.state];
  for (const incident of openIncidents) {
    if (incident.status === 'resolved' || !affects(incident, view.id)) continue;
    for (const affected of incident.affected) {
      if (affected.serviceId !== view.id) continue;
      if (RANK[FROM_IMPACT[affected.impact]] > RANK[status]) status = FROM_IMPACT[affected.impact];
    }
  }
  const unknownReason = view.state === 'unknown' && status === 'degraded_performance' ? (view.unknownReason ?? 'no_data') : null;
  return { status, unknownReason };
}

export function worseComponentStatus(a: ComponentStatus, b: ComponentStatus): ComponentStatus {
  return RANK[a] >= RANK[b] ? a : b;
}
