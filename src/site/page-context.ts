import type { Locale } from '../domain/vocabulary.ts';
import { isLocale, t, type Dictionary } from '../i18n/index.ts';
import type { SiteContext } from '../web/context.ts';

/** What every `/[lang]/…` page renders with: its language, that language's words, the site context and one clock reading. */
export interface PageContext {
  locale: Locale;
  d: Dictionary;
  ctx: SiteContext;
  now: Date;
}

/** Null when the path's language is not one of ours: the page answers 404. */
export function pageContext(astro: { params: Record<string, string | undefined>; locals: App.Locals }): PageContext | null {
  const { lang } = astro.params;
  if (!isLocale(lang)) return null;
  return { locale: lang, d: t(lang), ctx: astro.locals.ctx, now: new Date() };
}
