import { keptFrench } from '../domain/french-names.ts';
import type { Draft, Locale, Localized } from '../domain/vocabulary.ts';

/** Text in the wanted language, or the French original with `pending` set while English is awaited. */
export interface LocalText {
  text: string;
  pending: boolean;
}

export function localText(draft: Draft | Localized, locale: Locale): LocalText {
  if (locale === 'fr') return { text: draft.fr, pending: false };
  const english = draft.en?.trim();
  return english ? { text: english, pending: false } : { text: draft.fr, pending: true };
}

/** A service's name in a language, and the language it is written in: an official French name kept as is in English is French. */
export function localName(name: Localized, locale: Locale): { text: string; lang: Locale } {
  return { text: name[locale], lang: locale !== 'fr' && keptFrench(name) ? 'fr' : locale };
}
