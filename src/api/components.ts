import type { Locale } from '../domain/vocabulary.ts';
import { publishedNote } from '../i18n/published-note.ts';
import { componentStatus, worseComponentStatus, type ComponentStatus } from '../status/component-status.ts';
import { isoParis } from '../domain/paris-time.ts';
import type { UnknownReason } from '../status/published-state.ts';
import type { ServiceStatusView, StatusSnapshot } from '../status/views.ts';
import type { SpComponent } from './statuspage-types.ts';

export interface ComponentWords {
  unknownReasons: Record<UnknownReason, string>;
}

/** A category becomes a Statuspage group; its id is prefixed so it never collides with a service id. */
export function groupId(categoryId: string): string {
  return `group-${categoryId}`;
}

/**
 * One component per service, in catalogue order, each in its category's group. Statuspage has no
 * creation date we could know, so `created_at` is when the current state began (or now).
 * What the status value alone cannot say (unknown and why, declared by staff, closed until when)
 * is said in `description`.
 */
export function serviceComponent(
  view: ServiceStatusView,
  position: number,
  ctx: { pageId: string; locale: Locale; words: ComponentWords; now: Date },
): SpComponent {
  const { status, unknownReason } = componentStatus(view);
  const since = isoParis(view.since ?? ctx.now);
  const description = view.description?.[ctx.locale] ?? null;
  return {
    id: view.id,
    name: view.name[ctx.locale],
    status,
    created_at: since,
    updated_at: since,
    position,
    description:
      [unknownReason ? ctx.words.unknownReasons[unknownReason] : null, publishedNote(view, ctx.locale), description]
        .filter(Boolean)
        .join(' ') || null,
    showcase: true,
    start_date: null,
    group_id: groupId(view.category),
    page_id: ctx.pageId,
    group: false,
    only_show_if_degraded: false,
  };
}

/** Each category as a group component followed by its services, positions in catalogue order. */
export function snapshotComponents(
  snapshot: StatusSnapshot,
  ctx: { pageId: string; locale: Locale; words: ComponentWords },
): SpComponent[] {
  const now = snapshot.generatedAt;
  const components: SpComponent[] = [];
  let position = 1;
  for (const category of snapshot.categories) {
    const children = category.services.map((view) => serviceComponent(view, 0, { ...ctx, now }));
    const status = children.reduce<ComponentStatus>((worst, c) => worseComponentStatus(worst, c.status), 'operational');
    // A group changes when one of its services does: its dates are theirs, not the document's.
    const sinces = category.services.map((view) => (view.since ?? now).getTime());
    components.push({
      id: groupId(category.id),
      name: category.name[ctx.locale],
      status,
      created_at: isoParis(new Date(Math.min(...sinces, now.getTime()))),
      updated_at: isoParis(new Date(sinces.length > 0 ? Math.max(...sinces) : now.getTime())),
      position: position++,
      description: null,
      showcase: false,
      start_date: null,
      group_id: null,
      page_id: ctx.pageId,
      group: true,
      only_show_if_degraded: false,
      components: children.map((c) => c.id),
    });
    for (const child of children) components.push({ ...child, position: position++ });
  }
  return components;
}
