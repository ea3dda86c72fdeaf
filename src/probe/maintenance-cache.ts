import type { Maintenance } from '../domain/incident-records.ts';
import type { Store } from '../store/store.ts';

/**
 * Maintenance windows, read from the store every ~30 s rather than on every check: a window staff
 * just scheduled applies within half a minute, and the database is not asked 80 times a second.
 */
export interface MaintenanceCache {
  refresh(now: Date): Promise<void>;
  isActive(serviceId: string, at: Date): boolean;
}

export function createMaintenanceCache(store: Pick<Store, 'listMaintenances'>): MaintenanceCache {
  let windows: Maintenance[] = [];
  return {
    async refresh(now) {
      windows = await store.listMaintenances({ endsAfter: now, limit: 1000 });
    },
    isActive(serviceId, at) {
      const t = at.getTime();
      return windows.some(
        (w) => w.cancelledAt === null && w.startsAt.getTime() <= t && t < w.endsAt.getTime() && w.serviceIds.includes(serviceId),
      );
    },
  };
}
