import { LOCALES } from '../domain/vocabulary.ts';
import { t } from '../i18n/index.ts';
import { pathFor } from '../addresses/routes.ts';
import { escapeHtml } from '../addresses/escape.ts';

/** The copy's `/` when Accept-Language names both languages (see nginx-config.ts), and its script. */
export const LANGUAGE_PAGE = 'language.html';
export const LANGUAGE_SCRIPT = '/language.js';

/**
 * A bilingual page linking both overviews. Its script goes on at once to the first of French or
 * English in the browser's ordered languages (the order Accept-Language weights were made from);
 * without JavaScript the reader picks.
 */
export function languagePage(): string {
  const links = LOCALES.map((locale) => {
    const d = t(locale);
    return `<li lang="${locale}"><a href="${pathFor(locale, { page: 'overview' })}" hreflang="${locale}">${escapeHtml(d.snapshot.languageLink)}</a></li>`;
  }).join('\n');
  const title = LOCALES.map((locale) => t(locale).snapshot.chooseLanguage).join(' · ');
  return `<!doctype html>
<html lang="fr">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(`${t('fr').site.name} · ${title}`)}</title>
<script src="${LANGUAGE_SCRIPT}" defer></script>
</head>
<body>
<main>
<h1>${LOCALES.map((locale) => `<span lang="${locale}">${escapeHtml(t(locale).snapshot.chooseLanguage)}</span>`).join(' · ')}</h1>
<ul>
${links}
</ul>
</main>
</body>
</html>
`;
}

/** Same rule as the origin's: French unless English comes first; another language alone means French. */
export const LANGUAGE_SCRIPT_SOURCE = `(function () {
  'use strict';
  var list = navigator.languages && navigator.languages.length ? navigator.languages : [navigator.language || ''];
  for (var i = 0; i < list.length; i++) {
    var primary = String(list[i]).toLowerCase().split('-')[0];
    if (primary === 'fr' || primary === 'en') return location.replace('/' + primary + '/');
  }
  location.replace('/fr/');
})();
`;
