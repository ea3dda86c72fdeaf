import type { Localized, PublishedState } from '../domain/vocabulary.ts';

/**
 * Which of a service's upstreams (its catalogue `dependsOn`) are down now, from the published
 * states every surface shows, so the dependent's page, row and the banner say the same thing.
 * Only direct upstreams count: an upstream of an upstream shows on that upstream's own page.
 */

export interface UpstreamDown {
  id: string;
  name: Localized;
  since: Date | null;
}

/** What the rule reads of each service. */
export interface DependencyFacts {
  id: string;
  name: Localized;
  state: PublishedState;
  since: Date | null;
  dependsOn?: readonly string[];
}

/** Each service's upstreams that are down, in catalogue order; services with none are left out. */
export function upstreamsDown(services: readonly DependencyFacts[]): Map<string, UpstreamDown[]> {
  const byId = new Map(services.map((s) => [s.id, s]));
  const result = new Map<string, UpstreamDown[]>();
  for (const service of services) {
    const down = (service.dependsOn ?? [])
      .map((id) => byId.get(id))
      .filter((upstream): upstream is DependencyFacts => upstream?.state === 'down')
      .map((upstream) => ({ id: upstream.id, name: upstream.name, since: upstream.since }));
    if (down.length > 0) result.set(service.id, down);
  }
  return result;
}

/** The service still answers its own checks, so what does not go through the upstream still works. */
export function stillAnswers(state: PublishedState): boolean {
  return state === 'operational' || state === 'degraded';
}

/** Each down upstream and how many services depend on it: the banner's line about shared causes. */
export function dependentsPerUpstream(
  down: ReadonlyMap<string, readonly UpstreamDown[]>,
): { upstream: UpstreamDown; dependents: number }[] {
  const counts = new Map<string, { upstream: UpstreamDown; dependents: number }>();
  for (const list of down.values()) {
    for (const upstream of list) {
      const entry = counts.get(upstream.id) ?? { upstream, dependents: 0 };
      entry.dependents += 1;
      counts.set(upstream.id, entry);
    }
  }
  return [...counts.values()];
}
