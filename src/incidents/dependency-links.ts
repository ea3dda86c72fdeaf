import type { ServiceConfig } from '../config/services-schema.ts';
import type { DependencyLinks } from './auto-incident.ts';

/** Each service's upstreams (as configured) and dependents (ids, catalogue order), from the catalogue's `dependsOn`. */
export function dependencyLinks(services: readonly ServiceConfig[]): Map<string, DependencyLinks> {
  const byId = new Map(services.map((s) => [s.id, s]));
  const links = new Map<string, DependencyLinks>(services.map((s) => [s.id, { upstreams: [], dependents: [] }]));
  for (const service of services) {
    for (const id of service.dependsOn ?? []) {
      const upstream = byId.get(id);
      if (!upstream) continue;
      links.get(service.id)?.upstreams.push(upstream);
      links.get(id)?.dependents.push(service.id);
    }
  }
  return links;
}
