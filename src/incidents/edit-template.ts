import { z } from 'zod';
import { auditEntry } from '../domain/audit-entry.ts';
import type { IncidentTemplate } from '../domain/templates.ts';
import { MAX_MARKDOWN_LENGTH } from './markdown.ts';
import { TITLE_MAX_LENGTH, fieldErrors } from './form-fields.ts';
import { refused, type ActionResult, type IncidentContext } from './service-context.ts';

const text = (max: number) => z.string({ error: 'required' }).trim().min(1, { error: 'required' }).max(max, { error: 'too_long' });

/** Staff rewrite a template's words, both languages required (a template is prepared, not written in a hurry); audited. */
export async function editTemplate({ ctx, input }: { ctx: IncidentContext; input: unknown }): Promise<ActionResult<IncidentTemplate>> {
  const parsed = z
    .object({
      id: z.string({ error: 'required' }).min(1),
      nameFr: text(80),
      nameEn: text(80),
      titleFr: text(TITLE_MAX_LENGTH),
      titleEn: text(TITLE_MAX_LENGTH),
      bodyFr: text(MAX_MARKDOWN_LENGTH),
      bodyEn: text(MAX_MARKDOWN_LENGTH),
    })
    .safeParse(input);
  if (!parsed.success) return { ok: false, errors: fieldErrors(parsed.error) };
  const v = parsed.data;
  const before = (await ctx.store.listTemplates()).find((t) => t.id === v.id);
  if (!before) return refused('_form', 'not_found');
  const next = {
    id: v.id,
    name: { fr: v.nameFr, en: v.nameEn },
    title: { fr: v.titleFr, en: v.titleEn },
    body: { fr: v.bodyFr, en: v.bodyEn },
  };
  const saved = await ctx.store.audited(
    async (store) => {
      const written = await store.saveTemplate(next, ctx.clock());
      if (!written) throw new Error(`template ${v.id} vanished while being edited`);
      return written;
    },
    (written) =>
      auditEntry(ctx.clock(), ctx.actor, 'template.edited', {
        target: written.id,
        before: { name: before.name, title: before.title, body: before.body },
        after: { name: written.name, title: written.title, body: written.body },
      }),
  );
  return { ok: true, value: saved };
}
