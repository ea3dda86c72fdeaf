import type { Locale } from '../domain/vocabulary.ts';
import { formatDateTimeZoned } from '../i18n/format.ts';
import { t } from '../i18n/index.ts';
import { HEARTBEAT_FRESH_MS } from '../status/location-votes.ts';
import { escapeHtml } from '../web/escape.ts';

export const AGE_SCRIPT = '/snapshot-age.js';

/**
 * Marks a page of the static copy: a visible sentence saying when it was generated (true without
 * JavaScript however long the copy is served), and the optional script that turns it into "these
 * figures are N min old" and shows services as unknown once the copy is older than the window after
 * which the origin itself would (no probe heard from for HEARTBEAT_FRESH_MS).
 */
export function markStaticPage(html: string, generatedAt: Date): string {
  const locale: Locale = /<html[^>]*\blang="en"/.test(html) ? 'en' : 'fr';
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
  const withNotice = html.replace(/<main\b[^>]*>/, (open) => `${open}${notice}`);
  return withNotice.replace('</head>', `<script src="${AGE_SCRIPT}" defer></script></head>`);
}
