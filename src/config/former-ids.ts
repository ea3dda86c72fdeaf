/**
 * A former id must name no service of the catalogue (its history would have two owners) and be
 * claimed by one service only.
 */
export function formerIdClashes(services: readonly { id: string; formerIds?: unknown }[], ids: ReadonlySet<string>) {
  const issues: { path: (string | number)[]; message: string }[] = [];
  const claimedBy = new Map<string, string>();
  services.forEach((service, i) => {
    if (!Array.isArray(service.formerIds)) return;
    service.formerIds.forEach((former: unknown, j) => {
      if (typeof former !== 'string') return;
      const path = ['services', i, 'formerIds', j];
      if (ids.has(former)) {
        const whose = former === service.id ? "this service's own id" : `the id of another service`;
        issues.push({ path, message: `"${former}" is ${whose}: a former id must no longer be in use` });
      } else if (claimedBy.has(former)) {
        issues.push({ path, message: `"${former}" is already a former id of service "${claimedBy.get(former)}"` });
      } else claimedBy.set(former, service.id);
    });
  });
  return issues;
}
