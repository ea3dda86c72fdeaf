import type { Incident, Maintenance } from '../domain/incident-records.ts';

/** A notice published in French only, still waiting for its English text. */
export interface AwaitingTranslation {
  kind: 'incident' | 'maintenance';
  id: string;
  titleFr: string;
  /** Which texts miss English: the title, and/or the ids of incident updates. */
  missingTitle: boolean;
  updateIds: string[];
}

/** Pure: notices (open or recent incidents, current and planned maintenance) with English missing. */
export function awaitingTranslation(incidents: readonly Incident[], maintenances: readonly Maintenance[]): AwaitingTranslation[] {
  const found: AwaitingTranslation[] = [];
  for (const incident of incidents) {
    const updateIds = incident.updates.filter((u) => u.body.en === null).map((u) => u.id);
    if (incident.title.en === null || updateIds.length > 0) {
      found.push({ kind: 'incident', id: incident.id, titleFr: incident.title.fr, missingTitle: incident.title.en === null, updateIds });
    }
  }
  for (const m of maintenances) {
    if (m.cancelledAt === null && (m.title.en === null || m.body.en === null)) {
      found.push({ kind: 'maintenance', id: m.id, titleFr: m.title.fr, missingTitle: m.title.en === null, updateIds: [] });
    }
  }
  return found;
}
