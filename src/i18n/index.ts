import { LOCALES, type Locale } from '../domain/vocabulary.ts';
import { en } from './en.ts';
import { fr, type Dictionary } from './fr.ts';

export type { Dictionary, ProbeFacts, Section } from './fr.ts';

const DICTIONARIES: Record<Locale, Dictionary> = { fr, en };

/** The words of the site in one language. */
export function t(locale: Locale): Dictionary {
  return DICTIONARIES[locale];
}

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}

export function otherLocale(locale: Locale): Locale {
  return locale === 'fr' ? 'en' : 'fr';
}
