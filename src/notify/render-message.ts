import type { Locale } from '../domain/vocabulary.ts';
import { formatDate, formatList } from '../i18n/format.ts';
import { t } from '../i18n/index.ts';
import { renderMarkdown } from '../incidents/markdown.ts';
import { absoluteUrl } from '../addresses/routes.ts';
import { escapeHtml } from '../addresses/escape.ts';
import type { MessageItem, Text } from './message-items.ts';
import { plainMarkdown } from './plain-markdown.ts';
import { splitFrenchNames } from '../domain/french-names.ts';

/** A message's content shared by every subscriber with the same language and the same events. */
export interface RenderedDigest {
  subject: string;
  text: string;
  html: string;
}

/**
 * Pure: subject, plain text and simple HTML of the items, in `locale`. `frenchNames` are the
 * official names kept in French in English text (`keptFrenchNames`): marked `lang="fr"` there.
 */
export function renderDigest(
  items: readonly MessageItem[],
  locale: Locale,
  publicUrl: string,
  frenchNames: readonly string[] = [],
): RenderedDigest {
  const d = t(locale).notify.mail;
  const colon = t(locale).colon;
  const only = items.length === 1 ? items[0] : undefined;
  const subject = only ? d.subjectOne(only.subject) : d.subjectMany(newsOf(items, locale));
  const heading = (item: MessageItem) => (item.label ? `${item.label.text}${colon}${item.heading.text}` : item.heading.text);
  const text = [
    d.intro,
    ...items.map((item) =>
      [
        heading(item),
        ...item.paragraphs.map((p) => p.text),
        ...(item.body ? [plainMarkdown(item.body.text)] : []),
        `${d.details}${colon}${absoluteUrl(publicUrl, item.path)}`,
      ].join('\n\n'),
    ),
  ].join('\n\n---\n\n');
  const html = [
    `<p>${escapeHtml(d.intro)}</p>`,
    ...items.map((item) => {
      const label = item.label ? `${escapeHtml(item.label.text)}${escapeHtml(colon)}` : '';
      const span = (text: Text) => markup(text, locale, frenchNames);
      return [
        `<h2 style="font-size:1.1em">${label}${span(item.heading)}</h2>`,
        ...item.paragraphs.map((p) => `<p>${span(p)}</p>`),
        item.body ? `<div${langAttr(item.body, locale)}>${renderMarkdown(item.body.text)}</div>` : '',
        `<p><a href="${escapeHtml(absoluteUrl(publicUrl, item.path))}">${escapeHtml(d.details)}</a></p>`,
      ].join('\n');
    }),
  ].join('\n<hr>\n');
  return { subject, text, html };
}

/**
 * The news of a message telling several things, for its subject: the services down, then those
 * working again (two names at most each, then how many more), then how many other notices.
 */
function newsOf(items: readonly MessageItem[], locale: Locale): string {
  const d = t(locale).notify.mail;
  const names = (change: 'down' | 'up') => items.flatMap((i) => (i.news?.change === change ? [i.news.name] : []));
  const listed = (all: string[]) => formatList(all.length > 3 ? [...all.slice(0, 2), d.moreServices(all.length - 2)] : all, locale);
  const down = names('down');
  const up = names('up');
  const others = items.length - down.length - up.length;
  return [
    down.length > 0 ? d.newsDown(listed(down)) : null,
    up.length > 0 ? d.newsUp(listed(up), up.length) : null,
    others > 0 ? d.newsOther(others) : null,
  ]
    .filter((part): part is string => part !== null)
    .join(d.newsJoin);
}

/** The footer lines that are the subscriber's own: why they get it (since when) and their manage link. */
export interface OwnFooter {
  text: string;
  html: string;
}

/** Pure: the subscriber's own footer lines, in text and HTML. */
export function ownFooter(input: { locale: Locale; consentedAt: Date; manageUrl: string }): OwnFooter {
  const d = t(input.locale).notify.mail;
  const why = d.why(formatDate(input.consentedAt, input.locale, { year: true }));
  return {
    text: `${why}\n${d.manage}${t(input.locale).colon}${input.manageUrl}`,
    html: `${escapeHtml(why)}<br><a href="${escapeHtml(input.manageUrl)}">${escapeHtml(d.manage)}</a>`,
  };
}

/**
 * Pure: the whole message around the subscriber's own footer lines (who sends it, the HTML
 * document). Those lines stand alone on their lines, so a message composed once for many
 * subscribers can take each one's lines in their place (`bulk-mail.ts`).
 */
export function withFooter(digest: RenderedDigest, input: { locale: Locale; publisher?: string | null }, own: OwnFooter): RenderedDigest {
  const sentBy = t(input.locale).notify.mail.sentBy(input.publisher ?? null);
  return {
    subject: digest.subject,
    text: `${digest.text}\n\n---\n\n${sentBy}\n${own.text}\n`,
    html:
      `<!doctype html><html lang="${input.locale}"><head><meta charset="utf-8"><title>${escapeHtml(digest.subject)}</title></head><body>\n` +
      // The subject as the message's one top heading, so readers' heading navigation starts somewhere.
      `<h1 style="font-size:1.25em">${escapeHtml(digest.subject)}</h1>\n${digest.html}\n<hr>\n<p><small>${escapeHtml(sentBy)}<br>\n${own.html}\n</small></p>\n</body></html>\n`,
  };
}

function langAttr(text: Text, locale: Locale): string {
  return text.lang === locale ? '' : ` lang="${text.lang}"`;
}

function markup(text: Text, locale: Locale, frenchNames: readonly string[]): string {
  if (text.lang !== locale) return `<span lang="${text.lang}">${escapeHtml(text.text)}</span>`;
  if (locale === 'fr') return escapeHtml(text.text);
  return splitFrenchNames(text.text, frenchNames)
    .map((piece) => (piece.french ? `<span lang="fr">${escapeHtml(piece.text)}</span>` : escapeHtml(piece.text)))
    .join('');
}
