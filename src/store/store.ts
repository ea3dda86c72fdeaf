import type { DeadlineExtension } from '../domain/guidance.ts';
import type { CheckOutcome } from '../domain/vocabulary.ts';
import type {
  CheckResult,
  FailureTally,
  OutageDecider,
  OutageEvent,
  Page,
  ProbeHeartbeat,
  ProbeHolder,
  Rollup,
  RollupDelta,
  RollupGranularity,
  ServiceTracking,
  Draft,
  LeaseClaimed,
  CheckWritten,
  UpstreamReading,
  WriteLease,
} from '../domain/records.ts';
import type { Incident, IncidentUpdate, Maintenance, NewIncident, NewIncidentUpdate, NewMaintenance } from '../domain/incident-records.ts';
import type { AuditEntry, NewAuditEntry, StaffAccount, StaffSession } from '../domain/staff-records.ts';
import type { IncidentTemplate } from '../domain/templates.ts';
import type { TimelineRows } from '../domain/timeline-records.ts';
import type { AuditAction } from '../domain/vocabulary.ts';
import type { LeaseClaim } from './sql/leases.ts';
import type { SubscriptionStore } from './subscription-store.ts';

export interface CatalogueEdits {
  /** Every service id the catalogue lists now. */
  serviceIds: readonly string[];
  /** Ids a service had before (`formerIds`): what was stored under `from` now belongs to `to`. */
  renames: readonly { from: string; to: string }[];
  at: Date;
}

export interface CatalogueEditsApplied {
  /** Former ids whose history moved to their new id. */
  renamed: string[];
  /** Automatic incidents closed because their service is no longer monitored (or lives on under a new id). */
  resolved: string[];
}

/**
 * Everything Vigie persists. Two implementations (node:sqlite, PostgreSQL) are proved against one
 * contract suite. The store persists what callers decided; it decides nothing about the domain.
 * Writes that meet a busy database wait and retry; they never drop an acknowledged result.
 */
export interface Store {
  readonly backend: 'sqlite' | 'postgres';

  /** Cheap round trip, for readiness. */
  ping(): Promise<void>;
  close(): Promise<void>;
  /** The store's clock (PostgreSQL `now()`; SQLite's is this host's), by which leases and heartbeats are judged. */
  now(): Promise<Date>;

  /**
   * Bumped by every write that changes what the public sees (a state change, an incident,
   * a maintenance, a heartbeat changing canary health). Pages are cached per version.
   */
  dataVersion(): Promise<number>;

  /** Subscribers, the notification outbox and deliveries (`src/store/sql/subscriptions/`). */
  readonly subscriptions: SubscriptionStore;

  // ── checks ────────────────────────────────────────────────────────────────
  /**
   * Atomically: insert the result, add the rollup deltas, save the tracking (per service and
   * location), and apply the event. A decider is run under the service's lock with every location's
   * tracking, the heartbeats and the open automatic incident, so probes reporting at once decide in
   * turn. `outage_opened` creates the automatic incident unless one is already open for that service
   * (a unique index guarantees one, across restarts and overlapping probes); its id is written to
   * the tracking. `outage_resolved` resolves the open one with a final update.
   * A write made under a lease its writer no longer holds, or older than the location's tracking,
   * stores its result as history and nothing else (`historyOnly`, see `sql/write-fence.ts`).
   */
  recordCheck(input: {
    result: CheckResult;
    tracking: ServiceTracking;
    rollups: RollupDelta[];
    event: OutageEvent | OutageDecider | null;
    lease?: WriteLease | null;
  }): Promise<CheckWritten>;
  /**
   * Several checks in one transaction (group commit), as `recordCheck` does each: every one is
   * stored or none is. Returns each one's outcome, in order.
   */
  recordChecks(inputs: readonly Parameters<Store['recordCheck']>[0][]): Promise<CheckWritten[]>;
  /** Every (service, location) tracking, by service then location. */
  listTrackings(): Promise<ServiceTracking[]>;
  /** Newest first. */
  listResults(serviceId: string, options: { since?: Date; limit: number }): Promise<CheckResult[]>;
  /** Results of one service in [from, to), oldest first. */
  listResultsBetween(options: { serviceId: string; from: Date; to: Date }): Promise<CheckResult[]>;
  /** Services with a result in [from, to), sorted. */
  listResultServices(options: { from: Date; to: Date }): Promise<string[]>;
  /** Failed checks of a service in [from, to] per location and outcome, probe-offline results left out. */
  tallyFailures(options: { serviceId: string; from: Date; to: Date; outcomes: readonly CheckOutcome[] }): Promise<FailureTally[]>;
  /** Ordered by bucketStart ascending. */
  listRollups(options: { granularity: RollupGranularity; from: Date; to: Date; serviceId?: string }): Promise<Rollup[]>;
  /** Each service's buckets in [from, to) added up, one rollup per service dated `from`, by service. */
  sumRollups(options: { granularity: RollupGranularity; from: Date; to: Date }): Promise<Rollup[]>;
  /** The first and last bucket start of a granularity, or null when none is stored. */
  rollupSpan(granularity: RollupGranularity): Promise<{ first: Date; last: Date } | null>;
  /** Deletes rollup buckets that began before `before` (their retention). Returns rows deleted. */
  pruneRollups(before: Date): Promise<number>;
  /** Deletes raw results older than `before`; rollups are kept. Returns rows deleted. */
  pruneResults(before: Date): Promise<number>;

