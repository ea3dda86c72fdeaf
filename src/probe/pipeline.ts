import type { ServiceConfig } from '../config/services-schema.ts';
import { isOpen } from '../domain/service-hours.ts';
import { OUTCOME_WEIGHT } from '../domain/vocabulary.ts';
import type { ServiceTracking } from '../store/records.ts';
import { rollupDeltas } from '../store/rollup.ts';
import type { Store } from '../store/store.ts';
import type { Checker } from './check/types.ts';
import { evaluate, type Evaluation } from './evaluate.ts';
import type { MaintenanceCache } from './maintenance-cache.ts';
import type { ProbeMetrics } from './metrics.ts';
import type { SelfCheck } from './self-check.ts';
import type { SwallowedErrors } from './swallowed-errors.ts';

/**
 * One check of one service, end to end: check → does the probe suspect itself → evaluate →
 * rollups → one atomic store write. The in-memory tracking only advances once the store has it,
 * so a failed write is re-derived by the next check instead of leaving memory and database apart.
 */
export interface PipelineDeps {
  store: Pick<Store, 'recordCheck'>;
  checker: Checker;
  selfCheck: SelfCheck;
  maintenance: MaintenanceCache;
  metrics: ProbeMetrics;
  errors: SwallowedErrors;
  location: string;
  /** Aborted at shutdown: a check cut short by us says nothing about the service. */
  signal: AbortSignal;
}

export type CheckService = (service: ServiceConfig) => Promise<Evaluation | null>;

export function createPipeline(deps: PipelineDeps, trackings: Map<string, ServiceTracking>): CheckService {
  const lastResultAt = new Map<string, Date>();
  return async (service) => {
    const raw = await deps.checker(service, { location: deps.location, signal: deps.signal });
    if (deps.signal.aborted) return null;
    deps.selfCheck.observe(raw);
    const result = { ...raw, probeOffline: await deps.selfCheck.judge(raw) };
    if (deps.signal.aborted) return null;
    deps.metrics.observeCheck(result);
    const previous = trackings.get(service.id) ?? null;
    const evaluation = evaluate(previous, result, {
      ...service.detection,
      // Closed hours are planned like maintenance: failures open no outage and stay out of uptime.
      inMaintenance: deps.maintenance.isActive(service.id, result.startedAt) || !isOpen(service.hours, result.startedAt),
      serviceName: service.name,
    });
    // An inconclusive result leaves the state as it was, but the time it covers was not observed.
    const inconclusive = OUTCOME_WEIGHT[result.outcome] === 'inconclusive' && evaluation.tracking.state !== 'maintenance';
    const rollups = rollupDeltas({
      result,
      state: inconclusive ? 'unknown' : evaluation.tracking.state,
      previousCheckedAt: lastResultAt.get(service.id) ?? previous?.lastCheckedAt ?? null,
      interval: service.interval,
    });
    try {
      const { incidentId } = await deps.store.recordCheck({ result, tracking: evaluation.tracking, rollups, event: evaluation.event });
      const tracking = { ...evaluation.tracking, openIncidentId: incidentId };
      trackings.set(service.id, tracking);
      lastResultAt.set(service.id, result.startedAt);
      return { ...evaluation, tracking };
    } catch (error) {
      deps.errors.record('store_write', error, `result of ${service.id} at ${result.startedAt.toISOString()} not saved`);
      return { tracking: previous ?? evaluation.tracking, event: null, recheck: true };
    }
  };
}
