/**
 * A wave: many services, in several categories, confirmed down within a few minutes of each other
 * (the attacks of March 2024, the 14 sites of June 2024). Pure rules: when the staff dashboard
 * proposes one umbrella incident, and which open incident is such an umbrella (its banner is
 * pinned on every page).
 */

export interface WaveSettings {
  /** At least this many services down… */
  minServices: number;
  /** …whose outages began within this many minutes of the latest one. */
  windowMinutes: number;
}

export interface WaveCandidate {
  id: string;
  category: string;
  /** Confirmed down by the probes (not declared by staff, not a planned pause). */
  down: boolean;
  /** When the outage began. */
  since: Date | null;
  /** Already in an open staff incident: staff are telling its story. */
  covered: boolean;
}

export interface WaveProposal {
  serviceIds: string[];
  categories: string[];
  /** The outage that began first and last among them. */
  from: Date;
  to: Date;
}

export function proposeWave(candidates: readonly WaveCandidate[], settings: WaveSettings): WaveProposal | null {
  const down = candidates.filter((c): c is WaveCandidate & { since: Date } => c.down && !c.covered && c.since !== null);
  if (down.length === 0) return null;
  const latest = Math.max(...down.map((c) => c.since.getTime()));
  const members = down.filter((c) => latest - c.since.getTime() <= settings.windowMinutes * 60_000);
  const categories = [...new Set(members.map((c) => c.category))].sort();
  if (members.length < settings.minServices || categories.length < 2) return null;
  return {
    serviceIds: members.map((c) => c.id),
    categories,
    from: new Date(Math.min(...members.map((c) => c.since.getTime()))),
    to: new Date(latest),
  };
}

/** An open staff incident over at least `minServices` services in at least two categories: the wave's umbrella. */
export function isUmbrella(
  incident: { kind: string; resolvedAt: Date | null; affected: readonly { serviceId: string }[] },
  categoryOf: (serviceId: string) => string | undefined,
  settings: Pick<WaveSettings, 'minServices'>,
): boolean {
  if (incident.kind !== 'staff' || incident.resolvedAt !== null || incident.affected.length < settings.minServices) return false;
  return new Set(incident.affected.map((a) => categoryOf(a.serviceId))).size >= 2;
}