  /** Inserts or replaces the process's heartbeat: one row per (location, process). */
  recordHeartbeat(heartbeat: ProbeHeartbeat): Promise<void>;
  /** Every process's last heartbeat, by location then process. */
  listHeartbeats(): Promise<ProbeHeartbeat[]>;
  /** Deletes heartbeats older than `before`, except each location's newest. Returns rows deleted. */
  pruneHeartbeats(before: Date): Promise<number>;

  /** A heartbeat a service pushed (a `heartbeat` check); an older beat than the one stored changes nothing. */
  recordServiceBeat(serviceId: string, at: Date): Promise<void>;
  /** The service's latest pushed heartbeat, or null when it never pushed one. */
  lastServiceBeat(serviceId: string): Promise<Date | null>;
  /** Keeps what a service's own status page said, beside Vigie's measurement (catalogue `check` and `upstream`). */
  recordUpstreamReading(reading: UpstreamReading): Promise<void>;
  /** Each service's latest own-page reading, by service. */
  listUpstreamReadings(): Promise<UpstreamReading[]>;

  /** Records a deadline's extension (replacing an earlier one of the same deadline); moves the data version. */
  saveDeadlineExtension(extension: DeadlineExtension): Promise<void>;
  /** Every published extension; few, so read whole with the snapshot. */
  listDeadlineExtensions(): Promise<DeadlineExtension[]>;
  /**
   * What a new catalogue means for what is stored (see `sql/catalogue-edits.ts`): renamed services
   * keep their history under their new id; an automatic incident of a service no longer listed is
   * resolved, with its reason. Idempotent: every probe runs it at start.
   */
  applyCatalogueEdits(edits: CatalogueEdits): Promise<CatalogueEditsApplied>;

  // ── probe processes and their leases ─────────────────────────────────────
  /** Inserts the process, or renews its `seenUntil`. */
  saveProbeHolder(holder: ProbeHolder): Promise<void>;
  listProbeHolders(): Promise<ProbeHolder[]>;
  /** Removes the process and frees its leases. */
  deleteProbeHolder(holder: string, at: Date): Promise<void>;
  /** Makes sure every listed service has a lease row at the location (free, never held, until claimed). */
  seedLeases(location: string, serviceIds: readonly string[]): Promise<void>;
  /**
   * In one transaction: renews the holder's leases until `until`, frees those beyond `want` (those
   * in `release` first, dated `now`), and claims free or expired ones up to `want` (rows another
   * claimer has locked are skipped, not waited for). Returns the service ids the holder now holds,
   * and those just taken that a live process had given back, with when.
   */
  claimLeases(claim: LeaseClaim): Promise<LeaseClaimed>;

  // ── incidents ─────────────────────────────────────────────────────────────
  createIncident(input: NewIncident): Promise<Incident>;
  /** Adds an update; sets the incident's status (and resolvedAt when `resolved`). */
  addIncidentUpdate(incidentId: string, input: NewIncidentUpdate): Promise<Incident>;
  /** Replaces an update's body, keeping the previous one in its history. */
  editIncidentUpdate(updateId: string, input: { body: Draft; editor: string; at: Date }): Promise<Incident>;
  getIncident(id: string): Promise<Incident | null>;
  getIncidentUpdate(id: string): Promise<IncidentUpdate | null>;
  /** Newest first (by startedAt). `open`: unresolved only; `resolved`: resolved only. */
  listIncidents(options: {
    state?: 'open' | 'resolved' | 'all';
    serviceId?: string;
    limit: number;
    offset?: number;
  }): Promise<Page<Incident>>;

