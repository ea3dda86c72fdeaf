import type { CheckKind, CheckOutcome, Draft, Localized, ServiceState } from './vocabulary.ts';

/** Re-exported for store.ts, which takes staff text types from here. */
export type { Draft };

/** One check, as the checker measured it. A failed check is data, never an exception. */
export interface CheckResult {
  serviceId: string;
  /** The probe's vantage point (settings VIGIE_LOCATION). */
  location: string;
  startedAt: Date;
  outcome: CheckOutcome;
  latencyMs: number | null;
  httpStatus: number | null;
  /** Where redirects ended, when they did. */
  finalUrl: string | null;
  tlsExpiresAt: Date | null;
  /** Who signed the certificate; absent or null when no certificate was read. */
  tlsIssuer?: string | null;
  /** The journey step (1-based) that failed; absent or null for other checks and for a journey that passed. */
  step?: number | null;
  /** Short, technical, never shown to citizens. */
  detail: string | null;
  /** The probe's canaries were failing too: this result says nothing about the service. */
  probeOffline: boolean;
}

/** How many failed checks of one outcome a location saw in a window, and when the first and last were. */
/** What a service's own status page last said, read besides Vigie's own check (catalogue `check` and `upstream`). */
export interface UpstreamReading {
  serviceId: string;
  /** `ok` or one of the `upstream_*` outcomes of a Statuspage reading. */
  outcome: CheckOutcome;
  checkedAt: Date;
}

/** A service's own status page's word, beside Vigie's measurement: `unknown` when unread for too long. */
export interface OwnPageReading {
  state: 'operational' | 'degraded' | 'down' | 'maintenance' | 'unknown';
  checkedAt: Date;
}

export interface FailureTally {
  location: string;
  outcome: CheckOutcome;
  count: number;
  first: Date;
  last: Date;
}

/**
 * The evaluator's memory of one service at one location; persisted so a restart neither loses nor
 * replays confirmation. Each location confirms on its own; the quorum reads them all.
 */
export interface ServiceTracking {
  serviceId: string;
  /** The vantage point whose checks this tracking follows (settings VIGIE_LOCATION). */
  location: string;
  state: ServiceState;
  since: Date;
  failureStreak: number;
  successStreak: number;
  /** First failure of the current run of failures: the outage's start once confirmed. */
  failureRunStartedAt: Date | null;
  lastCheckedAt: Date | null;
  lastOutcome: CheckOutcome | null;
  latencyMs: number | null;
  /** Id of the service's open automatic incident when this location last took part in deciding it. */
  openIncidentId: string | null;
  /** The journey step the last check failed at (1-based); absent or null otherwise. */
  lastStep?: number | null;
  /** The last certificate seen, kept through checks that read none (a timeout), for the expiry warning. */
  tlsExpiresAt?: Date | null;
  tlsIssuer?: string | null;
  /** This location's first check of the service: a state starting then was found, not seen to begin. */
  firstCheckedAt?: Date | null;
}

/**
 * What the probes saw when they confirmed an outage: facts, no words. The read side words them
 * from the dictionaries (`i18n/probe-words.ts`), so a wording fix reaches past incidents too.
 */
export interface OutageObservation {
  /** The witnesses' last outcome, and the kind of check that had it. */
  outcome: CheckOutcome;
  checkKind: CheckKind;
  /** For a journey: the step that failed (1-based) and its name in the catalogue then. */
  step: { number: number; name: Localized } | null;
  /** The host citizens know the service by (`senat.fr`): written where a name would need an article. */
  domain: string;
  /** Names of the locations that confirmed it, when the catalogue lists locations. */
  locations: Localized[];
}

/** What an update of an automatic incident records instead of prose. */
export type ProbeObservation = ({ type: 'outage' } & OutageObservation) | { type: 'recovery'; domain: string };

/** What to do with the service's automatic incident, for the store to persist atomically with the result. */
export type OutageEvent =
  | {
      type: 'outage_opened';
      serviceId: string;
      startedAt: Date;
      observed: OutageObservation;
      /** Services that depend on this one (catalogue `dependsOn`): their subscribers are told this story, once. */
      dependents?: string[];
    }
  | { type: 'outage_resolved'; serviceId: string; resolvedAt: Date; domain: string; dependents?: string[] }
  /** A dependent that is down while its upstream's automatic incident is open: listed in that root incident, none of its own. */
  | { type: 'outage_joined'; serviceId: string; rootIncidentId: string };

/** What the store reads, for a dependent's decision, of one service it depends on. */
export interface UpstreamFacts {
  serviceId: string;
  trackings: ServiceTracking[];
  openIncident: { id: string; startedAt: Date } | null;
}

