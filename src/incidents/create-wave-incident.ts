import { z } from 'zod';
import { auditEntry } from '../domain/audit-entry.ts';
import type { Incident } from '../domain/incident-records.ts';
import { filledTemplate } from '../domain/templates.ts';
import type { ActionResult, IncidentContext } from './service-context.ts';
import { refused } from './service-context.ts';
import { templateValues } from './template-values.ts';

/**
 * The wave's umbrella incident in one action: every service of the proposal affected (major),
 * its title and first message from the chosen template in both languages. From then on staff
 * update it once for all of them.
 */
export async function createWaveIncident({ ctx, input }: { ctx: IncidentContext; input: unknown }): Promise<ActionResult<Incident>> {
  const known = new Set(ctx.catalogue.services.map((s) => s.id));
  const parsed = z
    .object({
      template: z.string({ error: 'required' }).min(1, { error: 'required' }),
      services: z
        .array(z.string())
        .min(2, { error: 'no_service' })
        .refine((ids) => ids.every((id) => known.has(id)), { error: 'unknown_service' }),
      start: z.iso.datetime({ error: 'invalid_time' }).optional(),
    })
    .safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return refused(String(issue?.path[0] ?? '_form'), issue?.message === 'unknown_service' ? 'unknown_service' : 'invalid');
  }
  const { template: templateId, services, start } = parsed.data;
  const template = (await ctx.store.listTemplates()).find((t) => t.id === templateId);
  if (!template) return refused('template', 'not_found');
  const words = filledTemplate(template, templateValues(ctx.catalogue, services, start ? new Date(start) : null));
  const affected = [...new Set(services)].map((serviceId) => ({ serviceId, impact: 'major' as const }));
  const incident = await ctx.store.audited(
    (store) =>
      store.createIncident({
        title: words.title,
        body: words.body,
        status: 'identified',
        affected,
        author: ctx.actor.email,
        at: ctx.clock(),
        ...(start ? { startedAt: new Date(start) } : {}),
      }),
    (created) =>
      auditEntry(ctx.clock(), ctx.actor, 'incident.created', {
        target: created.id,
        after: {
          wave: true,
          template: template.id,
          title: created.title,
          affected: created.affected,
          body: created.updates[0]?.body ?? null,
        },
      }),
  );
  return { ok: true, value: incident };
}
