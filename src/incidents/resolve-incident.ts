import { z } from 'zod';
import { auditEntry } from '../domain/audit-entry.ts';
import type { Incident } from '../domain/incident-records.ts';
import type { Draft } from '../domain/vocabulary.ts';
import { shownTitle } from '../i18n/probe-words.ts';
import { nameOf, serviceNames } from '../status/service-names.ts';
import { bodyFields, checkbox, fieldErrors, requireEnglish, toDraft } from './form-fields.ts';
import { refused, type ActionResult, type IncidentContext } from './service-context.ts';

/**
 * The probe stores no title: when staff close its incident, subscribers are told with the title
 * the pages show, which staff's action writes down with the rest of the event.
 */
function probeTitle(incident: Incident, ctx: IncidentContext): { title?: Draft } {
  if (incident.kind !== 'auto' || incident.takenOverBy !== null) return {};
  return { title: shownTitle(incident, nameOf(serviceNames(ctx.catalogue), incident.serviceId ?? '')) };
}

/**
 * Closes an incident with a final message; works for automatic ones too (a false alarm the
 * probe would otherwise keep open until its own recovery confirmation).
 */
export async function resolveIncident({ ctx, input }: { ctx: IncidentContext; input: unknown }): Promise<ActionResult<Incident>> {
  const schema = z
    .object({ incidentId: z.string().min(1), ...bodyFields, translationLater: checkbox })
    .superRefine(requireEnglish(['bodyEn']));
  const parsed = schema.safeParse(input);
  if (!parsed.success) return { ok: false, errors: fieldErrors(parsed.error) };
  const v = parsed.data;
  const before = await ctx.store.getIncident(v.incidentId);
  if (!before) return refused('_form', 'not_found');
  if (before.resolvedAt) return refused('_form', 'already_resolved');
  const after = await ctx.store.audited(
    (store) =>
      store.addIncidentUpdate(before.id, {
        status: 'resolved',
        ...probeTitle(before, ctx),
        body: toDraft(v.bodyFr, v.bodyEn),
        author: ctx.actor.email,
        at: ctx.clock(),
      }),
    (after) =>
      auditEntry(ctx.clock(), ctx.actor, 'incident.resolved', {
        target: before.id,
        before: { status: before.status },
        after: {
          status: after.status,
          resolvedAt: after.resolvedAt,
          body: after.updates.at(-1)?.body ?? null,
        },
      }),
  );
  return { ok: true, value: after };
}
