import type { ProbeHolder, WriteLease } from '../domain/records.ts';
import type { Store } from '../store/store.ts';
import { isTimeout } from '../store/write-failure.ts';

/**
 * How the probe processes at one location share its services through PostgreSQL leases, with no
 * coordinator: each process renews its leases every third of the lease time, counts the processes
 * alive at its location, and holds its fair share (rounded up), taking free or expired leases and
 * giving back any beyond its share. A process that dies stops renewing: its leases expire and the
 * others take them at their next refresh; one that comes back takes its share again as the others
 * give theirs back (each stops checking what it gives back before the store dates the give-back,
 * which the taker counts as a check, so no slot is checked twice); one restarted under the same name (`VIGIE_PROBE_ID`) renews its predecessor's.
 *
 * Time is the store's: lease ends and liveness are computed from `store.now()`, so a process whose
 * clock runs ahead cannot keep leases past their end nor look alive after its death. A process
 * whose clock is more than `maxSkewMs` off the store's says so, holds nothing and leaves the
 * location's count of live processes, so the others cover its share: its results would carry
 * wrong times. Each lease held carries its epoch, which its writes carry (`WriteLease`).
 *
 * A lease not renewed for its whole length may have been taken by another process (this one was
 * paused, or cut off): it is not used until a renewal succeeds. When renewals fail (the store
 * unreachable or too slow), what happens past the lease's end depends on what the process saw at
 * its last successful renewal:
 * - alone at its location, it goes on checking what it held (results wait in memory), rather than
 *   checking nothing through a store outage: nobody else can take its services over;
 * - with live peers, it stops at the lease's end, as if paused: a peer that still reaches the store
 *   takes the services over, and checking them too would hit each service twice a slot for as long
 *   as the cut lasts, for results kept as history only. If the whole store is down for every
 *   process, they all stop and say so (`no_lease` in /healthz): the cost is a gap in history.
 * A renewal that failed on a deadline (a lock or statement timeout) says the store is slow, not
 * gone: operators are told which.
 */
export interface LeaseKeeperOptions {
  store: Pick<Store, 'saveProbeHolder' | 'listProbeHolders' | 'seedLeases' | 'claimLeases' | 'deleteProbeHolder' | 'now'>;
  me: Omit<ProbeHolder, 'seenUntil'>;
  serviceIds: readonly string[];
  leaseMs: number;
  /** This process's clock. */
  now: () => number;
  /** Above this difference with the store's clock the process holds nothing. Default 5 s. */
  maxSkewMs?: number;
}

export interface TakenService {
  serviceId: string;
  /** When another process gave it back or its lease there ended: until then its check of it may have started. */
  freedAt: Date | null;
}

export interface LeaseView {
  /** Leases usable now. */
  held: number;
  /** The location's services nobody held at the last claim; null before one succeeded. */
  unheld: number | null;
  /** The store's clock minus this process's (ms), measured at the last refresh; null before. */
  clockSkewMs: number | null;
  /** The skew is past its bound: this process holds nothing. */
  skewed: boolean;
  /** How the last renewals went: failing on a deadline ("slow") or otherwise ("unreachable"), since when. */
  store: LeaseStoreState;
  storeSince: Date | null;
  lastError: string | null;
}

export const LEASE_STORE_STATES = ['ok', 'slow', 'unreachable'] as const;
export type LeaseStoreState = (typeof LEASE_STORE_STATES)[number];

export interface LeaseKeeper {
  /** Renews, rebalances, and returns the services newly taken (to be re-read and checked if due). */
  refresh(): Promise<TakenService[]>;
  owns(serviceId: string): boolean;
  /** The lease a check of this service starting now is made under. */
  lease(serviceId: string): WriteLease;
  /** The store kept a write of this service as history only: another process has it. */
  lost(serviceId: string): void;
  held(): number;
  view(): LeaseView;
  /** This process's clock read as the store's (its last measured skew added). */
  storeTime(localMs: number): number;
}

export const DEFAULT_MAX_SKEW_MS = 5_000;
/** A clock reading that took longer than this says too little about the skew: the last one is kept. */
const SKEW_READING_MAX_MS = 1_000;

/** The share of one of `alive` processes over `services`, rounded up so that none is left over. */
export function fairShare(services: number, alive: number): number {
  return Math.ceil(services / Math.max(1, alive));
}

