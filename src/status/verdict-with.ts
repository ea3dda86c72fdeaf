import type { LocationConfig, ServiceConfig } from '../config/services-schema.ts';
import type { ProbeHeartbeat, ServiceTracking } from '../domain/records.ts';
import type { ServiceState } from '../domain/vocabulary.ts';
import { locationReadings } from './location-votes.ts';
import { quorumVerdict } from './quorum.ts';

/**
 * What the quorum says of a service at the moment one location has just checked it: that
 * location's new tracking counted with the latest known trackings and heartbeats of the others.
 * Each location attributes its share of the service's time to this state in the rollups, so the
 * day bars and uptime keep the verdict the page published, not an average of the locations: a
 * geo-fence is `degraded` (reachable from France) for every location, the abroad one included.
 * Pure; with one location (or none listed) the verdict is that location's own state.
 */
export interface KnownLocations {
  /** The other locations' latest trackings of the service; the checking location's own are ignored. */
  trackings: readonly ServiceTracking[];
  heartbeats: readonly ProbeHeartbeat[];
}

export function verdictWith(
  service: ServiceConfig,
  own: ServiceTracking,
  known: KnownLocations,
  locations: readonly LocationConfig[],
  at: Date,
): ServiceState {
  const others = known.trackings.filter((t) => t.location !== own.location);
  const readings = locationReadings(service, [...others, own], { locations, heartbeats: known.heartbeats, nowMs: at.getTime() });
  // The checking location has just observed the service and trusts its network (a probe-offline
  // result counts as no data whatever is said here): it votes with its new state, however old
  // the heartbeat the others last read from it.
  const votes = readings.map((r) => (r.location === own.location ? { ...r, state: own.state, voting: true } : r));
  return quorumVerdict(votes, service.detection.quorum).state;
}
