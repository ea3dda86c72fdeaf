import { SERVICE_STATES, type Impact, type ServiceState } from '../domain/vocabulary.ts';
import type { Incident } from '../store/records.ts';
import type { Indicator, OverallView, ServiceStatusView } from './views.ts';

const INDICATOR_RANK: Record<Indicator, number> = { none: 0, minor: 1, major: 2, critical: 3 };
const IMPACT_INDICATOR: Record<Impact, Indicator> = { degraded: 'minor', partial: 'minor', major: 'major' };

export function worseIndicator(a: Indicator, b: Indicator): Indicator {
  return INDICATOR_RANK[a] >= INDICATOR_RANK[b] ? a : b;
}

/**
 * The page indicator, defined once for the banner, the API and the badge:
 * - critical: at least a third of the services are down;
 * - major: any service down, or an open incident with major impact;
 * - minor: any service degraded or unknown, or an open incident with degraded or partial impact;
 * - none: every service is operational or in planned maintenance.
 * Unknown is never `none`: a page that cannot see must not say all is well.
 */
export function overallOf(services: ServiceStatusView[], openIncidents: Incident[], probeOffline: boolean): OverallView {
  const counts = Object.fromEntries(SERVICE_STATES.map((s) => [s, 0])) as Record<ServiceState, number>;
  for (const service of services) counts[service.state] += 1;

  let indicator: Indicator = 'none';
  if (counts.degraded > 0 || counts.unknown > 0) indicator = 'minor';
  if (counts.down > 0) indicator = 'major';
  if (services.length > 0 && counts.down * 3 >= services.length) indicator = 'critical';
  for (const incident of openIncidents) {
    for (const affected of incident.affected) indicator = worseIndicator(indicator, IMPACT_INDICATOR[affected.impact]);
  }

  const watched = services.length - counts.maintenance;
  const monitoringInterrupted = probeOffline || (watched > 0 && counts.unknown === watched);
  const regional = services.filter((s) => s.state === 'degraded' && s.regional !== null).length;
  return { indicator, counts, regional, monitoringInterrupted };
}
