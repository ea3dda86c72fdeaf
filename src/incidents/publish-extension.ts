import { z } from 'zod';
import { auditEntry } from '../domain/audit-entry.ts';
import type { Deadline } from '../domain/guidance.ts';
import { parisWallClockToUtc } from '../domain/paris-time.ts';
import type { Incident } from '../domain/incident-records.ts';
import type { Locale } from '../domain/vocabulary.ts';
import { formatDayTime, formatDateTime } from '../i18n/format.ts';
import { t } from '../i18n/index.ts';
import { affects } from '../domain/incident-scope.ts';
import type { Store } from '../store/store.ts';
import { fieldErrors } from './form-fields.ts';
import { MAX_MARKDOWN_LENGTH } from './markdown.ts';
import { refused, type ActionResult, type IncidentContext } from './service-context.ts';

/**
 * Staff publish a deadline's extension in one action: the new date and the official link are
 * stored (every page shows « Date limite reportée au … » next to the service), and the same news
 * goes out as an update of the incident about the service, in both languages, so the feeds, the
 * API and subscribers get it too. With no open incident, it is published as a closed notice: it
 * must not make the service look worse than it is.
 */
export async function publishExtension({ ctx, input }: { ctx: IncidentContext; input: unknown }): Promise<ActionResult<Incident>> {
  const note = z.string().trim().max(MAX_MARKDOWN_LENGTH, { error: 'too_long' }).default('');
  const schema = z
    .object({
      serviceId: z.string().min(1),
      deadlineId: z.string().min(1),
      date: z.string({ error: 'required' }).trim().min(1, { error: 'required' }),
      time: z.string({ error: 'required' }).trim().min(1, { error: 'required' }),
      url: z.url({ protocol: /^https?$/, error: 'invalid' }),
      noteFr: note,
      noteEn: note,
    })
    .superRefine((v, issues) => {
      // A note is news citizens read in either language: both or neither.
      if (v.noteFr !== '' && v.noteEn === '') issues.addIssue({ code: 'custom', path: ['noteEn'], message: 'required_en' });
      if (v.noteEn !== '' && v.noteFr === '') issues.addIssue({ code: 'custom', path: ['noteFr'], message: 'required' });
    });
  const parsed = schema.safeParse(input);
  if (!parsed.success) return { ok: false, errors: fieldErrors(parsed.error) };
  const v = parsed.data;
  const deadline = ctx.catalogue.services.find((s) => s.id === v.serviceId)?.deadlines?.find((d) => d.id === v.deadlineId);
  if (!deadline) return refused('_form', 'not_found');
  const at = parisWallClockToUtc(v.date, v.time);
  if (!at) return refused('date', 'invalid_time');
  if (at.getTime() <= deadline.at.getTime()) return refused('date', 'not_later');
  const now = ctx.clock();
  const body = bothLanguages((locale) => {
    const words = t(locale).guidance.extension;
    const news = words.body(deadline.name[locale], formatDateTime(at, locale), formatDayTime(deadline.at, locale), v.url);
    const extra = locale === 'fr' ? v.noteFr : v.noteEn;
    return extra === '' ? news : `${news}\n\n${extra}`;
  });
  const incident = await ctx.store.audited(
    async (store) => {
      await store.saveDeadlineExtension({
        serviceId: v.serviceId,
        deadlineId: v.deadlineId,
        at,
        url: v.url,
        author: ctx.actor.email,
        publishedAt: now,
      });
      return announce(store, v.serviceId, deadline, body, ctx.actor.email, now);
    },
    (incident) =>
      auditEntry(now, ctx.actor, 'deadline.extended', {
        target: `${v.serviceId}/${v.deadlineId}`,
        before: { at: deadline.at.toISOString() },
        after: { at: at.toISOString(), url: v.url, incident: incident.id },
      }),
  );
  return { ok: true, value: incident };
}

function bothLanguages(render: (locale: Locale) => string): { fr: string; en: string } {
  return { fr: render('fr'), en: render('en') };
}

/** Staff words first, then the probe's outage; the newest when several. */
async function announce(store: Store, serviceId: string, deadline: Deadline, body: { fr: string; en: string }, author: string, at: Date) {
  const open = (await store.listIncidents({ state: 'open', serviceId, limit: 50 })).items.filter(
    (i) => i.resolvedAt === null && affects(i, serviceId),
  );
  const about = open.find((i) => i.kind === 'staff') ?? open[0];
  if (about) return store.addIncidentUpdate(about.id, { status: about.status, body, author, at });
  return store.createIncident({
    title: bothLanguages((locale) => t(locale).guidance.extension.title(deadline.name[locale])),
    status: 'resolved',
    affected: [{ serviceId, impact: 'degraded' }],
    body,
    author,
    at,
  });
}
