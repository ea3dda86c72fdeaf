import { z } from 'zod';
import { auditEntry } from '../domain/audit-entry.ts';
import type { Incident } from '../domain/incident-records.ts';
import { bodyFields, checkbox, fieldErrors, requireEnglish, toDraft } from './form-fields.ts';
import { refused, type ActionResult, type IncidentContext } from './service-context.ts';

/** Corrects or translates a published message; the store keeps the previous text in its history. */
export async function editUpdate({ ctx, input }: { ctx: IncidentContext; input: unknown }): Promise<ActionResult<Incident>> {
  const schema = z
    .object({ updateId: z.string().min(1), ...bodyFields, translationLater: checkbox })
    .superRefine(requireEnglish(['bodyEn']));
  const parsed = schema.safeParse(input);
  if (!parsed.success) return { ok: false, errors: fieldErrors(parsed.error) };
  const v = parsed.data;
  const before = await ctx.store.getIncidentUpdate(v.updateId);
  if (!before) return refused('_form', 'not_found');
  const body = toDraft(v.bodyFr, v.bodyEn);
  const after = await ctx.store.audited(
    (store) => store.editIncidentUpdate(before.id, { body, editor: ctx.actor.email, at: ctx.clock() }),
    () =>
      auditEntry(ctx.clock(), ctx.actor, 'incident.update_edited', {
        target: `${before.incidentId}/${before.id}`,
        before: { body: before.body },
        after: { body },
      }),
  );
  return { ok: true, value: after };
}
