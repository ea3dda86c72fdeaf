import { z } from 'zod';
import { auditEntry } from '../domain/audit-entry.ts';
import type { Maintenance } from '../domain/incident-records.ts';
import { fieldErrors } from './form-fields.ts';
import { refused, type ActionResult, type IncidentContext } from './service-context.ts';

/** Withdraws a planned or running window; an ended one is history and stays. */
export async function cancelMaintenance({ ctx, input }: { ctx: IncidentContext; input: unknown }): Promise<ActionResult<Maintenance>> {
  const parsed = z.object({ maintenanceId: z.string().min(1) }).safeParse(input);
  if (!parsed.success) return { ok: false, errors: fieldErrors(parsed.error) };
  const before = await ctx.store.getMaintenance(parsed.data.maintenanceId);
  if (!before) return refused('_form', 'not_found');
  if (before.cancelledAt) return refused('_form', 'already_cancelled');
  const now = ctx.clock();
  if (before.endsAt <= now) return refused('_form', 'already_ended');
  const after = await ctx.store.audited(
    (store) => store.cancelMaintenance(before.id, now),
    (after) =>
      auditEntry(ctx.clock(), ctx.actor, 'maintenance.cancelled', {
        target: before.id,
        before: { cancelledAt: null, startsAt: before.startsAt, endsAt: before.endsAt },
        after: { cancelledAt: after.cancelledAt },
      }),
  );
  return { ok: true, value: after };
}
