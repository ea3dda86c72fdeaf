import type { Locale } from '../domain/vocabulary.ts';

/** What the information pages say in place of a fact the operator has not given yet. */
export const MISSING: Record<Locale, string> = {
  fr: '(information pas encore fournie par l’éditeur du site)',
  en: '(not yet provided by the site’s publisher)',
};

/** The technologies Vigie's pages are made with: a fact of the software, not of the operator. */
export const SITE_TECHNOLOGIES: Record<Locale, string[]> = {
  fr: ['HTML', 'CSS', 'SVG', 'JavaScript (facultatif\u00a0: rafraîchissement automatique des pages)'],
  en: ['HTML', 'CSS', 'SVG', 'JavaScript (optional: automatic page refresh)'],
};

/** The remedies every RGAA statement lists (model statement, « Voies de recours »). */
export const DEFENSEUR_DES_DROITS = {
  form: 'https://formulaire.defenseurdesdroits.fr/',
  delegates: 'https://www.defenseurdesdroits.fr/carte-des-delegues',
  postal: 'Défenseur des droits, Libre réponse 71120, 75342 Paris CEDEX 07',
} as const;

/** Where anyone may complain about the handling of their personal data. */
export const CNIL_COMPLAINTS = 'https://www.cnil.fr/fr/plaintes';
