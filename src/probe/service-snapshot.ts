import type { ServiceConfig } from '../config/services-schema.ts';
import { SERVICE_STATES, type CheckOutcome, type ServiceState } from '../domain/vocabulary.ts';
import type { ServiceTracking } from '../domain/records.ts';

/** What this probe currently believes about each service, for its operational API and metrics. */
export interface ServiceSnapshot {
  id: string;
  state: ServiceState;
  since: Date | null;
  lastCheckedAt: Date | null;
  lastOutcome: CheckOutcome | null;
  latencyMs: number | null;
}

export function serviceSnapshots(services: readonly ServiceConfig[], trackings: ReadonlyMap<string, ServiceTracking>): ServiceSnapshot[] {
  return services.map((service) => {
    const t = trackings.get(service.id);
    return {
      id: service.id,
      state: t?.state ?? 'unknown',
      since: t?.since ?? null,
      lastCheckedAt: t?.lastCheckedAt ?? null,
      lastOutcome: t?.lastOutcome ?? null,
      latencyMs: t?.latencyMs ?? null,
    };
  });
}

export function statesCount(snapshots: readonly ServiceSnapshot[]): Record<ServiceState, number> {
  const counts = Object.fromEntries(SERVICE_STATES.map((s) => [s, 0])) as Record<ServiceState, number>;
  for (const s of snapshots) counts[s.state] += 1;
  return counts;
}
