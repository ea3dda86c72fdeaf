import { checkKindOf } from '../config/service-check.ts';
import type { Catalogue, ServiceConfig } from '../config/services-schema.ts';
import type { ProbeHolder, ServiceTracking } from '../domain/records.ts';
import type { Store } from '../store/store.ts';
import type { Checker } from './check/types.ts';
import { systemClock, type ProbeClock } from './clock.ts';
import type { Evaluation } from './evaluate.ts';
import { autoIncidentDecider } from '../incidents/auto-incident.ts';
import { dependencyLinks } from '../incidents/dependency-links.ts';
import { createBackgroundTasks } from './background-tasks.ts';
import { createLeaseKeeper } from './lease-keeper.ts';
import { createLeaseWork, type LeaseWork } from './lease-work.ts';
import { pruneOld } from './housekeeping.ts';
import { ROLLUP_RETENTION_DAYS } from '../domain/rollup-retention.ts';
import { createMaintenanceCache } from './maintenance-cache.ts';
import { createProbeMetrics } from './metrics.ts';
import { createPeerView } from './peer-view.ts';
import { createPipeline } from './pipeline.ts';
import { createScheduler, type SchedulerStats } from './scheduler.ts';
import { createSelfCheck } from './self-check.ts';
import { serviceSnapshots, statesCount, type ServiceSnapshot } from './service-snapshot.ts';
import { createSwallowedErrors, type SwallowedErrorKind, type SwallowedErrors } from './swallowed-errors.ts';
import type { Spool } from './spool.ts';
import type { BufferStats } from './write-buffer.ts';
import { createWritePath } from './write-path.ts';

/**
 * The probe at work: the scheduler runs the pipeline for every service; every cycle the canaries
 * are checked and a heartbeat recorded; maintenance windows are refreshed every ~30 s, and what
 * the other locations say every few seconds when there are others; raw results older than the
 * retention window are pruned hourly.
 */
export interface RunnerOptions {
  catalogue: Catalogue;
  store: Store;
  checker: Checker;
  location: string;
  /** This run's id (`probeProcessId`): its heartbeat is kept apart from the other processes' at its location. */
  processId: string;
  version: string;
  /** The checker's User-Agent, told with each heartbeat so the site describes the probe from its own word. */
  userAgent: string;
  concurrency: number;
  perHost: number;
  retentionDays: number;
  /** How long audit rows are kept; a year unless set. */
  auditRetentionDays?: number;
  /** How long rollups are kept; five years unless set. */
  rollupRetentionDays?: number;
  clock?: ProbeClock;
  random?: () => number;
  recheckDelayMs?: number;
  cycleMs?: number;
  maintenanceRefreshMs?: number;
  /** How often the other locations' trackings and heartbeats are read (several locations only). Default 5 s. */
  peersRefreshMs?: number;
  canaryTimeoutS?: number;
  errors?: SwallowedErrors;
  /** Group commit of results (see write-batcher.ts); without it each result is its own transaction. */
  batch?: { windowMs: number; maxSize: number };
  /** Share this location's services with the other processes there (PostgreSQL leases). */
  leases?: { me: Omit<ProbeHolder, 'seenUntil'>; leaseMs: number };
  /** Results kept in memory while the store is unreachable or slow (see `write-buffer.ts`). */
  bufferCapacity?: number;
  /** A write unanswered this long makes the store "slow" and later results wait in memory. */
  slowWriteMs?: number;
  /** Where results still unwritten at shutdown are kept for the next run (see `spool.ts`). */
  spool?: Spool | null;
  /** Every scheduler lag sample, for the benchmark. */
  onLag?: (lagMs: number) => void;
  /** Certificates expiring within this many days are counted in /metrics (settings VIGIE_TLS_WARNING_DAYS). Default 14. */
  tlsWarningDays?: number;
}

export interface CycleReport {
  at: Date;
  probeHealthy: boolean;
  checks: number;
}

export interface RunnerStatus {
  /** The id its heartbeat and leases are stored under. */
  processId: string;
  startedAt: Date | null;
  services: ServiceSnapshot[];
  scheduler: SchedulerStats;
  swallowedErrors: Record<SwallowedErrorKind, number>;
  /** Services this process holds a lease on; null when it checks them all (no leases). */
  leasesHeld: number | null;
  lastCycle: CycleReport | null;
  probeHealthy: boolean;
  buffer: BufferStats;
}

