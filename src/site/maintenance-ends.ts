import type { Maintenance } from '../domain/incident-records.ts';

/**
 * When each service's maintenance in progress ends (the latest end when windows overlap): a
 * citizen needs « jusqu’à 9 h », not how long it has lasted.
 */
export function maintenanceEnds(active: readonly Maintenance[]): Map<string, Date> {
  const ends = new Map<string, Date>();
  for (const m of active) {
    for (const id of m.serviceIds) {
      const known = ends.get(id);
      if (!known || m.endsAt.getTime() > known.getTime()) ends.set(id, m.endsAt);
    }
  }
  return ends;
}
