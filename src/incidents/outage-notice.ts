import type { CheckOutcome, Localized } from '../domain/vocabulary.ts';
import { formatDuration } from '../i18n/format.ts';

/**
 * The text of automatic outage incidents, in French and English. Plain language: it says what a
 * citizen meets (the site does not answer, shows an error, a browser warning…), never guesses a
 * cause and never promises when the service will be back.
 */

type Symptom = 'unreachable' | 'error' | 'wrong_page' | 'browser_warning' | 'stopped';

const SYMPTOM_OF: Partial<Record<CheckOutcome, Symptom>> = {
  timeout: 'unreachable',
  dns_nxdomain: 'unreachable',
  refused: 'unreachable',
  reset: 'unreachable',
  network_error: 'unreachable',
  http_5xx: 'error',
  http_4xx: 'error',
  redirect_error: 'error',
  body_too_large: 'error',
  keyword_missing: 'wrong_page',
  json_mismatch: 'wrong_page',
  header_mismatch: 'wrong_page',
  heartbeat_missed: 'stopped',
  tls_expired: 'browser_warning',
  tls_hostname: 'browser_warning',
  tls_untrusted: 'browser_warning',
};

const TITLES: Record<Symptom, Localized> = {
  unreachable: { fr: 'site inaccessible', en: 'site unreachable' },
  error: { fr: 'le site affiche une erreur', en: 'the site shows an error' },
  wrong_page: { fr: 'le site ne s’affiche pas normalement', en: 'the site does not display normally' },
  browser_warning: { fr: 'alerte de sécurité du navigateur', en: 'browser security warning' },
  stopped: { fr: 'un traitement semble arrêté', en: 'a background task seems to have stopped' },
};

// « Le site ${name} » keeps every sentence right whatever the name's gender and number
// (« Le site Douane ne répond pas », never « Douane ne répond pas » nor « Rétablie »).
const OPENED_BODIES: Record<Symptom, (name: Localized) => Localized> = {
  unreachable: (name) => ({
    fr: `Le site ${name.fr} ne répond pas\u00a0: il ne s’ouvre pas pour les usagers.`,
    en: `${name.en} is not responding: the site does not open for users.`,
  }),
  error: (name) => ({
    fr: `Le site ${name.fr} répond par une page d’erreur\u00a0: les démarches en ligne ne peuvent pas aboutir.`,
    en: `${name.en} answers with an error page: online procedures cannot be completed.`,
  }),
  wrong_page: (name) => ({
    fr: `Le site ${name.fr} répond, mais sa page habituelle ne s’affiche pas\u00a0: les démarches en ligne peuvent échouer.`,
    en: `${name.en} answers, but its usual page does not display: online procedures may fail.`,
  }),
  browser_warning: (name) => ({
    fr: `Les navigateurs affichent une alerte de sécurité à l’ouverture du site ${name.fr}\u00a0: l’accès est bloqué ou déconseillé.`,
    en: `Browsers show a security warning when opening ${name.en}: access to the site is blocked or discouraged.`,
  }),
  stopped: (name) => ({
    fr: `Le site ${name.fr} ne signale plus qu’il fonctionne\u00a0: un traitement en arrière-plan semble arrêté, et les démarches qui en dépendent peuvent prendre du retard.`,
    en: `${name.en} no longer reports that it works: a background task seems to have stopped, and procedures that depend on it may be delayed.`,
  }),
};

const FOLLOW_UP: Localized = {
  fr: 'Vigie continue de vérifier ce site\u00a0; cette page sera mise à jour dès qu’il fonctionnera de nouveau.',
  en: 'Vigie keeps checking it; this page will be updated as soon as it works again.',
};

function symptomOf(outcome: CheckOutcome): Symptom {
  return SYMPTOM_OF[outcome] ?? 'unreachable';
}

/**
 * Title and body of the automatic incident a confirmed outage opens; `name` is the service's name
 * alone, never its gloss. `confirmedFrom`: the names of the locations that confirmed it, when the
 * catalogue lists locations (none: nothing is said).
 */
export function outageOpenedNotice(
  name: Localized,
  outcome: CheckOutcome,
  confirmedFrom: readonly Localized[] = [],
): { title: Localized; body: Localized } {
  const symptom = symptomOf(outcome);
  const body = OPENED_BODIES[symptom](name);
  const where = confirmedFromSentence(confirmedFrom);
  return {
    title: { fr: `${name.fr}\u00a0: ${TITLES[symptom].fr}`, en: `${name.en}: ${TITLES[symptom].en}` },
    body: { fr: `${body.fr}${where.fr} ${FOLLOW_UP.fr}`, en: `${body.en}${where.en} ${FOLLOW_UP.en}` },
  };
}

function confirmedFromSentence(places: readonly Localized[]): Localized {
  if (places.length === 0) return { fr: '', en: '' };
  const list = (locale: 'fr' | 'en') =>
    new Intl.ListFormat(locale === 'fr' ? 'fr' : 'en-GB', { type: 'conjunction' }).format(places.map((p) => p[locale]));
  return {
    fr: ` Panne constatée depuis ${list('fr')}.`,
    en: ` Outage confirmed from ${list('en')}.`,
  };
}

/** Body of the final update when a confirmed recovery resolves the outage, with the duration as pages write it. */
export function outageResolvedNotice(name: Localized, durationMs: number): Localized {
  const seconds = durationMs / 1000;
  return {
    fr: `Service rétabli après ${formatDuration(seconds, 'fr')}. Le site ${name.fr} répond de nouveau normalement.`,
    en: `Restored after ${formatDuration(seconds, 'en')}. ${name.en} is responding normally again.`,
  };
}
