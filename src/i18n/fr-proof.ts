import type { ReportGrade, ReportPeriodKind } from '../domain/vocabulary.ts';

/** French words of what anyone can check: availability reports, open data, attestations, calendars. */
const NB = '\u00a0';
const ordinal = (n: number) => (n === 1 ? '1er' : `${n}e`);

export const frProof = {
  reports: {
    title: 'Rapports de disponibilité',
    nav: 'Rapports',
    intro:
      'Disponibilité et temps de réponse de chaque service et de chaque catégorie, par mois, par trimestre et par année, calculés à partir des vérifications de nos sondes.',
    method: 'Méthode',
    methodAvailability:
      'La disponibilité est la part du temps mesuré pendant laquelle nos sondes jugeaient le service accessible (opérationnel ou perturbé), selon le verdict publié (pannes confirmées, et par la majorité des points de mesure quand il y en a plusieurs).',
    methodExcluded:
      'Les maintenances programmées et les heures de fermeture annoncées sont exclues du calcul, et indiquées à part. Le temps sans mesure (sondes arrêtées, ou doutant de leur propre réseau) ne compte ni comme disponible ni comme indisponible.',
    methodMeasured: `Un chiffre n’est donné que sur le temps réellement mesuré, qui est indiqué à côté${NB}; un service jamais mesuré sur la période n’a pas de chiffre.`,
    methodThresholds: (availability: { partial: string; weak: string }, response: { partial: string; weak: string }) =>
      `Appréciations, selon les seuils de l’Observatoire de la qualité des démarches en ligne${NB}: disponibilité «${NB}Partielle${NB}» sous ${availability.partial} et «${NB}Faible${NB}» sous ${availability.weak}${NB}; temps de réponse médian «${NB}Partiel${NB}» au-delà de ${response.partial} et «${NB}Faible${NB}» au-delà de ${response.weak}.`,
    methodResponse:
      'Le temps de réponse est celui de la page vérifiée (premier octet à dernier octet), pas le temps de chargement complet dans un navigateur.',
    periodKinds: { month: 'Par mois', quarter: 'Par trimestre', year: 'Par année' } satisfies Record<ReportPeriodKind, string>,
    quarter: (n: number, year: number) => `${ordinal(n)} trimestre ${year}`,
    year: (year: number) => `Année ${year}`,
    none: `Aucune mesure enregistrée pour l’instant${NB}: les rapports apparaîtront après les premières vérifications.`,
    since: (date: string) => `Mesures depuis le ${date}.`,
    currentYear: (name: string) => `${name}, par catégorie`,
    soFar: (from: string, to: string) => `Période en cours${NB}: chiffres du ${from} au ${to}, provisoires.`,
    complete: (from: string, to: string) => `Du ${from} au ${to} inclus (heure de Paris).`,
    notStarted: 'Cette période n’a pas encore commencé.',
    downloads: `Télécharger ce rapport${NB}:`,
    csv: 'Tableau CSV',
    json: 'Données JSON',
    byCategory: 'Par catégorie',
    byService: 'Par service',
    captionCategories: (period: string) => `Disponibilité et temps de réponse par catégorie, ${period}`,
    captionServices: (period: string) => `Disponibilité et temps de réponse par service, ${period}`,
    colCategory: 'Catégorie',
    colService: 'Service',
    colServices: 'Services',
    colAvailability: 'Disponibilité',
    colResponse: 'Temps de réponse médian',
    colMeasured: 'Temps mesuré',
    colPlanned: 'Maintenance et fermetures (exclues)',
    overall: 'Tous les services',
    notMeasured: 'Non mesuré',
    noResponse: 'Aucune réponse',
    wholePeriod: 'Toute la période',
    measuredOf: (measured: string, expected: string) => `${measured} sur ${expected}`,
    nonePlanned: 'Aucune',
    grades: { good: 'Bonne', partial: 'Partielle', weak: 'Faible' } satisfies Record<ReportGrade, string>,
    responseGrades: { good: 'Bon', partial: 'Partiel', weak: 'Faible' } satisfies Record<ReportGrade, string>,
    gradeLabel: (grade: string) => `appréciation${NB}: ${grade}`,
    allReports: 'Tous les rapports',
  },
};
