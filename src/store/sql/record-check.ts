import { PROBE_AUTHOR } from '../../domain/incident-scope.ts';
import type {
  CheckResult,
  CheckWritten,
  OutageDecider,
  OutageEvent,
  RollupDelta,
  ServiceTracking,
  UpstreamFacts,
  WriteLease,
} from '../../domain/records.ts';
import { insertResults } from './checks.ts';
import { listHeartbeats } from './heartbeats.ts';
import { bumpDataVersion } from './data-version.ts';
import { readDate, readDateOrNull, readString, type SqlDatabase, type SqlExecutor } from './executor.ts';
import { insertIncident, insertUpdate, replaceAffected } from './incidents-write.ts';
import { applyRollupDeltas } from './rollups.ts';
import { insertStateChanges, stateChangesOf } from './state-changes.ts';
import { appendOutageConfirmed, appendOutageRecovered } from './subscriptions/outbox-writes.ts';
import { getTracking, getTrackings, listServiceTrackings, saveTracking, saveTrackings, visiblyDifferent } from './trackings.ts';
import { countedWrites } from './write-fence.ts';

export interface RecordCheckInput {
  result: CheckResult;
  tracking: ServiceTracking;
  rollups: RollupDelta[];
  /** An event already decided, or a decider run under the service's lock with every location's tracking. */
  event: OutageEvent | OutageDecider | null;
  /** The lease the check was made under; none where one process checks everything (SQLite). */
  lease?: WriteLease | null;
}

/** One transaction: the result, its rollups, the tracking and the event stand or fall together. */
export async function recordCheck(db: SqlDatabase, input: RecordCheckInput): Promise<CheckWritten> {
  const [outcome] = await recordChecks(db, [input]);
  return outcome!;
}

/**
 * A batch in one transaction (group commit): every result, the rollups added up per bucket, every
 * tracking, a chunk of rows per statement; entries with an event are then applied one by one,
 * each deciding under its service's lock. All stand or fall together.
 * A backlog written after a store outage holds several checks of one service: they are taken in
 * order, so the tracking kept is the last one, and an incident an earlier entry opened is carried
 * into the plain entries after it (they were decided in memory, before its id was known).
 * A write that does not count (`write-fence.ts`) stores its result as history and nothing else.
 */
export async function recordChecks(db: SqlDatabase, inputs: readonly RecordCheckInput[]): Promise<CheckWritten[]> {
  if (inputs.length === 0) return [];
  return db.transaction(async (tx) => {
    const counted = await countedWrites(tx, inputs);
    await insertResults(
      tx,
      inputs.map((i) => i.result),
    );
    await applyRollupDeltas(
      tx,
      inputs.filter((_, i) => counted[i]).flatMap((i) => i.rollups),
    );
    // Read before anything is saved: each tracking's change is measured from what was stored.
    // A write kept as history only changes no tracking, so it changes no state either.
    const moving = inputs.filter((_, i) => counted[i]).map((i) => i.tracking);
    await insertStateChanges(tx, stateChangesOf(await trackingsBefore(tx, moving), moving));
    const carried = new Map<string, string | null>();
    const lastPlain = new Map<string, ServiceTracking>();
    let visible = false;
    const outcomes: CheckWritten[] = [];
    for (const [i, input] of inputs.entries()) {
      if (!counted[i]) {
        // What the service's counted writes left open, not what this stale check believed.
        const current = await getTracking(tx, input.tracking.serviceId, input.tracking.location);
        outcomes.push({ incidentId: current?.openIncidentId ?? null, historyOnly: true });
        continue;
      }
      const key = keyOf(input.tracking);
      if (input.event === null) {
        const tracking = carried.has(key) ? { ...input.tracking, openIncidentId: carried.get(key) ?? null } : input.tracking;
        lastPlain.set(key, tracking);
        outcomes.push({ incidentId: tracking.openIncidentId });
        continue;
      }
      // Plain entries before this one are superseded by its tracking: save none of them.
      lastPlain.delete(key);
      const applied = await applyEvent(tx, input, input.event);
      carried.set(key, applied.incidentId);
      visible ||= applied.visible;
      outcomes.push({ incidentId: applied.incidentId });
    }
    const plain = [...lastPlain.values()];
    const before = await trackingsBefore(tx, plain);
    await saveTrackings(tx, plain);
    visible ||= plain.some((t) => visiblyDifferent(before.get(keyOf(t)) ?? null, t));
    if (visible) await bumpDataVersion(tx);
    return outcomes;
  });
}