/** What every location currently says about one service, read under that service's lock. */
export interface OutageFacts {
  serviceId: string;
  /** Every location's tracking, this check's included. */
  trackings: ServiceTracking[];
  heartbeats: ProbeHeartbeat[];
  openIncident: { id: string; startedAt: Date } | null;
  /** The services it depends on (the decider's `upstreamIds`), read in the same transaction; empty when none. */
  upstreams?: UpstreamFacts[];
  /** When the service's last automatic incident was resolved: a later decision cannot reopen a time it covered. */
  lastResolvedAt?: Date | null;
}

/**
 * Decides the automatic incident from the facts (pure, written outside the store): run inside the
 * transaction that holds the service's lock, so probes writing at the same instant decide in turn.
 */
export type OutageDecider = ((facts: OutageFacts) => OutageEvent | null) & {
  /** Services whose trackings and open automatic incident the decision needs (a dependent's upstreams). */
  upstreamIds?: readonly string[];
};

export const ROLLUP_GRANULARITIES = ['hour', 'day', 'month'] as const;
export type RollupGranularity = (typeof ROLLUP_GRANULARITIES)[number];

/** Upper bounds (ms) of the latency histogram buckets; one more bucket counts everything above. */
export const LATENCY_BUCKETS_MS = [50, 100, 200, 300, 500, 750, 1000, 1500, 2000, 3000, 5000, 7500, 10_000, 15_000, 30_000] as const;

/**
 * Aggregates for one service over one hour (UTC), one day or one month (Europe/Paris calendar).
 * Every field is additive, so a delta can be applied with one UPSERT.
 */
export interface Rollup {
  serviceId: string;
  granularity: RollupGranularity;
  bucketStart: Date;
  checks: number;
  failures: number;
  /** Seconds of the bucket spent in each state; the rest of the bucket had no data. */
  seconds: Record<ServiceState, number>;
  latencyCount: number;
  latencySumMs: number;
  latencyMaxMs: number;
  /** LATENCY_BUCKETS_MS.length + 1 counts. */
  latencyHistogram: number[];
}

export type RollupDelta = Rollup;

/** One probe process's last word; kept per (location, process), so processes at one location never overwrite each other. */
export interface ProbeHeartbeat {
  location: string;
  /** The process that wrote it (see `src/probe/process-id.ts`); "legacy" for the row a location had before heartbeats were per process. */
  process: string;
  at: Date;
  /** Canaries reachable: false means the probe suspects its own network. */
  canariesHealthy: boolean;
  version: string;
  /** What the probe tells the services it checks about itself; absent from heartbeats written before probes said it. */
  self?: ProbeSelfDescription;
}

/** What the "about the probes" page states from each probe's own word. */
export interface ProbeSelfDescription {
  userAgent: string;
  /** Requests at a time to one site, at most. */
  perHost: number;
}

/** A running probe process, known to the others (leases) and to a second one on a SQLite file (refused). */
export interface ProbeHolder {
  /** One per process run: the same id names its heartbeat (see `src/probe/process-id.ts`). */
  holder: string;
  location: string;
  host: string;
  pid: number;
  /** Renewed while the process lives; past it, the process is presumed dead. */
  seenUntil: Date;
}

/** What a lease claim leaves a process holding. */
export interface LeaseClaimed {
  /** Every service the holder now holds, sorted. */
  held: string[];
  /** The fencing epoch of each lease held: its writes carry it (see `WriteLease`). */
  epochs: Record<string, number>;
  /** Services of the location that nobody holds after this claim (free, or expired at `now`). */
  unheld: number;
  /**
   * Services just taken that another process had held, with when it gave them back or its lease
   * ran out: its last check of them may have started until then and not be stored yet.
   */
  handedOver: { serviceId: string; freedAt: Date }[];
}

/**
 * The lease a check was made under, carried by its write. The store keeps the write as history
 * only (the result, nothing else) unless the lease row still has this epoch and is held by this
 * holder or by nobody since (given back, not yet taken). A null epoch (a write spooled by an
 * earlier run) passes unless another holder has the service.
 */
export interface WriteLease {
  holder: string;
  epoch: number | null;
}

/** What the store did with a check's write. */
export interface CheckWritten {
  /** The service's open automatic incident at this location after the write. */
  incidentId: string | null;
  /**
   * The result was kept as history and nothing else: made under a lease another process now holds,
   * or older than what the location's tracking already says. No tracking, rollup or incident moved.
   */
  historyOnly?: true;
}

export interface Page<T> {
  items: T[];
  total: number;
}
