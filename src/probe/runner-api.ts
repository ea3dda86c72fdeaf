import type { Catalogue } from '../config/services-schema.ts';
import type { ProbeHolder } from '../domain/records.ts';
import type { Store } from '../store/store.ts';
import type { BlindReason } from './blindness.ts';
import type { Checker } from './check/types.ts';
import type { ProbeClock } from './clock.ts';
import type { LeaseStoreState } from './lease-keeper.ts';
import type { Evaluation } from './evaluate.ts';
import type { SchedulerStats } from './scheduler.ts';
import type { ServiceSnapshot } from './service-snapshot.ts';
import type { SwallowedErrorKind, SwallowedErrors } from './swallowed-errors.ts';
import type { Spool } from './spool.ts';
import type { BufferStats } from './write-buffer.ts';

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
  leases?: { me: Omit<ProbeHolder, 'seenUntil'>; leaseMs: number; maxSkewMs?: number };
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
  /** The canaries answer and the probe is not blind. */
  probeHealthy: boolean;
  /** Why the probe checks nothing, since when; null while it checks (see `blindness.ts`). */
  blind: { reason: BlindReason; since: Date } | null;
  /** The store's clock minus this process's, and whether that is past the bound; null without leases. */
  clock: { skewMs: number | null; skewed: boolean } | null;
  /** How lease renewals reach the store ("slow": past a deadline); null without leases. */
  leaseStore: { state: LeaseStoreState; since: Date | null; lastError: string | null } | null;
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
