import { z } from 'zod';
import { auditEntry } from '../domain/audit-entry.ts';
import type { Maintenance } from '../domain/incident-records.ts';
import { bodyFields, checkbox, fieldErrors, requireEnglish, titleFields, toDraft } from './form-fields.ts';
import { refused, type ActionResult, type IncidentContext } from './service-context.ts';

/** Corrects or translates an announced window's text (its times and services stay). */
export async function editMaintenance({ ctx, input }: { ctx: IncidentContext; input: unknown }): Promise<ActionResult<Maintenance>> {
  const schema = z
    .object({ maintenanceId: z.string().min(1), ...titleFields, ...bodyFields, translationLater: checkbox })
    .superRefine(requireEnglish(['titleEn', 'bodyEn']));
  const parsed = schema.safeParse(input);
  if (!parsed.success) return { ok: false, errors: fieldErrors(parsed.error) };
  const v = parsed.data;
  const before = await ctx.store.getMaintenance(v.maintenanceId);
  if (!before) return refused('_form', 'not_found');
  if (before.cancelledAt) return refused('_form', 'already_cancelled');
  const title = toDraft(v.titleFr, v.titleEn);
  const body = toDraft(v.bodyFr, v.bodyEn);
  const after = await ctx.store.audited(
    (store) => store.updateMaintenance(before.id, { title, body, at: ctx.clock() }),
    (after) =>
      auditEntry(ctx.clock(), ctx.actor, 'maintenance.edited', {
        target: before.id,
        before: { title: before.title, body: before.body },
        after: { title: after.title, body: after.body },
      }),
  );
  return { ok: true, value: after };
}
