import type { ServiceConfig } from '../config/services-schema.ts';
import type { ServiceTracking } from '../domain/records.ts';
import type { Store } from '../store/store.ts';
import type { LeaseKeeper } from './lease-keeper.ts';
import type { ScheduledJob } from './scheduler.ts';

/**
 * What holding leases changes for the runner. A service taken from another process is picked up
 * where that process left it: its tracking is re-read (confirmation counters included), it is
 * checked at once if its last check is an interval old, and otherwise as soon as that check's
 * slot is over (not at this process's next slot for it, which can be an interval later: a dead
 * process's service would then wait up to two intervals past its lease), so no slot is checked
 * twice. A service another process gave back, or held under a lease that ran out (a process
 * starved or paused, not dead), may have a check of that process in flight, or waiting for its
 * batch, that the re-read tracking does not show yet: it counts as checked when it was given back
 * or its lease ended, so the slot after it is the first one checked, never the same one twice.
 * A tracking in memory newer than the store's is this process's own, not written yet (buffered,
 * or spooled by its predecessor under the same name): it is kept.
 */
export interface LeaseWork {
  /** True: another process has it; a time: not before then. */
  skip(job: ScheduledJob, now: number): boolean | number;
  /** Refreshes the leases; has each service taken checked at once, or once its last slot is over. */
  refresh(): Promise<void>;
}

/** Scheduling jitter moves a slot by up to a tenth of the interval: a check this close to the last one shares its slot. */
const SAME_SLOT = 0.9;

export function createLeaseWork(deps: {
  keeper: LeaseKeeper;
  store: Pick<Store, 'listTrackings'>;
  location: string;
  services: ReadonlyMap<string, ServiceConfig>;
  trackings: Map<string, ServiceTracking>;
  /** Runs the service's job now rather than at its next slot; `skip` still applies. */
  runSoon: (serviceId: string) => void;
}): LeaseWork {
  const notBefore = new Map<string, number>();
  // When this process last let a check of each service start: a service it forgot and takes
  // again (a write kept as history only) may have that check unwritten, not in any tracking yet.
  const lastStarted = new Map<string, number>();
  return {
    skip(job, now) {
      if (!deps.keeper.owns(job.id)) return true;
      const at = notBefore.get(job.id) ?? -Infinity;
      if (now < at) return at;
      lastStarted.set(job.id, now);
      return false;
    },
    async refresh() {
      const taken = new Map((await deps.keeper.refresh()).map((t) => [t.serviceId, t.freedAt]));
      if (taken.size === 0) return;
      const holdBack = () => {
        for (const [id, freedAt] of taken) {
          const service = deps.services.get(id);
          if (!service) continue;
          const last = Math.max(
            deps.trackings.get(id)?.lastCheckedAt?.getTime() ?? -Infinity,
            freedAt?.getTime() ?? -Infinity,
            lastStarted.get(id) ?? -Infinity,
          );
          notBefore.set(id, last + service.interval * 1000 * SAME_SLOT);
        }
      };
      // Owned from now on: held back at once by what is known, since a slot of a service taken can
      // come up while its tracking is re-read (a CI run checked one 0.7 s after its giver did).
      holdBack();
      for (const t of await deps.store.listTrackings()) {
        if (t.location !== deps.location || !taken.has(t.serviceId)) continue;
        const mine = deps.trackings.get(t.serviceId)?.lastCheckedAt?.getTime() ?? -Infinity;
        if ((t.lastCheckedAt?.getTime() ?? -Infinity) >= mine) deps.trackings.set(t.serviceId, t);
      }
      holdBack();
      for (const id of taken.keys()) if (deps.services.has(id)) deps.runSoon(id);
    },
  };
}
