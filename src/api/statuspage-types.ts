import type { IncidentStatus } from '../domain/vocabulary.ts';
import type { ComponentStatus } from '../status/component-status.ts';
import type { Indicator } from '../status/views.ts';

/** The Statuspage v2 public format, field for field, as status aggregators read it. */

export interface SpPage {
  id: string;
  name: string;
  url: string;
  time_zone: string;
  updated_at: string;
}

export interface SpStatus {
  indicator: Indicator;
  description: string;
}

export interface SpComponent {
  id: string;
  name: string;
  status: ComponentStatus;
  created_at: string;
  updated_at: string;
  position: number;
  description: string | null;
  showcase: boolean;
  start_date: string | null;
  group_id: string | null;
  page_id: string;
  group: boolean;
  only_show_if_degraded: boolean;
  /** Only on groups: the ids of their components. */
  components?: string[];
}

export const SP_INCIDENT_IMPACTS = ['none', 'minor', 'major', 'critical'] as const;
export type SpImpact = (typeof SP_INCIDENT_IMPACTS)[number];

export const SP_MAINTENANCE_STATUSES = ['scheduled', 'in_progress', 'verifying', 'completed'] as const;
export type SpMaintenanceStatus = (typeof SP_MAINTENANCE_STATUSES)[number];

export type SpIncidentStatus = IncidentStatus | 'postmortem';

export interface SpAffectedComponent {
  code: string;
  name: string;
  old_status: ComponentStatus;
  new_status: ComponentStatus;
}

export interface SpIncidentUpdate {
  id: string;
  status: SpIncidentStatus | SpMaintenanceStatus;
  body: string;
  incident_id: string;
  created_at: string;
  updated_at: string;
  display_at: string;
  affected_components: SpAffectedComponent[] | null;
}

export interface SpIncident {
  id: string;
  name: string;
  status: SpIncidentStatus;
  impact: SpImpact;
  created_at: string;
  updated_at: string;
  monitoring_at: string | null;
  resolved_at: string | null;
  shortlink: string;
  started_at: string;
  page_id: string;
  incident_updates: SpIncidentUpdate[];
  components: SpComponent[];
}

export interface SpMaintenance extends Omit<SpIncident, 'status'> {
  status: SpMaintenanceStatus;
  scheduled_for: string;
  scheduled_until: string;
}
