import type { CheckOutcome, Localized } from '../domain/vocabulary.ts';

/**
 * The text of automatic outage incidents, in French and English. Plain language: it says what a
 * citizen meets (the site does not answer, shows an error, a browser warning…), never guesses a
 * cause and never promises when the service will be back.
 */

type Symptom = 'unreachable' | 'error' | 'wrong_page' | 'browser_warning';

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
  tls_expired: 'browser_warning',
  tls_hostname: 'browser_warning',
  tls_untrusted: 'browser_warning',
};

const TITLES: Record<Symptom, Localized> = {
  unreachable: { fr: 'site inaccessible', en: 'site unreachable' },
  error: { fr: 'le site affiche une erreur', en: 'the site shows an error' },
  wrong_page: { fr: 'le site ne s’affiche pas normalement', en: 'the site does not display normally' },
  browser_warning: { fr: 'alerte de sécurité du navigateur', en: 'browser security warning' },
};

const OPENED_BODIES: Record<Symptom, (name: Localized) => Localized> = {
  unreachable: (name) => ({
    fr: `${name.fr} ne répond pas : le site ne s’ouvre pas pour les usagers.`,
    en: `${name.en} is not responding: the site does not open for users.`,
  }),
  error: (name) => ({
    fr: `${name.fr} répond par une page d’erreur : les démarches en ligne ne peuvent pas aboutir.`,
    en: `${name.en} answers with an error page: online procedures cannot be completed.`,
  }),
  wrong_page: (name) => ({
    fr: `${name.fr} répond, mais sa page habituelle ne s’affiche pas : les démarches en ligne peuvent échouer.`,
    en: `${name.en} answers, but its usual page does not display: online procedures may fail.`,
  }),
  browser_warning: (name) => ({
    fr: `Les navigateurs affichent une alerte de sécurité en ouvrant ${name.fr} : l’accès au site est bloqué ou déconseillé.`,
    en: `Browsers show a security warning when opening ${name.en}: access to the site is blocked or discouraged.`,
  }),
};

const FOLLOW_UP: Localized = {
  fr: 'Vigie le vérifie en continu ; cette page sera mise à jour dès qu’il fonctionnera de nouveau.',
  en: 'Vigie keeps checking it; this page will be updated as soon as it works again.',
};

function symptomOf(outcome: CheckOutcome): Symptom {
  return SYMPTOM_OF[outcome] ?? 'unreachable';
}

/** Title and body of the automatic incident a confirmed outage opens. */
export function outageOpenedNotice(name: Localized, outcome: CheckOutcome): { title: Localized; body: Localized } {
  const symptom = symptomOf(outcome);
  const body = OPENED_BODIES[symptom](name);
  return {
    title: { fr: `${name.fr} : ${TITLES[symptom].fr}`, en: `${name.en}: ${TITLES[symptom].en}` },
    body: { fr: `${body.fr} ${FOLLOW_UP.fr}`, en: `${body.en} ${FOLLOW_UP.en}` },
  };
}

/** Body of the final update when a confirmed recovery resolves the outage. */
export function outageResolvedNotice(name: Localized, durationMs: number): Localized {
  const duration = durationInWords(durationMs);
  return {
    fr: `Rétabli après ${duration.fr}. ${name.fr} répond de nouveau normalement.`,
    en: `Restored after ${duration.en}. ${name.en} is responding normally again.`,
  };
}

/** « 1 h 12 min », « 2 j 3 h », « moins d’une minute » — the largest two units, rounded down. */
export function durationInWords(durationMs: number): Localized {
  const totalMinutes = Math.floor(Math.max(0, durationMs) / 60_000);
  if (totalMinutes < 1) return { fr: 'moins d’une minute', en: 'less than a minute' };
  const days = Math.floor(totalMinutes / 1440);
  const hours = Math.floor((totalMinutes % 1440) / 60);
  const minutes = totalMinutes % 60;
  if (days > 0) {
    const fr = hours > 0 ? `${days} j ${hours} h` : `${days} j`;
    const en = hours > 0 ? `${days} d ${hours} h` : `${days} d`;
    return { fr, en };
  }
  const text = hours > 0 ? (minutes > 0 ? `${hours} h ${minutes} min` : `${hours} h`) : `${minutes} min`;
  return { fr: text, en: text };
}
