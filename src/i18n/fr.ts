import { frInfo } from './fr-info.ts';
import { frChecks } from './fr-checks.ts';
import { frGuidance } from './fr-guidance.ts';
import { frOutage } from './fr-outage.ts';
import { frNotify } from './fr-notify.ts';
import { frProof } from './fr-proof.ts';
import { frCatalogueEdits } from './fr-catalogue-edits.ts';
import { frWaves } from './fr-waves.ts';
import { pluralForm } from './plural.ts';
import { formatNumber } from './format.ts';
import type { AuditAction } from '../domain/vocabulary.ts';

/**
 * French words of the site: the reference dictionary. Its shape is the type every other language
 * must match key for key (see `en.ts`). Non-breaking spaces (\u00a0) keep French punctuation and
 * units on the line of the word before them.
 */

export type { ProbeFacts, Section } from './info-types.ts';

const plural = (n: number, one: string, other: string) => pluralForm('fr', n, { one, other });

export const fr = {
  languageName: 'Français',
  colon: '\u00a0: ',
  site: {
    name: 'Vigie',
    tagline: 'État des services publics en ligne',
    description: 'Vigie indique si les grands services publics en ligne fonctionnent, depuis quand ils sont perturbés et ce qui est fait.',
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
    partial: 'Panne partielle',
    down: 'Panne majeure',
    maintenance: 'Maintenance',
    closed: 'Fermé (prévu)',
    unknown: 'État inconnu',
  },
  published: {
    declaredByStaff: 'État déclaré par nos équipes.',
    opensAt: (when: string) => `Fermé comme prévu, réouverture le ${when}.`,
    noOpening: 'Fermé comme prévu, sans réouverture annoncée.',
  },
  noData: 'Aucune donnée',
  impacts: {
    degraded: 'Perturbé (performances dégradées)',
    partial: 'Panne partielle',
    major: 'Panne majeure',
  },
  incidentStatuses: {
    detected: 'Panne détectée',
    investigating: 'Analyse en cours',
    identified: 'Cause identifiée',
    monitoring: 'Sous surveillance',
    resolved: 'Résolu',
  },
  unknownReasons: {
    no_data: 'Ce service n’a pas encore été vérifié.',
    stale: 'Données trop anciennes\u00a0: nos sondes ne l’ont pas vérifié récemment, nous ne pouvons pas dire s’il fonctionne.',
    probe_offline: 'Notre sonde rencontre un problème de réseau de son côté\u00a0: nous ne pouvons pas confirmer l’état de ce service.',
    not_checkable: 'Ce service ne peut pas être vérifié automatiquement.',
    store_unreachable: 'La base de données de Vigie ne répond pas\u00a0: nous ne pouvons pas dire si ce service fonctionne.',
  },
  banner: {
    allOk: 'Tous les services fonctionnent normalement',
    disrupted: (n: number) => `${n}\u00a0${plural(n, 'service en panne ou ralenti', 'services en panne ou ralentis')}`,
    noOutageSeen: 'Aucune panne constatée',
    openIncidents: (n: number) => `${n} ${plural(n, 'incident en cours', 'incidents en cours')}`,
    gaps: {
      not_started: {
        title: 'Surveillance pas encore démarrée',
        detail: 'Aucune vérification n’a encore eu lieu\u00a0: l’état des services n’est pas encore connu.',
      },
      probe_network: {
        title: 'État des services non confirmé',
        detail:
          'Notre sonde rencontre un problème de réseau de son côté\u00a0: nous ne pouvons pas confirmer l’état des services, indiqués «\u00a0État inconnu\u00a0».',
      },
      no_fresh_data: {
        title: 'Surveillance interrompue',
        detail:
          'Nos sondes ne nous transmettent plus de données à jour\u00a0: les services dont les données sont trop anciennes sont indiqués «\u00a0État inconnu\u00a0».',
      },
    },
    down: (n: number) => `${n} en panne`,
    degraded: (n: number) => `${n} ${plural(n, 'ralenti', 'ralentis')}`,
    partial: (n: number) => `${n} en panne partielle`,
    regional: (n: number) => `${n} inaccessible${plural(n, '', 's')} depuis certains lieux seulement`,
    /** What is paused or unknown, never added to the total of services down or slowed. */
    besides: (list: string) => `Par ailleurs\u00a0: ${list}.`,
    maintenance: (n: number) => `${n}\u00a0${plural(n, 'service en maintenance', 'services en maintenance')}`,
    closed: (n: number) => `${n}\u00a0${plural(n, 'service fermé comme prévu', 'services fermés comme prévu')}`,
    unknown: (n: number) => `${n}\u00a0${plural(n, 'service à l’état inconnu', 'services à l’état inconnu')}`,
    notUpdated: 'L’état des services n’est plus mis à jour',
    storeUnreachable:
      'La base de données de Vigie ne répond pas. Cette page montre le dernier état connu\u00a0; les services dont les données sont trop anciennes sont indiqués «\u00a0État inconnu\u00a0».',
  },
  freshness: {
    checkedAt: (time: string) => `vérifié à ${time}`,
    checkedOn: (when: string) => `vérifié le ${when}`,
    updatedLabel: 'Dernières données reçues le',
    neverChecked: 'pas encore vérifié',
    noProbeData: 'Aucune donnée reçue de nos sondes pour l’instant.',
    parisTime: 'heure de Paris',
    since: (when: string) => `depuis le ${when}`,
  },
  affected: {
    label: 'Services touchés',
    since: (duration: string) => `depuis ${duration}`,
    until: (when: string) => `jusqu’à ${when}`,
    declaredByStaff: 'déclaré par nos équipes',
    /** Before the incident’s own title, which has its colon: a dash, not a second colon. */
    incident: 'Incident en cours',
    /** The full list’s link: the banner’s total of services down or slowed, then those in maintenance apart. */
    seeAll: (disrupted: number, maintenance: number) => {
      const slowed =
        disrupted > 0 ? `${disrupted}\u00a0${plural(disrupted, 'service en panne ou ralenti', 'services en panne ou ralentis')}` : '';
      const paused =
        maintenance > 0 ? `${maintenance}\u00a0${plural(maintenance, 'service en maintenance', 'services en maintenance')}` : '';
      return `Voir la liste complète\u00a0: ${[slowed, paused].filter(Boolean).join(' et ')}`;
    },
    title: 'Services touchés',
    intro: 'Les services en panne, perturbés, en maintenance ou concernés par un incident en cours, du plus touché au moins touché.',
    none: 'Aucun service n’est touché en ce moment.',
  },
  search: {
    label: 'Trouver un service',
    /** The examples are French words on every page: English pages mark them so. */
    hint: {
      before: 'Nom du site, ancien nom, sigle ou démarche\u00a0: ',
      examples: 'impôts, CAF, Pôle emploi, carte grise…',
      after: ' (les accents sont facultatifs)',
    },
    submit: 'Rechercher',
    /** The page title names no query: a title is what tabs, bookmarks and shares show as the site's own words. */
    title: (n: number) =>
      `Recherche\u00a0: ${n === 0 ? 'aucun service trouvé' : `${n}\u00a0${plural(n, 'service trouvé', 'services trouvés')}`}`,
    results: (n: number, query: string) => `${n}\u00a0${plural(n, 'service trouvé', 'services trouvés')} pour «\u00a0${query}\u00a0»`,
    none: (query: string) => `Aucun service ne correspond à «\u00a0${query}\u00a0».`,
    noneHelp: 'Vérifiez l’orthographe ou essayez un autre nom. Vous pouvez aussi parcourir',
    allServices: 'la liste de tous les services',
  },
  overview: {
    title: 'État des services publics en ligne',
    ongoingIncidents: 'Incidents en cours',
    maintenances: 'Maintenances en cours et prévues',
    services: 'Services surveillés',
    /** The figure labelled by the period it covers: 90 days only once 90 days were measured. */
    uptime: (pct: string, since: string | null) =>
      since === null ? `Disponibilité sur 90 jours\u00a0: ${pct}` : `Disponibilité depuis le ${since} (début des mesures)\u00a0: ${pct}`,
    noHistory: 'Pas encore d’historique',
    details: (name: string) => `${name}\u00a0: état du service`,
  },
  locations: {
    unreachableFrom: (places: string) => `Inaccessible depuis ${places}, accessible ailleurs.`,
    abroadOnly: 'Accessible depuis la France, pas depuis l’étranger.',
    title: 'Vérifications par lieu',
    help: 'Chaque lieu vérifie le service de son côté. Une panne n’est annoncée que si la majorité des lieux qui votent la confirment.',
    colLocation: 'Lieu',
    colState: 'État vu de ce lieu',
    colLatency: 'Temps de réponse',
    colChecked: 'Dernière vérification',
    votes: 'vote',
    /** Probe processes heard from there lately. */
    processes: (n: number) => (n === 0 ? 'aucune sonde en service' : `${n}\u00a0${plural(n, 'sonde en service', 'sondes en service')}`),
    silent: {
      probe_silent: 'ne vote pas\u00a0: aucune sonde de ce lieu ne s’est manifestée récemment',
      probe_offline: 'ne vote pas\u00a0: la sonde de ce lieu doute de son propre réseau',
      stale: 'ne vote pas\u00a0: données trop anciennes',
      no_data: 'ne vote pas\u00a0: pas encore de donnée',
    },
  },
  service: {
    back: 'Retour à l’état des services',
    address: 'Adresse',
    checkedEvery: (every: string) => `Intervalle entre deux vérifications\u00a0: ${every}.`,
    openIncidents: 'Incidents en cours sur ce service',
    uptimeTitle: 'Disponibilité sur 90 jours',
    uptimeHelp:
      'Une barre par jour, du plus ancien au plus récent. Avec la touche Tab, chaque jour donne sa disponibilité et la durée des interruptions. Les maintenances prévues ne comptent pas comme des pannes.',
    day: (day: string, pct: string, minutes: number) => `${day}\u00a0: disponibilité ${pct}, ${minutes}\u00a0min d’interruption`,
    dayNoData: (day: string) => `${day}\u00a0: aucune donnée`,
    dayMaintenance: (minutes: number) => `, dont ${minutes}\u00a0min de maintenance`,
    dayMaintenanceOnly: (day: string, minutes: number) => `${day}\u00a0: maintenance prévue (${minutes}\u00a0min)`,
    dayDegraded: (minutes: number) => `, ${minutes}\u00a0min de performances dégradées`,
    legend: 'Légende',
    latencyTitle: 'Temps de réponse',
    latencyHelp: 'Temps mis par le site pour répondre à nos sondes (médiane et 95ᵉ centile).',
    ranges: { '24h': 'Dernières 24 heures', '7d': '7 derniers jours', '30d': '30 derniers jours' },
    latencySummary: (low: string, high: string, max: string) =>
      low === high
        ? `Médiane\u00a0: ${low}\u00a0; maximum\u00a0: ${max}.`
        : `Médiane entre ${low} et ${high} selon les moments, maximum ${max}.`,
    noLatency: 'Aucune mesure sur cette période.',
    showTable: 'Voir les valeurs en tableau',
    colPeriod: 'Période (heure de Paris)',
    colMedian: 'Médiane',
    colP95: '95ᵉ centile',
    colMax: 'Maximum',
    colChecks: 'Vérifications',
    median: 'médiane',
    p95: '95ᵉ centile',
    incidentsTitle: 'Incidents passés',
    noIncidents: 'Aucun incident passé pour ce service.',
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
    affected: 'Services touchés',
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
      'Interventions programmées pendant lesquelles un service peut être indisponible. Elles ne comptent pas comme des pannes dans la disponibilité.',
    active: 'En cours',
    upcoming: 'Prévues',
    noneActive: 'Aucune maintenance en cours.',
    noneUpcoming: 'Aucune maintenance prévue.',
    past: 'Terminées (90 derniers jours)',
    nonePast: 'Aucune maintenance ces 90 derniers jours.',
    window: 'Période',
    cancelled: 'Annulées',
    cancelledLabel: 'Annulée.',
    /** The window a cancelled maintenance no longer covers. */
    cancelledWindow: (when: string) => `Elle n’aura pas lieu ${when} (heure de Paris).`,
  },
  snapshot: {
    generated: (when: string) => `Copie statique de la page, générée le ${when}.`,
    age: (minutes: string) => `Ces données ont été relevées il y a ${minutes}\u00a0min.`,
    tooOld: 'Cette copie est trop ancienne pour dire si les services fonctionnent\u00a0: ils sont indiqués «\u00a0État inconnu\u00a0».',
    chooseLanguage: 'Choisissez votre langue',
    languageLink: 'L’état des services publics en ligne, en français',
    subscriptionsTitle: 'Abonnements momentanément indisponibles',
    subscriptionsBody:
      'Vous consultez une copie statique de la page d’état, publiée pendant que le site principal ne répond pas. Elle ne peut ni enregistrer ni modifier un abonnement aux alertes. Revenez dans un moment\u00a0: l’état des services ci-dessous reste à jour.',
  },
  unavailable: {
    title: 'État des services indisponible',
    body: 'Vigie ne parvient pas à joindre sa base de données. Nous ne pouvons donc pas indiquer l’état des services publics pour l’instant. Réessayez plus tard.',
    api: 'La base de données de Vigie ne répond pas et rien n’en a encore été lu depuis le démarrage. Réessayez plus tard.',
  },
  notFound: {
    title: 'Page introuvable',
    body: 'Cette adresse ne correspond à aucune page. Vérifiez-la, ou revenez à l’état des services.',
    /** The same sentence with its end as the link, where a page links it (the link text not said twice). */
    linked: { before: 'Cette adresse ne correspond à aucune page. Vérifiez-la, ou revenez à ', link: 'l’état des services', after: '.' },
    service: 'Cette adresse ne correspond à aucun service surveillé. Il a peut-être été retiré de la liste.',
    incident: 'Aucun incident ne porte cet identifiant.',
    document: 'Aucun document de l’API n’a cette adresse. Les documents sont summary.json, status.json, components.json…',
  },
  footer: {
    conformance: {
      full: 'Accessibilité\u00a0: totalement conforme',
      partial: 'Accessibilité\u00a0: partiellement conforme',
      none: 'Accessibilité\u00a0: non conforme',
    },
    legal: 'Mentions légales',
    privacy: 'Données personnelles',
    probes: 'Nos sondes',
    feeds: 'Suivre les incidents',
    rss: 'Flux RSS',
    atom: 'Flux Atom',
    noCookies: 'Aucun cookie ni traceur pour les visiteurs\u00a0: seuls les agents connectés reçoivent un cookie de session.',
    software: 'Vigie, logiciel libre (EUPL 1.2).',
  },
  head: {
    feedRss: 'Incidents et maintenances (RSS)',
    feedAtom: 'Incidents et maintenances (Atom)',
    serviceFeed: (name: string, format: string) => `${name}\u00a0: incidents et maintenances (${format})`,
  },
  feeds: {
    title: 'Vigie\u00a0: incidents et maintenances',
    description: 'Incidents et maintenances des services publics en ligne suivis par Vigie, à chaque mise à jour.',
    serviceTitle: (name: string) => `Vigie – ${name}\u00a0: incidents et maintenances`,
    serviceDescription: (name: string) => `${name}\u00a0: incidents et maintenances, à chaque mise à jour.`,
    // A label after a colon starts lower case.
    currentState: (state: string) => `État actuel\u00a0: ${`${state}`.replace(/^\p{Lu}/u, (c) => c.toLocaleLowerCase('fr'))}.`,
    maintenanceAnnounced: 'Maintenance prévue',
    maintenanceCancelled: 'Maintenance annulée',
    affectedServices: 'Services touchés\u00a0:',
    window: (when: string) => `Période\u00a0: ${when} (heure de Paris).`,
    translationPending: 'Texte en français, traduction à venir.',
  },
  badge: {
    title: (name: string, state: string) => `${name}\u00a0: ${state}`,
  },
  info: frInfo,
  notify: frNotify,
  proof: frProof,
  checks: frChecks,
  guidance: frGuidance,
  outage: frOutage,
  catalogueEdits: frCatalogueEdits,
  waves: frWaves,
  limits: {
    uriTooLong: (max: number) => `Adresse trop longue\u00a0: ${formatNumber(max, 'fr')}\u00a0caractères au plus.`,
    headersTooLarge: 'En-têtes de requête trop volumineux.',
    bodyTooLarge: (kib: number) => `Envoi trop volumineux\u00a0: ${formatNumber(kib, 'fr')}\u00a0Kio au plus.`,
    lengthRequired: 'Indiquez la taille de l’envoi (Content-Length).',
    tooManyFields: (max: number) => `Formulaire trop long\u00a0: ${formatNumber(max, 'fr')}\u00a0champs au plus.`,
    badRequest: 'Requête illisible.',
    busy: 'Trop de connexions en cours. Réessayez dans un instant.',
  },
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
      signedInAs: (email: string) => `Session ouverte\u00a0: ${email}`,
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
      invalid: 'Adresse électronique, mot de passe ou code incorrect. Vérifiez-les puis réessayez.',
      invalidNoCode: 'Adresse électronique ou mot de passe incorrect. Vérifiez-les puis réessayez.',
      throttled: (seconds: number) =>
        `Trop d’essais depuis votre adresse IP. Réessayez dans ${seconds < 60 ? `${seconds}\u00a0s` : `${Math.ceil(seconds / 60)}\u00a0min`}.`,
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
      takenOver: (email: string) => `Prise en charge par ${email}`,
      open: 'Ouvrir',
      codeLocked: 'Codes de connexion bloqués',
      codeLockedText: (failures: number, minutes: number) =>
        `${failures}\u00a0${plural(failures, 'code faux', 'codes faux')} en ${minutes}\u00a0${plural(minutes, 'minute', 'minutes')}\u00a0: ces comptes ne peuvent pas se connecter tant que le compte ne redescend pas (quelqu’un connaît peut-être leur mot de passe). Vérifiez auprès de la personne, puis lancez npm run staff -- unlock-totp <adresse>, et changez le mot de passe si ce n’était pas elle.`,
    },
    form: {
      titleFr: 'Titre en français',
      titleEn: 'Titre en anglais',
      bodyFr: 'Message en français',
      bodyEn: 'Message en anglais',
      markdownHint: 'Markdown\u00a0: **gras**, *italique*, listes, liens https. Pas d’images ni de HTML.',
      spacingHint:
        'À la publication, le texte français reçoit les espaces insécables de la typographie française (avant «\u00a0:\u00a0;\u00a0!\u00a0?\u00a0» et à l’intérieur des guillemets).',
      spacingPreview: 'Publié ainsi\u00a0:',
      translationLater: 'Publier maintenant, traduction à suivre',
      translationLaterHint: 'Les pages anglaises montreront le texte français avec la mention qu’une traduction arrive.',
      status: 'Statut',
      affected: 'Services touchés et impact',
      notAffected: 'Non touché',
      services: 'Services touchés',
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
      by: (email: string) => `par ${email === 'probe' ? 'la sonde' : email}`,
      edit: 'Modifier ce message',
      postUpdate: 'Publier un point de situation',
      postUpdateSubmit: 'Publier',
      titleEnLater: 'Titre en anglais (manquant)',
      resolve: 'Clore l’incident',
      resolveSubmit: 'Marquer comme résolu',
      takeOver: 'Prendre en charge cette panne',
      takeOverIntro:
        'Rédigez l’avis destiné au public\u00a0: il s’ajoute à la chronologie du même incident, sous le texte automatique, qui reste, et son titre remplace le titre automatique. La sonde clora l’incident quand le service sera rétabli.',
      takeOverSubmit: 'Publier l’avis',
      resolvedNote: 'Cet incident est résolu\u00a0: ses messages peuvent encore être corrigés.',
      missingEn: 'traduction anglaise manquante',
    },
    editUpdate: {
      title: 'Modifier un message',
      submit: 'Enregistrer la modification',
      history: 'Versions précédentes',
      noHistory: 'Jamais modifié.',
      back: 'Retour à l’incident',
    },
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
      window: 'Période',
    },
    audit: {
      title: 'Journal des actions',
      intro: 'Chaque action des agents et chaque tentative de connexion, la plus récente en premier. Ce journal ne peut pas être modifié.',
      colAt: 'Date',
      colActor: 'Qui',
      colIp: 'Adresse IP',
      colAction: 'Action',
      colTarget: 'Élément',
      colChange: 'Avant → après',
      /** Who acted, when it was not a staff member. */
      actors: { cli: 'ligne de commande', probe: 'la sonde' } as Record<string, string>,
      actions: {
        'incident.created': 'Incident publié',
        'incident.updated': 'Point de situation publié',
        'incident.resolved': 'Incident clos',
        'incident.taken_over': 'Panne prise en charge',
        'incident.update_edited': 'Message corrigé',
        'maintenance.scheduled': 'Maintenance programmée',
        'maintenance.edited': 'Maintenance modifiée',
        'maintenance.cancelled': 'Maintenance annulée',
        'deadline.extended': 'Date limite prolongée',
        'template.edited': 'Modèle d’incident modifié',
        'webhook.created': 'Webhook ajouté',
        'webhook.deleted': 'Webhook supprimé',
        'webhook.enabled': 'Webhook réactivé',
        'staff.added': 'Compte d’agent créé',
        'staff.password_reset': 'Mot de passe réinitialisé',
        'staff.totp_enrolled': 'Second facteur enregistré',
        'staff.disabled': 'Compte d’agent désactivé',
        'staff.password_rehashed': 'Empreinte du mot de passe renouvelée',
        'login.succeeded': 'Connexion réussie',
        'login.failed': 'Connexion refusée',
        'login.throttled': 'Connexion ralentie (trop d’essais)',
        'staff.code_unlocked': 'Codes du second facteur débloqués',
        'login.code_locked': 'Codes du second facteur bloqués (trop d’essais)',
        logout: 'Déconnexion',
      } satisfies Record<AuditAction, string>,
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
      not_found: 'Cet élément n’existe pas ou a été supprimé.',
      already_resolved: 'Cet incident est déjà résolu.',
      not_automatic: 'Seule une panne détectée par la sonde peut être prise en charge.',
      already_taken_over: 'Un agent a déjà pris en charge cette panne.',
      take_over_first: 'Prenez d’abord cette panne en charge pour publier un avis.',
      already_cancelled: 'Cette maintenance est déjà annulée.',
      already_ended: 'Cette maintenance est terminée\u00a0: elle reste dans l’historique.',
      not_later: 'La nouvelle date doit tomber après la date limite actuelle.',
    },
  },
};

/** The shape every language must have: the French dictionary’s keys, with any words. */
export type Dictionary = typeof fr;