const keyOf = (t: ServiceTracking) => `${t.location} ${t.serviceId}`;

async function trackingsBefore(tx: SqlExecutor, trackings: readonly ServiceTracking[]): Promise<Map<string, ServiceTracking>> {
  const byLocation = new Map<string, string[]>();
  for (const t of trackings) byLocation.set(t.location, [...(byLocation.get(t.location) ?? []), t.serviceId]);
  const found = new Map<string, ServiceTracking>();
  for (const [location, ids] of byLocation) for (const t of (await getTrackings(tx, location, ids)).values()) found.set(keyOf(t), t);
  return found;
}

async function applyEvent(
  tx: SqlExecutor,
  input: RecordCheckInput,
  given: OutageEvent | OutageDecider,
): Promise<{ incidentId: string | null; visible: boolean }> {
  const { serviceId, location } = input.tracking;
  const before = await getTracking(tx, serviceId, location);
  let incidentId = input.tracking.openIncidentId;
  let event: OutageEvent | null = typeof given === 'function' ? null : given;
  if (typeof given === 'function') {
    await saveTracking(tx, input.tracking);
    const decided = await decideUnderLock(tx, serviceId, given);
    event = decided.event;
    incidentId = decided.openIncidentId;
  }
  if (event?.type === 'outage_opened') incidentId = await openAutoIncident(tx, event, input.result.startedAt);
  if (event?.type === 'outage_resolved') {
    await resolveAutoIncident(tx, event);
    incidentId = null;
  }
  let joined = false;
  if (event?.type === 'outage_joined') {
    joined = await joinRootIncident(tx, event, input.result.startedAt);
    // Its own id stays empty: once the root resolves, a dependent still down decides again and opens its own.
    incidentId = null;
  }
  const tracking = { ...input.tracking, openIncidentId: incidentId };
  await saveTracking(tx, tracking);
  const changed = event !== null && (event.type !== 'outage_joined' || joined);
  return { incidentId, visible: changed || visiblyDifferent(before, tracking) };
}

/**
 * Takes the service's lock row (PostgreSQL row lock until commit; SQLite write transactions are
 * already one at a time), then reads what every location says, committed by others up to now.
 */
async function decideUnderLock(
  tx: SqlExecutor,
  serviceId: string,
  decide: OutageDecider,
): Promise<{ event: OutageEvent | null; openIncidentId: string | null }> {
  await tx.run(
    'INSERT INTO service_locks (service_id) VALUES (?) ON CONFLICT (service_id) DO UPDATE SET service_id = excluded.service_id',
    [serviceId],
  );
  const [trackings, heartbeats, openIncident, resolved] = [
    await listServiceTrackings(tx, serviceId),
    await listHeartbeats(tx),
    await openAutoOf(tx, serviceId),
    await tx.all("SELECT max(resolved_at) AS at FROM incidents WHERE service_id = ? AND kind = 'auto'", [serviceId]),
  ];
  const lastResolvedAt = readDateOrNull(resolved[0]?.at);
  // Upstreams are read, not locked: their own checks decide their incidents; a dependent only follows.
  const upstreams: UpstreamFacts[] = [];
  for (const id of decide.upstreamIds ?? []) {
    upstreams.push({ serviceId: id, trackings: await listServiceTrackings(tx, id), openIncident: await openAutoOf(tx, id) });
  }
  const event = decide({ serviceId, trackings, heartbeats, openIncident, lastResolvedAt, upstreams });
  return { event, openIncidentId: openIncident?.id ?? null };
}

