/**
 * `dependsOn` must name services of the catalogue, and never lead back to the service itself: a
 * cycle would make each service the root cause of the other's outage. A cycle is reported once, at
 * the entry that closes it, with the whole path so the operator sees which link to cut.
 */
export function dependencyIssues(services: readonly { id: string; dependsOn?: unknown }[], ids: ReadonlySet<string>) {
  const issues: { path: (string | number)[]; message: string }[] = [];
  const edges = new Map<string, { to: string; path: (string | number)[] }[]>();
  services.forEach((service, i) => {
    if (!Array.isArray(service.dependsOn)) return;
    const seen = new Set<string>();
    service.dependsOn.forEach((target: unknown, j) => {
      if (typeof target !== 'string') return;
      const path = ['services', i, 'dependsOn', j];
      if (target === service.id) issues.push({ path, message: `"${target}" is this service's own id: a service cannot depend on itself` });
      else if (!ids.has(target)) issues.push({ path, message: `unknown service "${target}": name the id of a service of the catalogue` });
      else if (seen.has(target)) issues.push({ path, message: `"${target}" is listed twice: keep one` });
      else edges.set(service.id, [...(edges.get(service.id) ?? []), { to: target, path }]);
      seen.add(target);
    });
  });
  for (const cycle of findCycles(edges)) issues.push(cycle);
  return issues;
}

/** Depth-first search; each cycle reported once, at the edge that returns to a service on the stack. */
function findCycles(edges: Map<string, { to: string; path: (string | number)[] }[]>) {
  const found: { path: (string | number)[]; message: string }[] = [];
  const done = new Set<string>();
  const stack: string[] = [];
  const visit = (id: string): void => {
    stack.push(id);
    for (const edge of edges.get(id) ?? []) {
      const at = stack.indexOf(edge.to);
      if (at >= 0) {
        const loop = [...stack.slice(at), edge.to].join(' → ');
        found.push({ path: edge.path, message: `dependency cycle ${loop}: remove one of these links` });
      } else if (!done.has(edge.to)) visit(edge.to);
    }
    stack.pop();
    done.add(id);
  };
  for (const id of edges.keys()) if (!done.has(id)) visit(id);
  return found;
}
