import type { PublishedState } from '../domain/vocabulary.ts';
import type { UnknownReason } from './published-state.ts';
import type { ServiceStatusView } from './views.ts';

/** Statuspage v2 component statuses, the format aggregators read. */
export const COMPONENT_STATUSES = ['operational', 'under_maintenance', 'degraded_performance', 'partial_outage', 'major_outage'] as const;
export type ComponentStatus = (typeof COMPONENT_STATUSES)[number];

/** Severity order, for "worst wins" over a group: maintenance is planned, so it ranks below trouble. */
const RANK: Record<ComponentStatus, number> = {
  operational: 0,
  under_maintenance: 1,
  degraded_performance: 2,
  partial_outage: 3,
  major_outage: 4,
};

/**
 * The published state in Statuspage's words. Statuspage has no "unknown": `degraded_performance`
 * is the mildest value that is not `operational`, telling an aggregator "do not assume this works"
 * without claiming an outage we have not seen; the description then says why. A service closed as
 * planned is not in trouble, and Statuspage's nearest word for planned unavailability is maintenance.
 */
const FROM_PUBLISHED: Record<PublishedState, ComponentStatus> = {
  operational: 'operational',
  degraded: 'degraded_performance',
  partial: 'partial_outage',
  down: 'major_outage',
  maintenance: 'under_maintenance',
  closed: 'under_maintenance',
  unknown: 'degraded_performance',
};

export interface ComponentStatusResult {
  status: ComponentStatus;
  /** Set when the status stands for "unknown": the reason to put in the description. */
  unknownReason: UnknownReason | null;
}

export function componentStatus(view: Pick<ServiceStatusView, 'state' | 'unknownReason'>): ComponentStatusResult {
  return {
    status: FROM_PUBLISHED[view.state],
    unknownReason: view.state === 'unknown' ? (view.unknownReason ?? 'no_data') : null,
  };
}

export function worseComponentStatus(a: ComponentStatus, b: ComponentStatus): ComponentStatus {
  return RANK[a] >= RANK[b] ? a : b;
}
