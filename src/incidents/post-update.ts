import { z } from 'zod';
import { auditEntry } from '../domain/audit-entry.ts';
import type { Incident } from '../domain/incident-records.ts';
import {
  affectedField,
  nextUpdateField,
  bodyFields,
  checkbox,
  fieldErrors,
  requireEnglish,
  statusField,
  TITLE_MAX_LENGTH,
  toDraft,
} from './form-fields.ts';
import { refused, type ActionResult, type FieldError, type IncidentContext } from './service-context.ts';

/** Why staff may not post an update now, or null when they may (the page asks too). */
export function updateRefusal(incident: Incident): FieldError | null {
  if (incident.resolvedAt) return 'already_resolved';
  if (incident.kind === 'auto' && !incident.takenOverBy) return 'take_over_first';
  return null;
}

/**
 * A new timeline entry: message, status (resolving included) and, optionally, new impacts and an
 * English title that was left for later.
 */
export async function postUpdate({ ctx, input }: { ctx: IncidentContext; input: unknown }): Promise<ActionResult<Incident>> {
  const schema = z
    .object({
      incidentId: z.string().min(1),
      ...bodyFields,
      titleEn: z.string().trim().max(TITLE_MAX_LENGTH, { error: 'too_long' }).default(''),
      translationLater: checkbox,
      status: statusField,
      impacts: affectedField(ctx.catalogue, { atLeastOne: true }),
      nextUpdate: nextUpdateField(ctx.clock()),
    })
    .superRefine(requireEnglish(['bodyEn']));
  const parsed = schema.safeParse(input);
  if (!parsed.success) return { ok: false, errors: fieldErrors(parsed.error) };
  const v = parsed.data;
  const before = await ctx.store.getIncident(v.incidentId);
  if (!before) return refused('_form', 'not_found');
  const refusal = updateRefusal(before);
  if (refusal) return refused('_form', refusal);
  const title = before.title.en === null && v.titleEn !== '' ? { fr: before.title.fr, en: v.titleEn } : undefined;
  const after = await ctx.store.audited(
    (store) =>
      store.addIncidentUpdate(before.id, {
        status: v.status,
        body: toDraft(v.bodyFr, v.bodyEn),
        affected: v.impacts,
        author: ctx.actor.email,
        at: ctx.clock(),
        nextUpdateAt: v.status === 'resolved' ? null : v.nextUpdate,
        ...(title ? { title } : {}),
      }),
    (after) =>
      auditEntry(ctx.clock(), ctx.actor, v.status === 'resolved' ? 'incident.resolved' : 'incident.updated', {
        target: before.id,
        before: { status: before.status, affected: before.affected, title: before.title },
        after: { status: after.status, affected: after.affected, title: after.title, body: after.updates.at(-1)?.body ?? null },
      }),
  );
  return { ok: true, value: after };
}
