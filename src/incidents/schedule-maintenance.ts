import { z } from 'zod';
import { auditEntry } from '../domain/audit-entry.ts';
import type { Maintenance } from '../domain/incident-records.ts';
import { bodyFields, checkbox, fieldErrors, requireEnglish, titleFields, toDraft } from './form-fields.ts';
import { parisWallClockToUtc } from '../domain/paris-time.ts';
import { refused, type ActionResult, type IncidentContext } from './service-context.ts';

/** Longest window staff may announce at once; longer work is several announcements. */
export const MAINTENANCE_MAX_MS = 31 * 24 * 60 * 60_000;

/** A planned window, typed in Paris time, for services of the catalogue. */
export async function scheduleMaintenance({ ctx, input }: { ctx: IncidentContext; input: unknown }): Promise<ActionResult<Maintenance>> {
  const known = new Set(ctx.catalogue.services.map((s) => s.id));
  const schema = z
    .object({
      ...titleFields,
      ...bodyFields,
      translationLater: checkbox,
      services: z
        .array(z.string())
        .default([])
        .refine((ids) => ids.length > 0, { error: 'no_service' })
        .refine((ids) => ids.every((id) => known.has(id)), { error: 'unknown_service' }),
      startDate: z.string({ error: 'invalid_time' }),
      startTime: z.string({ error: 'invalid_time' }),
      endDate: z.string({ error: 'invalid_time' }),
      endTime: z.string({ error: 'invalid_time' }),
    })
    .superRefine(requireEnglish(['titleEn', 'bodyEn']));
  const parsed = schema.safeParse(input);
  if (!parsed.success) return { ok: false, errors: fieldErrors(parsed.error) };
  const v = parsed.data;
  const startsAt = parisWallClockToUtc(v.startDate, v.startTime);
  const endsAt = parisWallClockToUtc(v.endDate, v.endTime);
  if (!startsAt) return refused('startDate', 'invalid_time');
  if (!endsAt) return refused('endDate', 'invalid_time');
  if (endsAt <= startsAt) return refused('endDate', 'window_order');
  if (endsAt <= ctx.clock()) return refused('endDate', 'window_ended');
  if (endsAt.getTime() - startsAt.getTime() > MAINTENANCE_MAX_MS) return refused('endDate', 'window_too_long');
  const maintenance = await ctx.store.audited(
    (store) =>
      store.createMaintenance({
        title: toDraft(v.titleFr, v.titleEn),
        body: toDraft(v.bodyFr, v.bodyEn),
        serviceIds: [...new Set(v.services)],
        startsAt,
        endsAt,
        author: ctx.actor.email,
        at: ctx.clock(),
      }),
    (maintenance) =>
      auditEntry(ctx.clock(), ctx.actor, 'maintenance.scheduled', {
        target: maintenance.id,
        after: {
          title: maintenance.title,
          body: maintenance.body,
          serviceIds: maintenance.serviceIds,
          startsAt: maintenance.startsAt,
          endsAt: maintenance.endsAt,
        },
      }),
  );
  return { ok: true, value: maintenance };
}