export function createLeaseKeeper(options: LeaseKeeperOptions): LeaseKeeper {
  const { store, me, leaseMs } = options;
  const maxSkewMs = options.maxSkewMs ?? DEFAULT_MAX_SKEW_MS;
  let owned = new Set<string>();
  // The epoch last seen for each service, kept after a give-back: a check in flight then still counts until another takes it.
  const epochs = new Map<string, number>();
  let seeded = false;
  let validUntil = -Infinity;
  let trouble: { state: Exclude<LeaseStoreState, 'ok'>; since: Date; error: string } | null = null;
  let unheld: number | null = null;
  let skewMs: number | null = null;
  const skewed = () => skewMs !== null && Math.abs(skewMs) > maxSkewMs;
  // Other live processes at the location at the last successful claim: they may take over what this one cannot renew.
  let peers = 0;
  const usable = () => (trouble !== null && peers === 0) || options.now() < validUntil;

  async function readStoreClock(): Promise<Date> {
    const sent = options.now();
    const storeNow = await store.now();
    const answered = options.now();
    if (answered - sent <= SKEW_READING_MAX_MS) skewMs = storeNow.getTime() - (sent + answered) / 2;
    return storeNow;
  }

  async function claim(sent: number): Promise<TakenService[]> {
    let now = await readStoreClock();
    if (skewed()) {
      // Out of the location's count and holding nothing, so the others take its share.
      await store.deleteProbeHolder(me.holder, now);
      owned = new Set();
      validUntil = -Infinity;
      return [];
    }
    let until = new Date(now.getTime() + leaseMs);
    if (!seeded) {
      await store.seedLeases(me.location, options.serviceIds);
      seeded = true;
    }
    await store.saveProbeHolder({ ...me, seenUntil: until });
    const alive = (await store.listProbeHolders()).filter((h) => h.location === me.location && h.seenUntil > now).length;
    peers = Math.max(0, alive - 1);
    const want = fairShare(options.serviceIds.length, alive);
    const release = [...owned].sort().slice(want);
    if (release.length > 0) {
      // The taker counts a given-back service as checked when the store dates the give-back: none
      // of this process's checks of it may start after that, so it stops them before reading the date.
      for (const id of release) owned.delete(id);
      now = await readStoreClock();
      until = new Date(now.getTime() + leaseMs);
    }
    const claimed = await store.claimLeases({ location: me.location, holder: me.holder, want, now, until, release });
    const freedAt = new Map(claimed.handedOver.map((h) => [h.serviceId, h.freedAt]));
    // Kept under the same epoch: nobody else had it meanwhile. Otherwise it was taken, perhaps back.
    const taken = claimed.held
      .filter((id) => !(owned.has(id) && epochs.get(id) === claimed.epochs[id]))
      .map((serviceId) => ({ serviceId, freedAt: freedAt.get(serviceId) ?? null }));
    owned = new Set(claimed.held);
    for (const [id, epoch] of Object.entries(claimed.epochs)) epochs.set(id, epoch);
    unheld = claimed.unheld;
    // The store dated the lease's end from a moment after `sent`: by this clock it runs at least until then.
    validUntil = sent + leaseMs;
    return taken;
  }

  return {
    async refresh() {
      const sent = options.now();
      try {
        const taken = await claim(sent);
        trouble = null;
        return taken;
      } catch (error) {
        const state = isTimeout(error) ? 'slow' : 'unreachable';
        const since = trouble?.state === state ? trouble.since : new Date(options.now());
        trouble = { state, since, error: error instanceof Error ? error.message : String(error) };
        throw error;
      }
    },
    owns: (serviceId) => owned.has(serviceId) && usable(),
    lease: (serviceId) => ({ holder: me.holder, epoch: epochs.get(serviceId) ?? -1 }),
    lost: (serviceId) => void owned.delete(serviceId),
    held: () => (usable() ? owned.size : 0),
    view: () => ({
      held: usable() ? owned.size : 0,
      unheld,
      clockSkewMs: skewMs,
      skewed: skewed(),
      store: trouble?.state ?? 'ok',
      storeSince: trouble?.since ?? null,
      lastError: trouble?.error ?? null,
    }),
    storeTime: (localMs) => localMs + (skewMs ?? 0),
  };
}