export interface Runner {
  start(): Promise<void>;
  /**
   * Stops scheduling; in-flight checks get `graceMs` to finish, then are cut short and dropped.
   * Results not yet stored then get `writeMs`; what is left goes to the spool.
   */
  stop(graceMs?: number, writeMs?: number): Promise<void>;
  /** Spools every result not yet stored, at once: for a process that must exit now. Returns how many. */
  spoolNow(): number;
  /** One check of one service through the whole pipeline, as the scheduler runs it. */
  checkService(serviceId: string): Promise<Evaluation | null>;
  /** A canary round and a heartbeat. */
  cycle(): Promise<CycleReport>;
  /** Reads what the other locations say now, as the runner does every few seconds once started. */
  refreshPeers(): Promise<void>;
  status(): RunnerStatus;
  metricsText(): string;
}

const HOUR_MS = 3_600_000;

export function createRunner(options: RunnerOptions): Runner {
  const { store, catalogue } = options;
  const clock = options.clock ?? systemClock;
  const errors = options.errors ?? createSwallowedErrors({ now: clock.now });
  const kinds = new Map(catalogue.services.map((s) => [s.id, checkKindOf(s)]));
  const metrics = createProbeMetrics(options.location, {
    kindOf: (id) => kinds.get(id) ?? 'http',
    warningDays: options.tlsWarningDays ?? 14,
    now: clock.now,
  });
  const trackings = new Map<string, ServiceTracking>();
  const shutdown = new AbortController();
  const services = new Map(catalogue.services.map((s) => [s.id, s]));
  const { checker, location } = options;
  const description = { userAgent: options.userAgent, perHost: options.perHost };
  const signal = shutdown.signal;
  const selfCheck = createSelfCheck({
    canaries: catalogue.canaries,
    checker,
    location,
    clock,
    signal,
    canaryTimeoutS: options.canaryTimeoutS,
    overNetwork: (id) => kinds.get(id) !== 'heartbeat',
  });
  const maintenance = createMaintenanceCache(store);
  const links = dependencyLinks(catalogue.services);
  const decideOutage = (service: ServiceConfig, at: Date) => autoIncidentDecider(service, catalogue.locations, at, links.get(service.id));
  const writePath = createWritePath({
    store,
    clock,
    errors,
    batch: options.batch,
    capacity: options.bufferCapacity,
    slowAfterMs: options.slowWriteMs,
    spool: options.spool,
    decider: (write) => {
      const service = services.get(write.result.serviceId);
      return service ? decideOutage(service, write.result.startedAt) : null;
    },
    onWritten: (serviceId, incidentId, laterQueued) => {
      const tracking = trackings.get(serviceId);
      if (tracking && !laterQueued) trackings.set(serviceId, { ...tracking, openIncidentId: incidentId });
    },
  });
  const writes = writePath.buffer;
  const rollupShare = 1 / Math.max(1, catalogue.locations.length);
  const peers = createPeerView(store, catalogue.locations);
  const pipeline = createPipeline(
    {
      writes,
      checker,
      selfCheck,
      maintenance,
      metrics,
      location,
      signal,
      decideOutage,
      rollupShare,
      verdictWith: peers.verdictWith,
      detachWrites: Boolean(options.batch),
    },
    trackings,
  );
  const keeper = options.leases
    ? createLeaseKeeper({ store, me: options.leases.me, serviceIds: [...services.keys()], leaseMs: options.leases.leaseMs, now: clock.now })
    : null;
  const leaseWork: LeaseWork | null = keeper
    ? createLeaseWork({
        keeper,
        store,
        location,
        services,
        trackings,
        now: clock.now,
        checkNow: (id) => void tasks.run('scheduler', () => checkService(id)),
      })
    : null;
  const scheduler = createScheduler({
    jobs: catalogue.services.map((s) => ({ id: s.id, host: new URL(s.url).host, intervalMs: s.interval * 1000 })),
    run: async (job) => ({ recheck: (await checkService(job.id))?.recheck ?? false }),
    ...(leaseWork ? { skip: leaseWork.skip } : {}),
    concurrency: options.concurrency,
    perHost: options.perHost,
    clock,
    random: options.random,
    recheckDelayMs: options.recheckDelayMs,
    onLag: (lagMs) => {
      metrics.observeLag(lagMs);
      options.onLag?.(lagMs);
    },
    onError: (error, job) => errors.record('scheduler', error, job.id),
  });
  const tasks = createBackgroundTasks(clock, errors);
  let stopped = false;
  let startedAt: Date | null = null;
  let lastCycle: CycleReport | null = null;
  let checksAtLastCycle = 0;

  function checkService(serviceId: string): Promise<Evaluation | null> {
    const service = services.get(serviceId);
    if (!service) return Promise.reject(new Error(`unknown service "${serviceId}"`));
    const healthyBefore = selfCheck.healthy();
    return pipeline(service).then((evaluation) => {
      // Tell the site at once, not at the next cycle, that the probe stopped (or resumed) trusting itself.
      if (selfCheck.healthy() !== healthyBefore && !stopped) void tasks.run('heartbeat', cycle);
      return evaluation;
    });
  }

  const refreshMaintenance = () => maintenance.refresh(new Date(clock.now()));
  const prune = () =>
    pruneOld(store, clock.now(), {
      resultDays: options.retentionDays,
      rollupDays: options.rollupRetentionDays ?? ROLLUP_RETENTION_DAYS,
      auditDays: options.auditRetentionDays ?? 365,
    });

  async function cycle(): Promise<CycleReport> {
    const probeHealthy = await selfCheck.round();
    const checks = metrics.checksTotal();
    const report = { at: new Date(clock.now()), probeHealthy, checks: checks - checksAtLastCycle };
    checksAtLastCycle = checks;
    lastCycle = report;
    await store
      .recordHeartbeat({
        location: options.location,
        process: options.processId,
        at: report.at,
        canariesHealthy: probeHealthy,
        version: options.version,
        self: description,
      })
      .catch((error) => errors.record('heartbeat', error));
    return report;
  }

  return {
    async start() {
      startedAt = new Date(clock.now());
      // What an earlier run spooled is newer than what the store holds, and is written before anything new.
      for (const tracking of [...(await store.listTrackings()), ...writePath.restore()]) {
        if (tracking.location === location && services.has(tracking.serviceId)) trackings.set(tracking.serviceId, tracking);
      }
      await refreshMaintenance().catch((error) => errors.record('maintenance_refresh', error));
      if (peers.hasPeers) {
        await peers.refresh().catch((error) => errors.record('peers_refresh', error));
        tasks.every(options.peersRefreshMs ?? 5_000, 'peers_refresh', peers.refresh);
      }
      if (leaseWork && options.leases) {
        await leaseWork.refresh().catch((error) => errors.record('leases', error));
        tasks.every(options.leases.leaseMs / 3, 'leases', leaseWork.refresh);
      }
      scheduler.start();
      void tasks.run('heartbeat', cycle);
      void tasks.run('prune', prune);
      tasks.every(options.maintenanceRefreshMs ?? 30_000, 'maintenance_refresh', refreshMaintenance);
      tasks.every(options.cycleMs ?? 60_000, 'heartbeat', cycle);
      tasks.every(HOUR_MS, 'prune', prune);
    },
    async stop(graceMs = 8_000, writeMs = 3_000) {
      stopped = true;
      tasks.cancelTimers();
      const drained = scheduler.stop();
      let cut: unknown;
      const graceOver = new Promise<void>((resolve) => (cut = clock.setTimeout(resolve, graceMs)));
      await Promise.race([drained, graceOver]);
      clock.clearTimeout(cut);
      shutdown.abort();
      await drained;
      await tasks.settled();
      await pipeline.drain();
      // What the store does not take within `writeMs` goes to the spool, for the next run.
      await writePath.shutdown(clock.now() + writeMs);
    },
    spoolNow: writePath.spoolNow,
    checkService,
    cycle,
    refreshPeers: peers.refresh,
    status: () => ({
      processId: options.processId,
      startedAt,
      services: serviceSnapshots(catalogue.services, trackings),
      scheduler: scheduler.stats(),
      swallowedErrors: errors.counts(),
      leasesHeld: keeper?.held() ?? null,
      lastCycle,
      probeHealthy: selfCheck.healthy(),
      buffer: writes.stats(),
    }),
    metricsText: () =>
      metrics.render({
        states: statesCount(serviceSnapshots(catalogue.services, trackings)),
        canariesHealthy: selfCheck.healthy(),
        lagP99Ms: scheduler.stats().lag.p99Ms,
        swallowed: errors.counts(),
        buffer: writes.stats(),
      }),
  };
}
