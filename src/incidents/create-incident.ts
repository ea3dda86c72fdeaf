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
import type { ActionResult, IncidentContext } from './service-context.ts';

/** A staff incident: bilingual title and first message, status, affected services with impact. */
export async function createIncident({ ctx, input }: { ctx: IncidentContext; input: unknown }): Promise<ActionResult<Incident>> {
  const schema = z
    .object({
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
  const incident = await ctx.store.audited(
    (store) =>
      store.createIncident({
        title: toDraft(v.titleFr, v.titleEn),
        body: toDraft(v.bodyFr, v.bodyEn),
        status: v.status,
        affected: v.impacts,
        author: ctx.actor.email,
        at: ctx.clock(),
        nextUpdateAt: v.nextUpdate,
      }),
    (incident) =>
      auditEntry(ctx.clock(), ctx.actor, 'incident.created', {
        target: incident.id,
        after: {
          title: incident.title,
          status: incident.status,
          affected: incident.affected,
          body: incident.updates[0]?.body ?? null,
        },
      }),
  );
  return { ok: true, value: incident };
}
