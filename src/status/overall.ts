import { PUBLISHED_STATES, type PublishedState } from '../domain/vocabulary.ts';
import { worsePublished } from './published-state.ts';
import type { Indicator, MonitoringGap, OverallView, ServiceStatusView } from './views.ts';

const INDICATOR_RANK: Record<Indicator, number> = { none: 0, minor: 1, major: 2, critical: 3 };

export function worseIndicator(a: Indicator, b: Indicator): Indicator {
  return INDICATOR_RANK[a] >= INDICATOR_RANK[b] ? a : b;
}

/**
 * The page indicator, from the published states (staff-declared impact included), defined once
 * for the banner, the API and the badge:
 * - critical: at least a third of the services are down;
 * - major: any service down;
 * - minor: any service degraded, partly down or unknown;
 * - none: every service is operational, in planned maintenance or closed as planned.
 * Unknown is never `none`: a page that cannot see must not say all is well.
 */
export function overallOf(services: ServiceStatusView[], probeOffline: boolean, probeDoubtsNetwork = false): OverallView {
  const counts = Object.fromEntries(PUBLISHED_STATES.map((s) => [s, 0])) as Record<PublishedState, number>;
  let worst: PublishedState = 'operational';
  for (const service of services) {
    counts[service.state] += 1;
    worst = worsePublished(worst, service.state);
  }

  let indicator: Indicator = 'none';
  if (counts.degraded > 0 || counts.partial > 0 || counts.unknown > 0) indicator = 'minor';
  if (counts.down > 0) indicator = 'major';
  if (services.length > 0 && counts.down * 3 >= services.length) indicator = 'critical';

  const monitoringGap = monitoringGapOf(services, probeOffline, probeDoubtsNetwork);
  // Regional trouble is counted apart in the banner: not an outage, and not the same as a slow service.
  const regional = services.filter((s) => s.state === 'degraded' && s.regional !== null).length;
  return { indicator, counts, worst, regional, monitoringInterrupted: monitoringGap !== null, monitoringGap };
}

function monitoringGapOf(services: ServiceStatusView[], probeOffline: boolean, probeDoubtsNetwork: boolean): MonitoringGap | null {
  const watched = services.filter((s) => s.watched);
  const blind = probeOffline || (watched.length > 0 && watched.every((s) => s.unknownReason !== null));
  if (!blind) return null;
  // Nothing was ever checked: nothing was interrupted, it has not started.
  if (services.every((s) => s.lastCheckedAt === null)) return 'not_started';
  return probeDoubtsNetwork ? 'probe_network' : 'no_fresh_data';
}
