import type { Catalogue } from '../config/services-schema.ts';
import type { Incident } from '../domain/incident-records.ts';
import { isUmbrella, proposeWave, type WaveProposal, type WaveSettings } from '../domain/wave.ts';
import { affects } from '../domain/incident-scope.ts';
import type { StatusSnapshot } from './views.ts';

/** The wave the staff dashboard proposes now, from what the public sees (services down, not yet under a staff incident). */
export function waveProposal(snapshot: Pick<StatusSnapshot, 'services' | 'openIncidents'>, settings: WaveSettings): WaveProposal | null {
  const staff = snapshot.openIncidents.filter((i) => i.kind === 'staff' && i.resolvedAt === null);
  return proposeWave(
    snapshot.services.map((s) => ({
      id: s.id,
      category: s.category,
      down: s.state === 'down' && !s.declaredByStaff,
      since: s.since,
      covered: staff.some((i) => affects(i, s.id)),
    })),
    settings,
  );
}

/** The open umbrella incidents whose banner every page pins, newest first. */
export function pinnedIncidents(
  openIncidents: readonly Incident[],
  catalogue: Pick<Catalogue, 'services'>,
  settings: Pick<WaveSettings, 'minServices'>,
): Incident[] {
  const categories = new Map(catalogue.services.map((s) => [s.id, s.category]));
  return openIncidents
    .filter((i) => isUmbrella(i, (id) => categories.get(id), settings))
    .sort((a, b) => b.startedAt.getTime() - a.startedAt.getTime());
}