  // ── maintenance ───────────────────────────────────────────────────────────
  createMaintenance(input: NewMaintenance): Promise<Maintenance>;
  updateMaintenance(
    id: string,
    patch: Partial<Pick<Maintenance, 'title' | 'body' | 'serviceIds' | 'startsAt' | 'endsAt'>> & { at: Date },
  ): Promise<Maintenance>;
  cancelMaintenance(id: string, at: Date): Promise<Maintenance>;
  getMaintenance(id: string): Promise<Maintenance | null>;
  /** Not cancelled, ending after `endsAfter`; ordered by startsAt. */
  listMaintenances(options: { endsAfter: Date; startsBefore?: Date; includeCancelled?: boolean; limit: number }): Promise<Maintenance[]>;

  // ── staff ─────────────────────────────────────────────────────────────────
  /** Fails with StoreConflictError when the email is taken (case-insensitive). */
  createStaff(input: { email: string; passwordHash: string; at: Date }): Promise<StaffAccount>;
  getStaffByEmail(email: string): Promise<StaffAccount | null>;
  getStaffById(id: string): Promise<StaffAccount | null>;
  listStaff(): Promise<StaffAccount[]>;
  updateStaff(
    id: string,
    patch: Partial<Pick<StaffAccount, 'passwordHash' | 'totpSecret' | 'disabled' | 'credentialsChangedAt'>>,
  ): Promise<StaffAccount>;
  /** Accepts a TOTP time step only if it is newer than the last one accepted (atomic). */
  claimTotpStep(staffId: string, step: number): Promise<boolean>;

  createSession(session: StaffSession): Promise<void>;
  getSession(idHash: string): Promise<StaffSession | null>;
  touchSession(idHash: string, at: Date): Promise<void>;
  deleteSession(idHash: string): Promise<void>;
  deleteStaffSessions(staffId: string): Promise<number>;

  /**
   * Login throttling: failures per key (an account, an address) within a window. Every attempt is
   * first reserved as a failure under each of its keys, committed before the caller counts, so
   * attempts sent at once see each other; a throttled or successful attempt releases its own rows.
   */
  reserveLoginAttempt(keys: readonly string[], at: Date): Promise<string>;
  releaseLoginAttempt(attempt: string, keys: readonly string[]): Promise<void>;
  /** Dates a failed attempt's rows at its failure (delays run from the latest failure, not from when it began). */
  stampLoginAttempt(attempt: string, at: Date): Promise<void>;
  countLoginFailures(key: string, since: Date): Promise<number>;
  clearLoginFailures(key: string): Promise<void>;
  /** Deletes failures older than `before` (past the throttle window). Returns rows deleted. */
  pruneLoginFailures(before: Date): Promise<number>;

  /** An audit row that records an event, not a change (a sign-in). Kept until the retention prunes it. */
  appendAudit(entry: NewAuditEntry): Promise<AuditEntry>;
  /**
   * Runs `write` (any store writes) and appends the audit row made from its result, all in one
   * transaction: the change and its record land together or not at all.
   */
  audited<T>(write: (store: Store) => Promise<T>, entry: (written: T) => NewAuditEntry): Promise<T>;
  /** Deletes audit rows older than `before`. Returns rows deleted. */
  pruneAudit(before: Date): Promise<number>;
  /** Newest first. */
  listAudit(options: { limit: number; offset?: number }): Promise<Page<AuditEntry>>;

  /**
   * What happened in [from, to), oldest first, at most `limit` rows of each kind: the state changes
   * every location's tracking made, incident updates, and the audit rows of `staffActions` (action
   * and target only, never who or from where).
   */
  readTimeline(options: { from: Date; to: Date; limit: number; staffActions: readonly AuditAction[] }): Promise<TimelineRows>;
  /** Deletes state changes older than `before` (the rollups' retention: the timeline is a historical record). Returns rows deleted. */
  pruneStateChanges(before: Date): Promise<number>;

  /** Incident templates, by id (shipped ones included). */
  listTemplates(): Promise<IncidentTemplate[]>;
  /** Replaces a template's words (staff use `audited`); null when no template has that id. */
  saveTemplate(template: Omit<IncidentTemplate, 'updatedAt'>, at: Date): Promise<IncidentTemplate | null>;
}

export class StoreConflictError extends Error {
  override name = 'StoreConflictError';
}

export class StoreNotFoundError extends Error {
  override name = 'StoreNotFoundError';
}
