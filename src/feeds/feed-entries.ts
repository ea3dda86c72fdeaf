import type { Locale, ShownIncidentStatus } from '../domain/vocabulary.ts';
import { renderMarkdown } from '../incidents/markdown.ts';
import { escapeHtml } from '../addresses/escape.ts';
import type { Maintenance } from '../domain/incident-records.ts';
import { localText, type LocalText } from '../i18n/local-text.ts';
import type { IncidentView } from '../status/incident-view.ts';

/** One feed item, independent of RSS or Atom. `html` is safe HTML; `title` is plain text. */
export interface FeedEntry {
  id: string;
  link: string;
  title: string;
  date: Date;
  html: string;
}

/** The localised words a feed needs, taken from the site's dictionaries. */
export interface FeedWords {
  incidentStatus: Record<ShownIncidentStatus, string>;
  maintenanceAnnounced: string;
  maintenanceCancelled: string;
  /** Said before French text shown in the English feed while the translation is pending. */
  translationPending: string;
  affectedServices: string;
  window: (start: Date, end: Date) => string;
  /** The window a cancelled maintenance no longer covers. */
  cancelledWindow: (start: Date, end: Date) => string;
  /** Heads the other ways to do what a failing service does. */
  whatNow: string;
}

export interface EntryContext {
  locale: Locale;
  words: FeedWords;
  /** Absolute URL of an incident page, of the maintenance page, in the feed's language. */
  incidentUrl: (id: string) => string;
  maintenanceUrl: string;
  /** A service's name alone and its language (an official French name in the English feed is French). */
  serviceName: (id: string) => { text: string; lang: Locale } | null;
  /** The other ways to do what a service does, one sentence each (« Par téléphone : 39 39, ouvert jusqu'à 18 h »). */
  alternatives?: (id: string) => string[];
  now: Date;
}

/** Each incident update is an item; nothing dated in the future is published. */
export function incidentEntries(incidents: IncidentView[], ctx: EntryContext): FeedEntry[] {
  const nowMs = ctx.now.getTime();
  return incidents.flatMap((incident) => {
    const title = incident.title;
    const link = ctx.incidentUrl(incident.id);
    const affected = namesLine(
      incident.affected.map((a) => a.name),
      ctx,
    );
    const published = incident.updates.filter((u) => u.createdAt.getTime() <= nowMs);
    const latest = published.at(-1)?.id;
    // What to do instead goes with the newest word on an open incident: older items are history.
    const open = incident.status !== 'resolved' && incident.resolvedAt === null;
    const whatNow = open
      ? whatNowHtml(
          incident.affected.map((a) => a.serviceId),
          ctx,
        )
      : '';
    return published.map((update) => ({
      id: `${link}#update-${update.id}`,
      link,
      title: `[${ctx.words.incidentStatus[update.status]}] ${title.text}`,
      date: update.createdAt,
      html: itemHtml(title, update.body, ctx, [affected, update.id === latest ? whatNow : '']),
    }));
  });
}

/**
 * A maintenance is published when it is announced (its window is in the text, never in the date),
 * and once more if it is cancelled, saying the window it no longer covers instead of its notice.
 */
export function maintenanceEntries(maintenances: Maintenance[], ctx: EntryContext): FeedEntry[] {
  const nowMs = ctx.now.getTime();
  return maintenances.flatMap((m) => {
    const title = localText(m.title, ctx.locale);
    const window = `<p>${escapeHtml(ctx.words.window(m.startsAt, m.endsAt))}</p>`;
    const text = itemHtml(title, localText(m.body, ctx.locale), ctx, [window, affectedList(m.serviceIds, ctx)]);
    const announced: FeedEntry = {
      id: `${ctx.maintenanceUrl}#maintenance-${m.id}`,
      link: ctx.maintenanceUrl,
      title: `[${ctx.words.maintenanceAnnounced}] ${title.text}`,
      date: m.createdAt,
      html: text,
    };
    const entries = m.createdAt.getTime() <= nowMs ? [announced] : [];
    if (m.cancelledAt && m.cancelledAt.getTime() <= nowMs) {
      entries.push({
        ...announced,
        id: `${announced.id}-cancelled`,
        title: `[${ctx.words.maintenanceCancelled}] ${title.text}`,
        date: m.cancelledAt,
        html: [`<p>${escapeHtml(ctx.words.cancelledWindow(m.startsAt, m.endsAt))}</p>`, affectedList(m.serviceIds, ctx)].join(''),
      });
    }
    return entries;
  });
}

/** Newest first, at most `limit`. */
export function newestEntries(entries: FeedEntry[], limit: number): FeedEntry[] {
  return [...entries].sort((a, b) => b.date.getTime() - a.date.getTime() || a.id.localeCompare(b.id)).slice(0, limit);
}

/** The body as safe HTML; French shown in the English feed is declared and marked `lang="fr"`. */
function itemHtml(title: LocalText, body: LocalText, ctx: EntryContext, extra: string[]): string {
  const note = title.pending || body.pending ? `<p><em>${escapeHtml(ctx.words.translationPending)}</em></p>` : '';
  const html = renderMarkdown(body.text);
  return [note, body.pending ? `<div lang="fr">${html}</div>` : html, ...extra].join('');
}

function affectedList(serviceIds: string[], ctx: EntryContext): string {
  return namesLine(
    serviceIds.map((id) => ctx.serviceName(id)).filter((n) => n !== null),
    ctx,
  );
}

function whatNowHtml(serviceIds: string[], ctx: EntryContext): string {
  const sentences = serviceIds.flatMap((id) => ctx.alternatives?.(id) ?? []);
  if (sentences.length === 0) return '';
  return `<p>${escapeHtml(ctx.words.whatNow)}</p><ul>${sentences.map((s) => `<li>${escapeHtml(s)}</li>`).join('')}</ul>`;
}

function namesLine(names: { text: string; lang: Locale }[], ctx: EntryContext): string {
  if (names.length === 0) return '';
  const marked = names.map((n) => (n.lang !== ctx.locale ? `<span lang="${n.lang}">${escapeHtml(n.text)}</span>` : escapeHtml(n.text)));
  return `<p>${escapeHtml(ctx.words.affectedServices)} ${marked.join(', ')}</p>`;
}
