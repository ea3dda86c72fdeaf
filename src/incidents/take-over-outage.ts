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
  titleFields,
  toDraft,
} from './form-fields.ts';
import { refused, type ActionResult, type FieldError, type IncidentContext } from './service-context.ts';

/** Why staff may not take this incident over now, or null when they may (the page asks too). */
export function takeOverRefusal(incident: Incident): FieldError | null {
  if (incident.kind !== 'auto') return 'not_automatic';
  if (incident.takenOverBy) return 'already_taken_over';
  if (incident.resolvedAt) return 'already_resolved';
  return null;
}

/**
 * Staff write the human notice for an outage the probe opened: same incident (citizens see one,
 * not two), new title, message, status and impacts; the probe still closes it on recovery.
 */
export async function takeOverOutage({ ctx, input }: { ctx: IncidentContext; input: unknown }): Promise<ActionResult<Incident>> {
  const schema = z
    .object({
      incidentId: z.string().min(1),
      ...titleFields,
      ...bodyFields,
      translationLater: checkbox,
      status: statusField,
      impacts: affectedField(ctx.catalogue, { atLeastOne: true }),
      nextUpdate: nextUpdateField(ctx.clock()),
    })
    .superRefine(requireEnglish(['titleEn', 'bodyEn']));
  const parsed = schema.safeParse(input);
  if (!parsed.success) return { ok: false, errors: fieldErrors(parsed.error) };
  const v = parsed.data;
  const before = await ctx.store.getIncident(v.incidentId);
  if (!before) return refused('_form', 'not_found');
  const refusal = takeOverRefusal(before);
  if (refusal) return refused('_form', refusal);
  const after = await ctx.store.audited(
    (store) =>
      store.addIncidentUpdate(before.id, {
        status: v.status,
        body: toDraft(v.bodyFr, v.bodyEn),
        title: toDraft(v.titleFr, v.titleEn),
        affected: v.impacts,
        takeOver: true,
        author: ctx.actor.email,
        at: ctx.clock(),
        nextUpdateAt: v.nextUpdate,
      }),
    (after) =>
      auditEntry(ctx.clock(), ctx.actor, 'incident.taken_over', {
        target: before.id,
        before: { title: before.title, status: before.status, affected: before.affected },
        after: { title: after.title, status: after.status, affected: after.affected, body: after.updates.at(-1)?.body ?? null },
      }),
  );
  return { ok: true, value: after };
}
