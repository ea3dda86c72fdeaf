import type { ServiceConfig } from '../config/services-schema.ts';
import { isOpen } from '../domain/service-hours.ts';
import { OUTCOME_WEIGHT, type ServiceState } from '../domain/vocabulary.ts';
import type { OutageDecider, ServiceTracking, WriteLease } from '../domain/records.ts';
import { rollupDeltas } from '../domain/rollup.ts';
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
 * real times, when the store answers again. The service's automatic incident is decided in that
 * write, from every location's tracking, whenever this location confirms a change or disagrees
 * with what it last saw of the incident. The rollups give this location's share of the time to
 * the quorum's verdict with the new tracking counted, so history says what the page said.
 */
export interface PipelineDeps {
  writes: Pick<WriteBuffer, 'record'>;
  checker: Checker;
  selfCheck: SelfCheck;
  maintenance: MaintenanceCache;
  metrics: ProbeMetrics;
  location: string;
  /** The decision on the service's automatic incident, taken at `at` (see `autoIncidentDecider`). */
  decideOutage: (service: ServiceConfig, at: Date) => OutageDecider;
  /** This location's share of the service's time in the rollups: 1 / the catalogue's locations. */
  rollupShare: number;
  /** The state the quorum gives the service at `at` once this location's new tracking counts (see `PeerView`). */
  verdictWith: (service: ServiceConfig, tracking: ServiceTracking, at: Date) => ServiceState;
  /** Aborted at shutdown: a check cut short by us says nothing about the service. */
  signal: AbortSignal;
  /**
   * Group commit: return once the result is handed to the writer, not once its batch commits, so
   * a check does not hold a concurrency slot while waiting for the database. The service's next
   * check still waits for this write before it evaluates.
   */
  detachWrites?: boolean;
  /** The lease a check starting now is made under (see `LeaseKeeper.lease`); none without leases. */
  leaseOf?: (serviceId: string) => WriteLease;
  /** The store kept a write as history only: this process's view of the service is not the store's. */
  onHistoryOnly?: (serviceId: string) => void;
}

export interface Pipeline {
  (service: ServiceConfig): Promise<Evaluation | null>;
  /** Resolves once every write handed over has committed or failed. */
  drain(): Promise<void>;
}

export function createPipeline(deps: PipelineDeps, trackings: Map<string, ServiceTracking>): Pipeline {
  const lastResultAt = new Map<string, Date>();
  const writing = new Map<string, Promise<Evaluation>>();
  const pipeline = async (service: ServiceConfig): Promise<Evaluation | null> => {
    const lease = deps.leaseOf?.(service.id) ?? null;
    const raw = await deps.checker(service, { location: deps.location, signal: deps.signal });
    if (deps.signal.aborted) return null;
    deps.selfCheck.observe(raw);
    const result = { ...raw, probeOffline: await deps.selfCheck.judge(raw) };
    if (deps.signal.aborted) return null;
    deps.metrics.observeCheck(result);
    await writing.get(service.id);
    const previous = trackings.get(service.id) ?? null;
    const evaluation = evaluate(previous, result, {
      ...service.detection,
      // Closed hours are planned like maintenance: failures open no outage and stay out of uptime.
      inMaintenance: deps.maintenance.isActive(service.id, result.startedAt) || !isOpen(service.hours, result.startedAt),
    });
    // An inconclusive result leaves the state as it was, but the time it covers was not observed.
    const inconclusive = OUTCOME_WEIGHT[result.outcome] === 'inconclusive' && evaluation.tracking.state !== 'maintenance';
    const rollups = rollupDeltas({
      result,
      state: inconclusive ? 'unknown' : deps.verdictWith(service, evaluation.tracking, result.startedAt),
      previousCheckedAt: lastResultAt.get(service.id) ?? previous?.lastCheckedAt ?? null,
      interval: service.interval,
      share: deps.rollupShare,
    });
    const event = needsDecision(evaluation) ? deps.decideOutage(service, result.startedAt) : null;
    const written = deps.writes.record({ result, tracking: evaluation.tracking, rollups, event, lease }).then((stored): Evaluation => {
      if (stored !== 'buffered' && stored.historyOnly) {
        deps.onHistoryOnly?.(service.id);
        return evaluation;
      }
      // Buffered: the incident id of an outage opened meanwhile is learnt when the buffer writes it.
      const tracking = stored === 'buffered' ? evaluation.tracking : { ...evaluation.tracking, openIncidentId: stored.incidentId };
      trackings.set(service.id, tracking);
      lastResultAt.set(service.id, result.startedAt);
      return { ...evaluation, tracking };
    });
    writing.set(service.id, written);
    void written.then(() => {
      if (writing.get(service.id) === written) writing.delete(service.id);
    });
    return deps.detachWrites ? evaluation : written;
  };
  return Object.assign(pipeline, { drain: async () => void (await Promise.all([...writing.values()])) });
}

/** A confirmed change here, or a down location that saw no incident (or an up one that saw one). */
function needsDecision(evaluation: Evaluation): boolean {
  const { tracking } = evaluation;
  return evaluation.event !== null || (tracking.state === 'down') !== (tracking.openIncidentId !== null);
}
