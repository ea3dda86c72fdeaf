import type { Locale } from '../domain/vocabulary.ts';

/**
 * Singular or plural by each language's own rule (Intl.PluralRules): French takes the singular for
 * 0 and 1 (« 0 échec », « 1 échec »), English only for 1. CLDR's other French categories (« many »
 * for round millions) take the plural form.
 */
export interface PluralForms {
  one: string;
  other: string;
}

const RULES: Record<Locale, Intl.PluralRules> = {
  fr: new Intl.PluralRules('fr-FR'),
  en: new Intl.PluralRules('en-GB'),
};

export function pluralForm(locale: Locale, n: number, forms: PluralForms): string {
  return RULES[locale].select(n) === 'one' ? forms.one : forms.other;
}

/** « 3 échecs », "1 failure": the number, a no-break space, the agreed noun. */
export function countOf(locale: Locale, n: number, forms: PluralForms): string {
  return `${n}\u00a0${pluralForm(locale, n, forms)}`;
}
