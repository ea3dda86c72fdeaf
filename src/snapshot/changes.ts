/** What incremental publication compares between two publications: the origin's own Statuspage documents. */
export interface PublicDocuments {
  components: { id: string }[];
  incidents: { id: string; components: { id: string }[] }[];
  maintenances: { id: string; components: { id: string }[] }[];
}

/**
 * The services whose pages, feeds and badges must be rendered again: those whose component
 * changed (state, since, description), and those named by an incident or a maintenance that
 * appeared, changed or went (before or after the change, so a service taken off an incident is
 * told too). Pure.
 */
export function changedServices(before: PublicDocuments, after: PublicDocuments): Set<string> {
  const changed = new Set<string>();
  for (const id of differing(before.components, after.components)) changed.add(id);
  for (const kind of ['incidents', 'maintenances'] as const) {
    const old = byId(before[kind]);
    const current = byId(after[kind]);
    for (const id of differing(before[kind], after[kind])) {
      for (const event of [old.get(id), current.get(id)]) for (const component of event?.components ?? []) changed.add(component.id);
    }
  }
  return changed;
}

function byId<T extends { id: string }>(list: T[]): Map<string, T> {
  return new Map(list.map((item) => [item.id, item]));
}

/** Ids present on one side only, or whose JSON differs. */
function differing(before: { id: string }[], after: { id: string }[]): string[] {
  const old = new Map(before.map((item) => [item.id, JSON.stringify(item)]));
  const ids: string[] = [];
  for (const item of after) {
    if (old.get(item.id) !== JSON.stringify(item)) ids.push(item.id);
    old.delete(item.id);
  }
  return [...ids, ...old.keys()];
}
