import { checkKindOf } from '../config/service-check.ts';
import type { ServiceConfig } from '../config/services-schema.ts';
import type { ServiceTracking } from '../domain/records.ts';
import { systemClock } from './clock.ts';
import type { Evaluation } from './evaluate.ts';
import { autoIncidentDecider } from '../incidents/auto-incident.ts';
import { dependencyLinks } from '../incidents/dependency-links.ts';
import { createBackgroundTasks } from './background-tasks.ts';
import { createBlindWatch } from './blindness.ts';
import { createLeaseKeeper } from './lease-keeper.ts';
import { createLeaseWork, type LeaseWork } from './lease-work.ts';
import { pruneOld } from './housekeeping.ts';
import { ROLLUP_RETENTION_DAYS } from '../domain/rollup-retention.ts';
import { createMaintenanceCache } from './maintenance-cache.ts';
import { createProbeMetrics } from './metrics.ts';
import { createPeerView } from './peer-view.ts';
import { createPipeline } from './pipeline.ts';
import { readUpstream } from './upstream-reading.ts';
import { createScheduler } from './scheduler.ts';
import { createSelfCheck } from './self-check.ts';
import { serviceSnapshots, statesCount } from './service-snapshot.ts';
import { createSwallowedErrors } from './swallowed-errors.ts';
import { createWritePath } from './write-path.ts';

import type { CycleReport, Runner, RunnerOptions } from './runner-api.ts';

export type { CycleReport, Runner, RunnerOptions, RunnerStatus } from './runner-api.ts';

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
  const keeper = options.leases
    ? createLeaseKeeper({
        store,
        me: options.leases.me,
        serviceIds: [...services.keys()],
        leaseMs: options.leases.leaseMs,
        now: clock.now,
        ...(options.leases.maxSkewMs === undefined ? {} : { maxSkewMs: options.leases.maxSkewMs }),
      })
    : null;
  /** Another process has the service (its write was kept as history only): checked again only once taken back, tracking re-read. */
  function forget(serviceId: string): void {
    // Alone (no leases), only a result dated before the stored one is refused (a clock stepped back): memory stays.
    if (!keeper) return;
    keeper.lost(serviceId);
    trackings.delete(serviceId);
  }
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
    restoredLease: options.leases ? { holder: options.leases.me.holder, epoch: null } : null,
    onWritten: (serviceId, written, laterQueued) => {
      if (written.historyOnly) return forget(serviceId);
      const tracking = trackings.get(serviceId);
      if (tracking && !laterQueued) trackings.set(serviceId, { ...tracking, openIncidentId: written.incidentId });
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
      ...(keeper ? { leaseOf: keeper.lease, onHistoryOnly: forget } : {}),
    },
    trackings,
  );
  const leaseWork: LeaseWork | null = keeper
    ? createLeaseWork({
        keeper,
        store,
        location,
        services,
        trackings,
        runSoon: (id) => scheduler.runSoon(id),
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
  const blindWatch = createBlindWatch({
    leases: () => keeper?.view() ?? null,
    running: () => scheduler.stats().running,
    now: clock.now,
    intervalsS: catalogue.services.map((s) => s.interval),
  });

  function checkService(serviceId: string): Promise<Evaluation | null> {
    const service = services.get(serviceId);
    if (!service) return Promise.reject(new Error(`unknown service "${serviceId}"`));
    const healthyBefore = selfCheck.healthy();
    // Beside the check, never in its place: a failed write of the reading is a store write lost.
    if (service.upstream) void tasks.run('store_write', () => readUpstream({ checker, store, location, signal }, service));
    return pipeline(service).then((evaluation) => {
      if (evaluation) blindWatch.checked();
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
        // Dated by the store's clock, as the others' are: liveness is judged by one clock.
        at: keeper ? new Date(keeper.storeTime(report.at.getTime())) : report.at,
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
      blindWatch.checked();
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
    status: () => {
      const view = keeper?.view() ?? null;
      const blindNow = blindWatch.now();
      return {
        processId: options.processId,
        startedAt,
        services: serviceSnapshots(catalogue.services, trackings),
        scheduler: scheduler.stats(),
        swallowedErrors: errors.counts(),
        leasesHeld: keeper?.held() ?? null,
        lastCycle,
        probeHealthy: selfCheck.healthy() && blindNow === null,
        blind: blindNow,
        clock: view ? { skewMs: view.clockSkewMs, skewed: view.skewed } : null,
        leaseStore: view ? { state: view.store, since: view.storeSince, lastError: view.lastError } : null,
        buffer: writes.stats(),
      };
    },
    metricsText: () =>
      metrics.render({
        states: statesCount(serviceSnapshots(catalogue.services, trackings)),
        canariesHealthy: selfCheck.healthy(),
        lagP99Ms: scheduler.stats().lag.p99Ms,
        swallowed: errors.counts(),
        buffer: writes.stats(),
        blind: blindWatch.now()?.reason ?? null,
        clockSkewMs: keeper?.view().clockSkewMs ?? null,
        leaseStore: keeper?.view().store ?? null,
      }),
  };
}
