import type { ProbeHolder } from '../domain/records.ts';
import type { Store } from '../store/store.ts';

/**
 * How the probe processes at one location share its services through PostgreSQL leases, with no
 * coordinator: each process renews its leases every third of the lease time, counts the processes
 * alive at its location, and holds its fair share (rounded up), taking free or expired leases and
 * giving back any beyond its share. A process that dies stops renewing: its leases expire and the
 * others take them at their next refresh; one that comes back takes its share again as the others
 * give theirs back.
 */
export interface LeaseKeeperOptions {
  store: Pick<Store, 'saveProbeHolder' | 'listProbeHolders' | 'seedLeases' | 'claimLeases'>;
  me: Omit<ProbeHolder, 'seenUntil'>;
  serviceIds: readonly string[];
  leaseMs: number;
  now: () => number;
}

export interface TakenService {
  serviceId: string;
  /** Set when a live process gave it back: until then its own check of it may have started. */
  freedAt: Date | null;
}

export interface LeaseKeeper {
  /** Renews, rebalances, and returns the services newly taken (to be re-read and checked if due). */
  refresh(): Promise<TakenService[]>;
  owns(serviceId: string): boolean;
  held(): number;
}

/** The share of one of `alive` processes over `services`, rounded up so that none is left over. */
export function fairShare(services: number, alive: number): number {
  return Math.ceil(services / Math.max(1, alive));
}

export function createLeaseKeeper(options: LeaseKeeperOptions): LeaseKeeper {
  const { store, me, leaseMs } = options;
  let owned = new Set<string>();
  let seeded = false;
  return {
    async refresh() {
      const now = new Date(options.now());
      const until = new Date(now.getTime() + leaseMs);
      if (!seeded) {
        await store.seedLeases(me.location, options.serviceIds);
        seeded = true;
      }
      await store.saveProbeHolder({ ...me, seenUntil: until });
      const alive = (await store.listProbeHolders()).filter((h) => h.location === me.location && h.seenUntil > now).length;
      const want = fairShare(options.serviceIds.length, alive);
      const { held, handedOver } = await store.claimLeases({ location: me.location, holder: me.holder, want, now, until });
      const freedAt = new Map(handedOver.map((h) => [h.serviceId, h.freedAt]));
      const taken = held.filter((id) => !owned.has(id)).map((serviceId) => ({ serviceId, freedAt: freedAt.get(serviceId) ?? null }));
      owned = new Set(held);
      return taken;
    },
    owns: (serviceId) => owned.has(serviceId),
    held: () => owned.size,
  };
}
