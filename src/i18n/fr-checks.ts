/** French words of the kinds of check: what the service page says is checked and what fails, staff’s certificate warnings, heartbeat answers. */
import { pluralForm } from './plural.ts';

const NB = '\u00a0';
const days = (n: number) => `${n}${NB}${pluralForm('fr', n, { one: 'jour', other: 'jours' })}`;
const quoted = (text: string) => `«${NB}${text}${NB}»`;

export const frChecks = {
  checked: {
    title: 'Ce que Vigie vérifie',
    http: 'La page du service s’ouvre normalement.',
    api: 'Le service répond, et sa réponse contient ce qui est attendu.',
    dns: (name: string) => `Le nom ${name} est bien trouvé (résolution DNS)${NB}: sans cela, le site est introuvable.`,
    tcp: (host: string, port: number) => `${host} accepte les connexions (port ${port}).`,
    tcpTls: (host: string, port: number) => `${host} accepte les connexions sécurisées (port ${port}).`,
    journey: (steps: number) =>
      `Un parcours en ${steps}${NB}${pluralForm('fr', steps, { one: 'étape', other: 'étapes' })}, comme le ferait un usager${NB}:`,
    heartbeat: (every: string) => `Le service signale lui-même qu’il fonctionne, au moins toutes les ${every}.`,
    statuspage: (host: string) =>
      `Son état vient de sa propre page d’état (${host})${NB}: c’est ce que le service dit de lui-même, pas une mesure de Vigie.`,
  },
  finding: {
    title: 'Ce qui ne fonctionne pas',
    name_unresolved: `La résolution DNS échoue${NB}: le nom du site n’est plus trouvé.`,
    unreachable: 'Le service ne répond pas.',
    refused: 'Le service refuse les connexions.',
    error_page: 'Le service répond par une page d’erreur.',
    unexpected_answer: 'Le service répond, mais pas comme prévu.',
    browser_warning: 'Les navigateurs affichent une alerte de sécurité.',
    step_fails: (step: string) => `L’étape ${quoted(step)} échoue.`,
    beat_missing: `Le service ne signale plus qu’il fonctionne${NB}: un traitement en arrière-plan semble arrêté.`,
    slow: 'Le service répond lentement.',
    own_page_down: 'Sa propre page d’état signale une panne.',
    own_page_degraded: 'Sa propre page d’état signale des perturbations.',
  },
  certificates: {
    title: 'Certificats bientôt expirés',
    help: (n: number) => `Certificats qui expirent dans moins de ${days(n)}. Le public n’en voit rien tant qu’ils restent valides.`,
    none: (n: number) => `Aucun certificat n’expire dans les ${days(n)} à venir.`,
    colService: 'Service',
    colExpires: 'Expire le',
    colDays: 'Jours restants',
    colIssuer: 'Émetteur',
    expired: 'expiré',
    unknownIssuer: 'inconnu',
  },
  push: {
    recorded: 'Signal de vie enregistré.',
    unknown: 'Jeton inconnu.',
    tooMany: `Trop de signaux envoyés depuis cette adresse${NB}: réessayez dans une minute.`,
    unavailable: `Le signal n’a pas pu être enregistré pour le moment${NB}: réessayez.`,
  },
};
