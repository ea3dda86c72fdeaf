import type { ServiceConfig } from '../config/services-schema.ts';
import { OUTCOME_WEIGHT } from '../domain/vocabulary.ts';
import type { ServiceTracking } from '../store/records.ts';
import { rollupDeltas } from '../store/rollup.ts';
import type { Checker } from './check/types.ts';
import { evaluate, type Evaluation } from './evaluate.ts';
import type { MaintenanceCache } from './maintenance-cache.ts';
import type { ProbeMetrics } from './metrics.ts';
import type { SelfCheck } from './self-check.ts';
import type { WriteBuffer } from './write-buffer.ts';

/**
 * One check of one service, end to end: check → does the probe suspect itself → evaluate →
 * rollups → one atomic store write, or a place in the write buffer while the store is away. The
 * state machine keeps running on buffered results: the buffer writes them in order, with their
 * real times, when the store answers again.
 */
export interface PipelineDeps {
  writes: Pick<WriteBuffer, 'record'>;
  checker: Checker;
  selfCheck: SelfCheck;
  maintenance: MaintenanceCache;
  metrics: ProbeMetrics;
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
      inMaintenance: deps.maintenance.isActive(service.id, result.startedAt),
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
    const stored = await deps.writes.record({ result, tracking: evaluation.tracking, rollups, event: evaluation.event });
    // Buffered: the incident id of an outage opened meanwhile is learnt when the buffer writes it.
    const tracking = stored === 'buffered' ? evaluation.tracking : { ...evaluation.tracking, openIncidentId: stored.incidentId };
    trackings.set(service.id, tracking);
    lastResultAt.set(service.id, result.startedAt);
    return { ...evaluation, tracking };
  };
}
