import { frInfo } from './fr-info.ts';
import { frNotify } from './fr-notify.ts';

/**
 * French words of the site: the reference dictionary. Its shape is the type every other language
 * must match key for key (see `en.ts`). Non-breaking spaces (\u00a0) keep French punctuation and
 * units on the line of the word before them.
 */

export interface Section {
  heading: string;
  paragraphs: string[];
  links?: { label: string; href: string; lang?: string }[];
  /** Text to copy as is (shown as code). */
  code?: string;
}

export interface ProbeFacts {
  userAgent: string;
  location: string;
  minInterval: string;
  maxInterval: string;
  failuresBeforeDown: number;
  successesBeforeUp: number;
  perHost: number;
}

const plural = (n: number, one: string, many: string) => (n <= 1 ? one : many);

export const fr = {
  languageName: 'Français',
  colon: '\u00a0: ',
  site: {
    name: 'Vigie',
    tagline: 'État des services publics en ligne',
    description:
      'Vigie indique si les grands services publics en ligne fonctionnent, depuis quand ils sont perturbés et ce qui est fait.',
  },
  nav: {
    skip: 'Aller au contenu principal',
    label: 'Menu principal',
    overview: 'État des services',
    incidents: 'Incidents',
    maintenance: 'Maintenances',
    probes: 'Nos sondes',
    language: 'Langue',
    current: 'page actuelle',
  },
  states: {
    operational: 'Opérationnel',
    degraded: 'Perturbé (performances dégradées)',
    down: 'Panne majeure',
    maintenance: 'Maintenance',
    unknown: 'Indéterminé',
  },
  noData: 'Aucune donnée',
  impacts: {
    degraded: 'Perturbé (performances dégradées)',
    partial: 'Panne partielle',
    major: 'Panne majeure',
  },
  incidentStatuses: {
    investigating: "En cours d'investigation",
    identified: 'Identifié',
    monitoring: 'Sous surveillance',
    resolved: 'Résolu',
  },
  unknownReasons: {
    no_data: "Aucune donnée\u00a0: ce service n'a pas encore été vérifié.",
    stale: "Données trop anciennes\u00a0: nos sondes ne l'ont pas vérifié récemment, nous ne pouvons pas dire s'il fonctionne.",
    probe_offline:
      "Surveillance interrompue\u00a0: notre sonde a un problème de réseau de son côté, l'état de ce service ne peut pas être confirmé.",
    not_checkable: 'Ce service ne peut pas être vérifié automatiquement.',
  },
  banner: {
    allOk: 'Tous les services fonctionnent normalement',
    disrupted: (n: number) => `${n} ${plural(n, 'service perturbé', 'services perturbés')}`,
    noOutageSeen: 'Aucune panne constatée',
    openIncidents: (n: number) => `${n} ${plural(n, 'incident en cours', 'incidents en cours')}`,
    interrupted: 'Surveillance interrompue',
    interruptedDetail:
      "Nos sondes ne transmettent plus de données à jour. Nous ne pouvons pas confirmer l'état des services\u00a0: ceux dont les données sont trop anciennes sont indiqués «\u00a0Indéterminé\u00a0».",
    down: (n: number) => `${n} en panne`,
    degraded: (n: number) => `${n} aux performances dégradées`,
    maintenance: (n: number) => `${n} en maintenance`,
    unknown: (n: number) => `${n} à l'état indéterminé`,
    noneYet: "Aucune vérification n'a encore eu lieu\u00a0: l'état des services n'est pas encore connu.",
  },
  freshness: {
    updated: (ago: string) => `Données mises à jour ${ago}`,
    checked: (ago: string) => `vérifié ${ago}`,
    neverChecked: 'pas encore vérifié',
    noProbeData: "Aucune donnée reçue de nos sondes pour l'instant.",
    parisTime: 'heure de Paris',
    since: (when: string) => `depuis le ${when}`,
  },
  affected: {
    label: 'Services touchés',
    partial: 'Panne partielle',
    since: (duration: string) => `depuis ${duration}`,
    declaredByStaff: 'déclaré par nos agents',
    incident: 'Incident',
    more: (n: number) => `Et ${n}\u00a0${plural(n, 'autre service touché', 'autres services touchés')}.`,
    seeAll: (n: number) => `Voir les ${n}\u00a0services touchés`,
    title: 'Services touchés',
    intro:
      'Les services en panne, perturbés, en maintenance ou concernés par un incident en cours, du plus touché au moins touché.',
    none: "Aucun service n'est touché en ce moment.",
  },
  search: {
    label: 'Trouver un service',
    hint: 'Son nom, un ancien nom ou un sigle\u00a0: impots, la CAF, Pôle emploi, carte grise…',
    submit: 'Rechercher',
    title: (query: string) => `Recherche «\u00a0${query}\u00a0»`,
    results: (n: number, query: string) => `${n}\u00a0${plural(n, 'service trouvé', 'services trouvés')} pour «\u00a0${query}\u00a0»`,
    none: (query: string) => `Aucun service ne correspond à «\u00a0${query}\u00a0».`,
    noneHelp: "Vérifiez l'orthographe ou essayez un autre nom. Vous pouvez aussi parcourir",
    allServices: 'la liste de tous les services',
  },
  overview: {
    title: 'État des services publics en ligne',
    ongoingIncidents: 'Incidents en cours',
    maintenances: 'Maintenances en cours et à venir',
    services: 'Services surveillés',
    uptime90: (pct: string) => `Disponibilité sur 90 jours\u00a0: ${pct}`,
    noHistory: "Pas encore d'historique",
    details: (name: string) => `Détails de ${name}`,
  },
  service: {
    back: "Retour à l'état des services",
    address: 'Adresse',
    checkedEvery: (every: string) => `Intervalle entre deux vérifications\u00a0: ${every}.`,
    openIncidents: 'Incidents en cours sur ce service',
    uptimeTitle: 'Disponibilité sur 90 jours',
    uptimeHelp:
      'Une barre par jour, du plus ancien au plus récent. Avec la touche Tab, chaque jour donne sa disponibilité et la durée des interruptions. Les maintenances prévues ne comptent pas comme des pannes.',
    uptimeAverage: (pct: string) => `Sur le temps mesuré\u00a0: ${pct}`,
    day: (day: string, pct: string, minutes: number) =>
      `${day}\u00a0: disponibilité ${pct}, ${minutes}\u00a0min d'interruption`,
    dayNoData: (day: string) => `${day}\u00a0: aucune donnée`,
    dayMaintenance: (minutes: number) => `, dont ${minutes}\u00a0min de maintenance`,
    dayMaintenanceOnly: (day: string, minutes: number) => `${day}\u00a0: maintenance prévue (${minutes}\u00a0min)`,
    dayDegraded: (minutes: number) => `, ${minutes}\u00a0min de performances dégradées`,
    legend: 'Légende',
    latencyTitle: 'Temps de réponse',
    latencyHelp: 'Temps mis par le site pour répondre à nos sondes (médiane et 95e centile).',
    ranges: { '24h': 'Dernières 24 heures', '7d': '7 derniers jours', '30d': '30 derniers jours' },
    latencySummary: (low: string, high: string, max: string) =>
      `Médiane entre ${low} et ${high} selon les moments, maximum ${max}.`,
    noLatency: 'Aucune mesure sur cette période.',
    showTable: 'Voir les valeurs en tableau',
    colPeriod: 'Période (heure de Paris)',
    colMedian: 'Médiane',
    colP95: '95e centile',
    colMax: 'Maximum',
    colChecks: 'Vérifications',
    median: 'médiane',
    p95: '95e centile',
    incidentsTitle: 'Incidents de ce service',
    noIncidents: 'Aucun incident enregistré pour ce service.',
    follow: 'Suivre ce service',
  },
  incidents: {
    title: 'Incidents',
    ongoing: 'Incidents en cours',
    noneOngoing: 'Aucun incident en cours.',
    planned: 'Maintenances prévues',
    nonePlanned: 'Aucune maintenance prévue.',
    past: 'Incidents passés',
    nonePast: 'Aucun incident passé.',
    pagination: 'Pages des incidents passés',
    previous: 'Page précédente',
    next: 'Page suivante',
    pageOf: (page: number, pages: number) => `Page ${page} sur ${pages}`,
    started: 'Début',
    ended: 'Fin',
    duration: 'Durée',
    ongoingFor: (duration: string) => `En cours depuis ${duration}`,
    affected: 'Services concernés',
    timeline: 'Chronologie',
    automatic: 'Détecté automatiquement par nos sondes.',
    status: 'Statut',
    edited: 'modifié',
    translationToFollow: 'Traduction à venir.',
    allIncidents: 'Tous les incidents',
  },
  maintenance: {
    title: 'Maintenances',
    intro:
      "Interventions programmées pendant lesquelles un service peut être indisponible. Elles ne comptent pas comme des pannes dans la disponibilité.",
    active: 'En cours',
    upcoming: 'Prévues',
    noneActive: 'Aucune maintenance en cours.',
    noneUpcoming: 'Aucune maintenance prévue.',
    past: 'Terminées (90 derniers jours)',
    nonePast: 'Aucune maintenance ces 90 derniers jours.',
    window: 'Période',
  },
  notFound: {
    title: 'Page introuvable',
    body: "Cette adresse ne correspond à aucune page. Vérifiez-la, ou revenez à l'état des services.",
    service: "Aucun service surveillé ne porte cet identifiant. Il a peut-être été retiré de la liste.",
    incident: "Aucun incident ne porte cet identifiant.",
  },
  footer: {
    conformance: 'Accessibilité\u00a0: partiellement conforme',
    legal: 'Mentions légales',
    privacy: 'Données personnelles',
    probes: 'Nos sondes',
    feeds: 'Suivre les incidents',
    rss: 'Flux RSS',
    atom: 'Flux Atom',
    noCookies: 'Ce site ne dépose aucun cookie et ne contient aucun traceur.',
    software: 'Vigie, logiciel libre (EUPL 1.2).',
  },
  head: {
    feedRss: 'Incidents et maintenances (RSS)',
    feedAtom: 'Incidents et maintenances (Atom)',
    serviceFeed: (name: string, format: string) => `Incidents de ${name} (${format})`,
  },
  feeds: {
    title: 'Vigie\u00a0: incidents et maintenances',
    description: 'Incidents et maintenances des services publics en ligne suivis par Vigie, à chaque mise à jour.',
    serviceTitle: (name: string) => `Vigie\u00a0: incidents de ${name}`,
    serviceDescription: (name: string) => `Incidents et maintenances de ${name}, à chaque mise à jour.`,
    maintenanceAnnounced: 'Maintenance planifiée',
    maintenanceCancelled: 'Maintenance annulée',
    affectedServices: 'Services concernés\u00a0:',
    window: (when: string) => `Période\u00a0: ${when} (heure de Paris).`,
    translationPending: 'Texte en français, traduction à venir.',
  },
  api: {
    indicators: {
      none: 'Tous les services fonctionnent normalement',
      minor: 'Perturbations en cours',
      major: 'Panne en cours',
      critical: 'Panne sur de nombreux services',
    },
    interrupted: "Surveillance interrompue\u00a0: l'état des services ne peut pas être confirmé",
  },
  badge: {
    title: (name: string, state: string) => `${name}\u00a0: ${state}`,
  },
  info: frInfo,
  notify: frNotify,
  admin: {
    title: 'Vigie — espace agents',
    crossSite: (origin: string) =>
      `Requête refusée\u00a0: elle ne vient pas des pages de ce site (${origin}). Envoyez le formulaire depuis ce site. Si c’est bien votre site, réglez VIGIE_PUBLIC_URL sur l’adresse utilisée.`,
    nav: {
      label: 'Menu de l’espace agents',
      dashboard: 'Tableau de bord',
      newIncident: 'Nouvel incident',
      maintenance: 'Maintenances',
      audit: 'Journal',
      logout: 'Se déconnecter',
      switchLanguage: 'English',
      signedInAs: (email: string) => `Connecté\u00a0: ${email}`,
    },
    totpOff:
      'Second facteur désactivé (VIGIE_REQUIRE_TOTP=false)\u00a0: réservé à une démonstration locale. Réactivez-le avant toute mise en service.',
    login: {
      title: 'Connexion des agents',
      email: 'Adresse électronique',
      password: 'Mot de passe',
      code: 'Code à usage unique (application d’authentification)',
      codeHint: '6 chiffres',
      submit: 'Se connecter',
      invalid: 'Adresse, mot de passe ou code incorrect. Vérifiez-les puis réessayez.',
      throttled: (seconds: number) =>
        `Trop d’essais depuis votre adresse. Réessayez dans ${seconds < 60 ? `${seconds}\u00a0s` : `${Math.ceil(seconds / 60)}\u00a0min`}.`,
      noAccount: 'Les comptes sont créés en ligne de commande par un administrateur (npm run staff -- add).',
    },
    dashboard: {
      title: 'Tableau de bord',
      states: 'État actuel des services',
      colService: 'Service',
      colState: 'État',
      colSince: 'Depuis',
      openIncidents: 'Incidents en cours',
      noOpenIncidents: 'Aucun incident en cours.',
      awaiting: 'Avis en attente de traduction anglaise',
      noAwaiting: 'Tous les avis sont traduits.',
      missingTitle: 'titre',
      missingMessages: (n: number) => `${n}\u00a0message${plural(n, '', 's')}`,
      maintenances: 'Maintenances en cours et prévues',
      noMaintenances: 'Aucune maintenance prévue.',
      auto: 'Détecté par la sonde',
      takenOver: (email: string) => `Repris par ${email}`,
      open: 'Ouvrir',
    },
    form: {
      titleFr: 'Titre en français',
      titleEn: 'Titre en anglais',
      bodyFr: 'Message en français',
      bodyEn: 'Message en anglais',
      markdownHint: 'Markdown\u00a0: **gras**, *italique*, listes, liens https. Pas d’images ni de HTML.',
      translationLater: 'Publier maintenant, traduction à suivre',
      translationLaterHint: 'Les pages anglaises montreront le texte français avec la mention qu’une traduction arrive.',
      status: 'Statut',
      affected: 'Services touchés et impact',
      notAffected: 'Non touché',
      services: 'Services concernés',
      errorSummary: 'Le formulaire contient des erreurs\u00a0:',
    },
    incidentNew: { title: 'Nouvel incident', submit: 'Publier l’incident' },
    incident: {
      kindAuto: 'Incident détecté automatiquement',
      kindStaff: 'Incident publié par les agents',
      startedAt: 'Début',
      resolvedAt: 'Résolu le',
      timeline: 'Historique des messages',
      editedBy: (email: string) => `modifié par ${email}`,
      by: (email: string) => `par ${email}`,
      edit: 'Modifier ce message',
      postUpdate: 'Publier un point de situation',
      postUpdateSubmit: 'Publier',
      titleEnLater: 'Titre en anglais (manquant)',
      resolve: 'Clore l’incident',
      resolveSubmit: 'Marquer comme résolu',
      takeOver: 'Reprendre cette panne détectée',
      takeOverIntro:
        'Rédigez l’avis destiné au public\u00a0: il remplace le texte automatique dans le même incident. La sonde le clôturera quand le service sera rétabli.',
      takeOverSubmit: 'Publier l’avis',
      resolvedNote: 'Cet incident est résolu\u00a0: ses messages peuvent encore être corrigés.',
      missingEn: 'traduction anglaise manquante',
    },
    editUpdate: { title: 'Modifier un message', submit: 'Enregistrer la modification', history: 'Versions précédentes', noHistory: 'Jamais modifié.', back: 'Retour à l’incident' },
    maintenance: {
      title: 'Maintenances',
      schedule: 'Programmer une maintenance',
      start: 'Début (heure de Paris)',
      end: 'Fin (heure de Paris)',
      date: 'Date',
      time: 'Heure',
      submit: 'Programmer',
      list: 'En cours et prévues',
      none: 'Aucune maintenance en cours ou prévue.',
      cancel: 'Annuler cette maintenance',
      edit: 'Modifier le texte',
      editTitle: 'Modifier une maintenance',
      editSubmit: 'Enregistrer',
      window: 'Créneau',
    },
    audit: {
      title: 'Journal des actions',
      intro: 'Chaque action des agents et chaque tentative de connexion, la plus récente en premier. Ce journal ne peut pas être modifié.',
      colAt: 'Date',
      colActor: 'Qui',
      colIp: 'Adresse',
      colAction: 'Action',
      colTarget: 'Objet',
      colChange: 'Avant → après',
      previous: 'Plus récentes',
      next: 'Plus anciennes',
      page: (n: number, total: number) => `Page ${n} sur ${total}`,
    },
    errors: {
      required: 'Ce champ est obligatoire.',
      required_en: 'Le texte anglais est obligatoire, sauf si vous cochez «\u00a0Publier maintenant, traduction à suivre\u00a0».',
      too_long: 'Ce texte est trop long.',
      invalid: 'Cette valeur n’est pas valable.',
      unknown_service: 'Un des services choisis n’existe pas dans le catalogue.',
      no_service: 'Choisissez au moins un service.',
      invalid_time: 'Date ou heure invalide (AAAA-MM-JJ et HH:MM, heure de Paris).',
      window_order: 'La fin doit être après le début.',
      window_ended: 'Ce créneau est déjà terminé.',
      window_too_long: 'Un créneau dure au plus 31\u00a0jours.',
      not_found: 'Cet élément n’existe pas ou plus.',
      already_resolved: 'Cet incident est déjà résolu.',
      not_automatic: 'Seule une panne détectée par la sonde peut être reprise.',
      already_taken_over: 'Cette panne a déjà été reprise par un agent.',
      take_over_first: 'Reprenez d’abord cette panne détectée pour publier un avis.',
      already_cancelled: 'Cette maintenance est déjà annulée.',
      already_ended: 'Cette maintenance est terminée\u00a0: elle reste dans l’historique.',
    },
  },
};

/** The shape every language must have: the French dictionary's keys, with any words. */
export type Dictionary = typeof fr;
