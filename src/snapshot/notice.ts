import type { Locale } from '../domain/vocabulary.ts';
import { formatDateTimeZoned } from '../i18n/format.ts';
import { t } from '../i18n/index.ts';
import { HEARTBEAT_FRESH_MS } from '../status/location-liveness.ts';
import { escapeHtml } from '../addresses/escape.ts';

export const AGE_SCRIPT = '/snapshot-age.js';

/**
 * Marks a page of the static copy: a visible sentence saying when it was generated (true without
 * JavaScript however long the copy is served), and the optional script that turns it into "these
 * figures are N min old" and shows services as unknown once the copy is older than the window after
 * which the origin itself would (no probe heard from for HEARTBEAT_FRESH_MS).
 */
export function markStaticPage(html: string, generatedAt: Date): string {
  const locale: Locale = /\slang="en"/.test(firstTag(html, 'html') ?? '') ? 'en' : 'fr';
  const d = t(locale);
  const attributes = {
    'data-generated-at': generatedAt.toISOString(),
    'data-window-ms': String(HEARTBEAT_FRESH_MS),
    'data-age': d.snapshot.age('{n}'),
    'data-too-old': d.snapshot.tooOld,
    'data-unknown': d.states.unknown,
  };
  const attrs = Object.entries(attributes)
    .map(([name, value]) => `${name}="${escapeHtml(value)}"`)
    .join(' ');
  const notice = `<p class="snapshot-notice small" ${attrs}><time datetime="${generatedAt.toISOString()}">${escapeHtml(
    d.snapshot.generated(formatDateTimeZoned(generatedAt, locale)),
  )}</time> <span class="snapshot-age"></span></p>`;
  const main = firstTag(html, 'main');
  const withNotice = main === null ? html : html.replace(main, () => `${main}${notice}`);
  return withNotice.replace('</head>', `<script src="${AGE_SCRIPT}" defer></script></head>`);
}

/**
 * The first opening tag named `name` (`<main …>`), found with indexOf: a pattern such as
 * `/<main\b[^>]*>/` retries from every `<main` and takes quadratic time on text full of them.
 */
function firstTag(html: string, name: string): string | null {
  let from = 0;
  for (;;) {
    const start = html.indexOf(`<${name}`, from);
    if (start < 0) return null;
    const next = html.charAt(start + name.length + 1);
    if (next === '>' || next === ' ' || next === '\n' || next === '\t' || next === '/') {
      const end = html.indexOf('>', start);
      return end < 0 ? null : html.slice(start, end + 1);
    }
    from = start + 1;
  }
}
