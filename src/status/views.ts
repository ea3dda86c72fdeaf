import type { CheckOutcome, Localized, PublishedState } from '../domain/vocabulary.ts';
import type { Incident, Maintenance } from '../domain/incident-records.ts';
import type { OwnPageReading } from '../domain/records.ts';
import type { UpstreamDown } from './dependencies.ts';
import type { DeadlineExtension } from '../domain/guidance.ts';
import type { Published } from './published-state.ts';
import type { LocationReading } from './location-votes.ts';
import type { QuorumVerdict } from './quorum.ts';

/**
 * What people see, computed once by pure functions from store rows. Pages, feeds and the JSON API
 * all render these shapes, so they never disagree.
 */

/** A service as people see it: its published state (`published-state.ts`) and the facts around it. */
export interface ServiceStatusView extends Published {
  id: string;
  name: Localized;
  /** What the service is, shown next to its name in lists; absent from notices, feeds and titles. */
  gloss?: Partial<Localized>;
  description: Localized | null;
  category: string;
  url: string;
  interval: number;
  lastCheckedAt: Date | null;
  lastOutcome: CheckOutcome | null;
  /** The journey step the last check failed at (1-based), or null. */
  lastStep: number | null;
  latencyMs: number | null;
  /** Maintenance windows in progress for this service. */
  maintenanceIds: string[];
  /** Unresolved incidents affecting this service. */
  incidentIds: string[];
  /** Some locations, not enough for an outage, cannot reach it (and whether only from abroad). */
  regional: QuorumVerdict['regional'];
  /** Each location's latest reading; one nameless entry when the catalogue lists no locations. */
  locations: LocationReading[];
  /** `own_page`: the state is what the service's own status page says (catalogue `upstream`), not a measurement of ours. */
  source: 'probe' | 'own_page';
  /** What its own status page says, read besides Vigie's check (catalogue `check` and `upstream`); absent otherwise. */
  ownPage?: OwnPageReading;
  /** Services this one depends on (catalogue `dependsOn`) that are down now; empty when none. */
  upstreamsDown: UpstreamDown[];
  /** Extensions staff published of this service's deadlines. */
  extensions: DeadlineExtension[];
}

export interface CategoryView {
  id: string;
  name: Localized;
  services: ServiceStatusView[];
}

/** Statuspage's page indicator vocabulary, reused for the banner. */
export const INDICATORS = ['none', 'minor', 'major', 'critical'] as const;
export type Indicator = (typeof INDICATORS)[number];

export interface OverallView {
  indicator: Indicator;
  counts: Record<PublishedState, number>;
  /** The worst published state of any service, the colour of the banner. */
  worst: PublishedState;
  /** Services some locations cannot reach while others can (counted in `degraded` too). */
  regional: number;
  /** No fresh data from any probe, or the probe reports itself offline. */
  monitoringInterrupted: boolean;
  /** Why we cannot vouch for anything, said from its real cause; null while monitoring works. */
  monitoringGap: MonitoringGap | null;
}

/**
 * Never checked anything yet; the probe doubts its own network (it is alive, its canaries fail);
 * or no fresh data reaches us (the probe is silent or its checks are too old).
 */
export const MONITORING_GAPS = ['not_started', 'probe_network', 'no_fresh_data'] as const;
export type MonitoringGap = (typeof MONITORING_GAPS)[number];

export interface StatusSnapshot {
  generatedAt: Date;
  dataVersion: number;
  /** Newest heartbeat from any probe location. */
  lastProbeAt: Date | null;
  probeOffline: boolean;
  /** Since when the web process has been rendering its last reads because the store does not answer; null when it answers. */
  storeUnreachableSince: Date | null;
  overall: OverallView;
  categories: CategoryView[];
  services: ServiceStatusView[];
  openIncidents: Incident[];
  activeMaintenances: Maintenance[];
  upcomingMaintenances: Maintenance[];
}

/** One day of one service's uptime bar (a Europe/Paris calendar day). */
export interface DayBar {
  /** YYYY-MM-DD in Europe/Paris. */
  day: string;
  start: Date;
  /** Up (operational + degraded) over monitored time, maintenance excluded; null with no data. */
  uptimePct: number | null;
  operationalSeconds: number;
  downSeconds: number;
  degradedSeconds: number;
  maintenanceSeconds: number;
  noDataSeconds: number;
  /** The worst state seen that day, or `unknown` with no data; today's includes the published state. */
  level: PublishedState;
}

export const LATENCY_RANGES = ['24h', '7d', '30d'] as const;
export type LatencyRange = (typeof LATENCY_RANGES)[number];

export interface LatencyPoint {
  start: Date;
  checks: number;
  p50Ms: number | null;
  p95Ms: number | null;
  maxMs: number | null;
}
