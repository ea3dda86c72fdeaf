/**
 * French words of automatic incidents, rendered when read from what the probes saw (see
 * `probe-words.ts`). They say what the probes saw and only that: never a cause, never what every
 * user meets, never a « démarche » a site may not have. The site is named by its domain
 * (« senat.fr »), which needs no article, where its name would need one (« le site du Sénat »).
 */
const NB = '\u00a0';
const quoted = (text: string) => `«${NB}${text}${NB}»`;

export const frOutage = {
  titles: {
    name_unresolved: 'site introuvable',
    unreachable: 'site inaccessible',
    refused: 'connexions refusées',
    error_page: 'le site affiche une erreur',
    unexpected_answer: 'réponse inattendue',
    browser_warning: 'alerte de sécurité du navigateur',
    step_fails: 'une étape du parcours échoue',
    beat_missing: 'plus de signal de fonctionnement',
    other: 'panne détectée',
    own_page_down: 'panne signalée par sa propre page d’état',
    own_page_degraded: 'perturbations signalées par sa propre page d’état',
  },
  seen: {
    name_unresolved: (domain: string) => `Nos sondes n’arrivent pas à ouvrir ${domain}${NB}: son nom n’est plus trouvé (résolution DNS).`,
    unreachable: (domain: string) => `Nos sondes n’arrivent pas à ouvrir ${domain}${NB}: le site ne répond pas.`,
    refused: (domain: string) => `Nos sondes n’arrivent pas à se connecter à ${domain}${NB}: les connexions sont refusées.`,
    error_page: (domain: string) => `Nos sondes n’arrivent pas à ouvrir ${domain}${NB}: le site affiche une page d’erreur.`,
    unexpected_answer: (domain: string) => `Nos sondes ouvrent ${domain}, mais n’y trouvent pas la réponse attendue.`,
    browser_warning: (domain: string) =>
      `Nos sondes n’arrivent pas à ouvrir ${domain} en sécurité${NB}: les navigateurs affichent une alerte de sécurité.`,
    step_fails: (domain: string, step: string) => `Sur ${domain}, nos sondes échouent à l’étape ${quoted(step)}.`,
    beat_missing: (domain: string) => `Nos sondes ne reçoivent plus le signal par lequel ${domain} indique qu’il fonctionne.`,
    other: (domain: string) => `Nos sondes constatent que ${domain} ne fonctionne pas normalement.`,
    own_page_down: (domain: string) =>
      `La page d’état de ${domain} signale elle-même une panne${NB}: ce n’est pas une mesure de nos sondes.`,
    own_page_degraded: (domain: string) =>
      `La page d’état de ${domain} signale elle-même des perturbations${NB}: ce n’est pas une mesure de nos sondes.`,
  },
  /** Said after what was seen, except for a missing signal, which a visitor does not meet. */
  sameProblem: 'Vous risquez de rencontrer le même problème.',
  where: (places: string) => `Points de mesure qui le constatent${NB}: ${places}.`,
  followUp: (domain: string) => `Cette page sera mise à jour dès que nos sondes verront ${domain} fonctionner de nouveau.`,
  recovered: (domain: string, duration: string) =>
    `Rétabli après ${duration}${NB}: nos sondes voient de nouveau ${domain} fonctionner normalement.`,
};
