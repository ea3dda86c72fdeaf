import type { LocationConfig, ServiceConfig } from '../config/services-schema.ts';
import type { ProbeHeartbeat, ServiceTracking } from '../domain/records.ts';
import type { ServiceState } from '../domain/vocabulary.ts';
import type { Store } from '../store/store.ts';
import { verdictWith } from '../status/verdict-with.ts';

/**
 * The other locations as this probe last read them: their trackings and heartbeats, read for
 * every service at once every few seconds rather than on every check, so a check learns what the
 * quorum says with its new tracking without a query of its own. With fewer than two locations
 * there is nobody else to read, and the verdict is this location's own state.
 */
export interface PeerView {
  /** Several locations are listed: the view is worth refreshing. */
  readonly hasPeers: boolean;
  refresh(): Promise<void>;
  /** The state the quorum gives `service` at `at`, once `tracking` (this location's new one) is counted. */
  verdictWith(service: ServiceConfig, tracking: ServiceTracking, at: Date): ServiceState;
}

export function createPeerView(store: Pick<Store, 'listTrackings' | 'listHeartbeats'>, locations: readonly LocationConfig[]): PeerView {
  const hasPeers = locations.length > 1;
  let byService = new Map<string, ServiceTracking[]>();
  let heartbeats: ProbeHeartbeat[] = [];
  return {
    hasPeers,
    async refresh() {
      if (!hasPeers) return;
      const [trackings, beats] = await Promise.all([store.listTrackings(), store.listHeartbeats()]);
      byService = Map.groupBy(trackings, (t) => t.serviceId);
      heartbeats = beats;
    },
    verdictWith: (service, tracking, at) =>
      verdictWith(service, tracking, { trackings: byService.get(service.id) ?? [], heartbeats }, locations, at),
  };
}