async function openAutoOf(tx: SqlExecutor, serviceId: string): Promise<{ id: string; startedAt: Date } | null> {
  const open = await tx.all("SELECT id, started_at FROM incidents WHERE service_id = ? AND kind = 'auto' AND resolved_at IS NULL", [
    serviceId,
  ]);
  return open[0] ? { id: readString(open[0].id), startedAt: readDate(open[0].started_at) } : null;
}

type Opened = Extract<OutageEvent, { type: 'outage_opened' }>;
type Resolved = Extract<OutageEvent, { type: 'outage_resolved' }>;

/** The stored text of the probe's incidents and updates: none, their words are rendered when read from what they observed. */
const NO_TEXT = { fr: '', en: '' };

/**
 * The partial unique index decides: whoever inserts first opens the incident; everyone else
 * (an overlapping probe, a restarted one) gets the open incident's id.
 */
async function openAutoIncident(tx: SqlExecutor, event: Opened, at: Date): Promise<string> {
  const id = await insertIncident(tx, {
    kind: 'auto',
    serviceId: event.serviceId,
    title: NO_TEXT,
    status: 'investigating',
    startedAt: event.startedAt,
    at,
    unlessOpenAuto: true,
  });
  if (id) {
    await replaceAffected(tx, id, [{ serviceId: event.serviceId, impact: 'major' }]);
    await insertUpdate(tx, id, {
      status: 'investigating',
      body: NO_TEXT,
      author: PROBE_AUTHOR,
      at,
      observed: { type: 'outage', ...event.observed },
    });
    await appendOutageConfirmed(tx, event.serviceId, event.startedAt, at, event.dependents ?? []);
    return id;
  }
  const open = await findOpenAuto(tx, event.serviceId);
  if (!open) throw new Error(`An automatic incident for "${event.serviceId}" conflicted but none is open`);
  return open;
}

async function resolveAutoIncident(tx: SqlExecutor, event: Resolved): Promise<void> {
  const id = await findOpenAuto(tx, event.serviceId);
  if (!id) return;
  await insertUpdate(tx, id, {
    status: 'resolved',
    body: NO_TEXT,
    author: PROBE_AUTHOR,
    at: event.resolvedAt,
    observed: { type: 'recovery', domain: event.domain },
  });
  await tx.run('UPDATE incidents SET status = ?, resolved_at = ?, updated_at = ? WHERE id = ?', [
    'resolved',
    tx.time(event.resolvedAt),
    tx.time(event.resolvedAt),
    id,
  ]);
  await appendOutageRecovered(tx, id, event.serviceId, event.resolvedAt, event.dependents ?? []);
}

type Joined = Extract<OutageEvent, { type: 'outage_joined' }>;

/**
 * Lists a dependent in its upstream's open incident (once), as a major impact: the incident's own
 * service is the upstream, so every other service it lists is affected through it. Told to no
 * one: the root's story already reached the dependent's subscribers. Returns whether it was added.
 */
async function joinRootIncident(tx: SqlExecutor, event: Joined, at: Date): Promise<boolean> {
  const rows = await tx.all('SELECT service_id, position FROM incident_services WHERE incident_id = ? ORDER BY position', [
    event.rootIncidentId,
  ]);
  if (rows.some((r) => readString(r.service_id) === event.serviceId)) return false;
  const next = rows.reduce((max, r) => Math.max(max, Number(r.position)), -1) + 1;
  await tx.run('INSERT INTO incident_services (incident_id, position, service_id, impact) VALUES (?, ?, ?, ?)', [
    event.rootIncidentId,
    next,
    event.serviceId,
    'major',
  ]);
  await tx.run('UPDATE incidents SET updated_at = ? WHERE id = ?', [tx.time(at), event.rootIncidentId]);
  return true;
}

async function findOpenAuto(tx: SqlExecutor, serviceId: string): Promise<string | null> {
  const rows = await tx.all("SELECT id FROM incidents WHERE service_id = ? AND kind = 'auto' AND resolved_at IS NULL", [serviceId]);
  return rows[0] ? readString(rows[0].id) : null;
}
