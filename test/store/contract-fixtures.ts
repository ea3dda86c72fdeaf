import type { CheckOutcome, ServiceState } from '../../src/domain/vocabulary.ts';
import type { OutageEvent } from '../../src/domain/records.ts';
import { rollupDeltas } from '../../src/domain/rollup.ts';
import type { Store } from '../../src/store/store.ts';
import { checkResult, RECORDS_T0, serviceTracking } from '../support/records.ts';
import { outageSeen } from '../support/records.ts';

export const T0 = RECORDS_T0;

export function at(offsetSeconds: number): Date {
  return new Date(T0.getTime() + offsetSeconds * 1000);
}

export const result = checkResult;
export const tracking = serviceTracking;

export function opened(serviceId: string, startedAt: Date): OutageEvent {
  return {
    type: 'outage_opened',
    serviceId,
    startedAt,
    observed: outageSeen(`${serviceId}.example.fr`),
  };
}

export function resolved(serviceId: string, resolvedAt: Date): OutageEvent {
  return { type: 'outage_resolved', serviceId, resolvedAt, domain: `${serviceId}.example.fr` };
}

/** Records one check the way the probe does: result, rollups from the pure function, tracking. */
export async function check(
  store: Store,
  input: {
    serviceId?: string;
    at: Date;
    outcome?: CheckOutcome;
    state?: ServiceState;
    since?: Date;
    previous?: Date | null;
    latencyMs?: number | null;
    event?: OutageEvent | null;
    openIncidentId?: string | null;
  },
): Promise<{ incidentId: string | null }> {
  const serviceId = input.serviceId ?? 'impots';
  const outcome = input.outcome ?? 'ok';
  const r = result({ serviceId, startedAt: input.at, outcome, latencyMs: input.latencyMs === undefined ? 120 : input.latencyMs });
  const state = input.state ?? 'operational';
  return store.recordCheck({
    result: r,
    tracking: tracking({
      serviceId,
      state,
      since: input.since ?? T0,
      lastCheckedAt: input.at,
      lastOutcome: outcome,
      openIncidentId: input.openIncidentId ?? null,
    }),
    rollups: rollupDeltas({ result: r, state, previousCheckedAt: input.previous ?? null, interval: 60 }),
    event: input.event ?? null,
  });
}
