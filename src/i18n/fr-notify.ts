import { pluralForm } from './plural.ts';

/** French words of subscriptions: the messages sent, the subscribe and manage pages, the staff webhooks page. */
const NB = '\u00a0';

export const frNotify = {
  mail: {
    /** Subjects carry the news itself, after a dash (a colon would chain with the news' own). */
    subjectOne: (text: string) => `Vigie – ${text}`,
    subjectMany: (news: string) => `Vigie – ${news}`,
    subjectDown: (name: string) => `${name} en panne`,
    subjectUp: (name: string) => `${name} de nouveau accessible`,
    newsDown: (names: string) => `En panne${NB}: ${names}`,
    newsUp: (names: string, n: number) => `${n > 1 ? 'De nouveau accessibles' : 'De nouveau accessible'}${NB}: ${names}`,
    newsOther: (n: number) => `${n}${NB}${pluralForm('fr', n, { one: 'autre avis', other: 'autres avis' })}`,
    newsJoin: `${NB}; `,
    moreServices: (n: number) => `${n}${NB}${pluralForm('fr', n, { one: 'autre service', other: 'autres services' })}`,
    intro: 'Voici ce qui a changé sur les services que vous suivez.',
    outageConfirmed: (name: string, since: string) => `${name}${NB}: panne confirmée depuis le ${since} (heure de Paris).`,
    outageRecovered: (name: string, at: string, duration: string) =>
      `${name}${NB}: de nouveau accessible depuis le ${at} (heure de Paris), après ${duration} de panne.`,
    incident: {
      incident_published: 'Nouvel incident',
      incident_updated: 'Incident mis à jour',
      incident_resolved: 'Incident résolu',
    },
    maintenance: {
      maintenance_scheduled: 'Maintenance prévue',
      maintenance_started: 'Maintenance en cours',
      maintenance_completed: 'Maintenance terminée',
      maintenance_cancelled: 'Maintenance annulée',
    },
    window: (text: string) => `Période${NB}: ${text} (heure de Paris).`,
    services: (names: string) => `Services touchés${NB}: ${names}.`,
    /** Which part of a notice is still French in an English message (never shown in a French one). */
    translationToFollow: {
      title: 'Le titre de cet avis est en français pour l’instant\u00a0; sa traduction anglaise suivra.',
      body: 'Le texte de cet avis est en français pour l’instant\u00a0; sa traduction anglaise suivra.',
      both: 'Cet avis est en français pour l’instant\u00a0; sa traduction anglaise suivra.',
    },
    details: 'Détails',
    why: (date: string) => `Vous recevez ce message car cette adresse est abonnée aux alertes de Vigie depuis le ${date}.`,
    /** Who sends: the operator's publisher when known, Vigie alone otherwise. */
    sentBy: (publisher: string | null) =>
      publisher
        ? `Message automatique de Vigie, publié par ${publisher}. Merci de ne pas y répondre.`
        : 'Message automatique de Vigie. Merci de ne pas y répondre.',
    downNow: (names: string, n: number) =>
      n > 1
        ? `En ce moment, ${names} sont en panne ou ralentis. Vous recevrez un message quand leur état changera.`
        : `En ce moment, ${names} est en panne ou ralenti. Vous recevrez un message quand son état changera.`,
    manage: 'Choisir les services ou la langue, ou se désabonner',
    unsubscribe: 'Se désabonner (un clic)',
    confirmSubject: 'Vigie – confirmez votre abonnement',
    confirmText: (hours: number) =>
      `Quelqu’un (vous, sans doute) a demandé à recevoir par courriel les alertes de panne, de rétablissement, d’incident et de maintenance des services publics en ligne suivis par Vigie. Pour confirmer, ouvrez ce lien puis appuyez sur le bouton «${NB}Confirmer${NB}». Le lien expire dans ${hours}${NB}${hours < 2 ? 'heure' : 'heures'}. Si vous n’avez rien demandé, ignorez ce message${NB}: rien ne sera envoyé.`,
    confirmLink: 'Confirmer mon abonnement',
  },
  page: {
    footerLink: 'S’abonner aux alertes par courriel',
    serviceLink: 'Recevoir un courriel en cas de panne ou de rétablissement de ce service',
    title: 'S’abonner aux alertes par courriel',
    lead: 'Recevez un courriel quand un service que vous utilisez tombe en panne, quand il est rétabli, et quand nos équipes annoncent un incident ou une maintenance. Les pannes simultanées sont regroupées dans un seul message, et chaque service fait l’objet d’au plus une alerte de panne et une de rétablissement toutes les 30\u00a0minutes, sauf quand d’autres nouvelles partent en même temps.',
    email: 'Votre adresse électronique',
    emailHint: 'Format attendu\u00a0: nom@exemple.fr',
    which: 'Services',
    all: 'Tous les services (y compris ceux ajoutés plus tard)',
    chosen: 'Seulement les services cochés ci-dessous',
    language: 'Langue des messages',
    submit: 'M’abonner',
    privacy: {
      before: (messageDays: number, fingerprintHours: number) =>
        `Nous gardons votre adresse, votre langue, vos services et la date de votre consentement, ainsi que la trace des messages envoyés pendant ${messageDays}${NB}${pluralForm('fr', messageDays, { one: 'jour', other: 'jours' })}${NB}; pour limiter les abus, une empreinte de votre adresse et de votre connexion est gardée ${fingerprintHours}${NB}h. Détails sur la page `,
      link: 'Données personnelles',
      after: '.',
    },
    sentTitle: 'Vérifiez votre messagerie',
    sent: 'Si cette adresse peut recevoir nos messages, un courriel de confirmation vient d’y être envoyé. Ouvrez le lien qu’il contient pour confirmer. Sans confirmation sous 48 heures, la demande est effacée.',
    tooMany: 'Trop de demandes depuis votre connexion. Réessayez dans une heure.',
    invalidEmail: 'Saisissez une adresse électronique valide, par exemple nom@exemple.fr.',
    noService: 'Choisissez au moins un service, ou «\u00a0Tous les services\u00a0».',
    errorsTitle: (n: number) => (n > 1 ? `Le formulaire contient ${n}${NB}erreurs` : 'Le formulaire contient une erreur'),
    errorPrefix: `Erreur${NB}: `,
    confirmTitle: 'Confirmer votre abonnement',
    confirmLead: 'Appuyez sur le bouton pour confirmer que vous voulez recevoir ces alertes.',
    confirmButton: 'Confirmer',
    confirmedTitle: 'Abonnement confirmé',
    confirmed: 'C’est fait. Chaque message contiendra un lien pour changer vos choix ou vous désabonner.',
    expiredTitle: 'Lien expiré ou déjà utilisé',
    expired: 'Ce lien n’est plus valable. Vous pouvez refaire une demande d’abonnement.',
    again: 'Refaire une demande',
    manageTitle: 'Gérer votre abonnement',
    save: 'Enregistrer',
    savedTitle: 'Vos choix sont enregistrés',
    saved: 'Ils s’appliquent dès le prochain message. Vous pouvez les modifier à nouveau ci-dessous.',
    goneTitle: 'Lien plus valable',
    gone: 'Cette adresse n’est plus abonnée, ou ce lien a plus d’un an. Vous pouvez refaire une demande d’abonnement.',
    unsubscribeTitle: 'Se désabonner',
    unsubscribeLead: 'Votre adresse sera effacée immédiatement.',
    unsubscribeButton: 'Me désabonner et effacer mon adresse',
    unsubscribedTitle: 'Désabonnement effectué',
    unsubscribed: 'Votre adresse a été effacée. Vous ne recevrez plus aucun message de Vigie.',
  },
  webhooks: {
    title: 'Webhooks',
    lead: 'Les webhooks envoient chaque événement en JSON signé selon Standard Webhooks. Un webhook en échec depuis un jour est désactivé.',
    url: 'Adresse (https)',
    services: 'Services (aucun coché\u00a0: tous)',
    events: 'Événements',
    add: 'Ajouter le webhook',
    secret: 'Secret (montré une seule fois\u00a0; à donner au destinataire)',
    colUrl: 'Adresse',
    colState: 'État',
    active: 'Actif',
    failing: (since: string) => `En échec depuis ${since}`,
    disabled: (at: string) => `Désactivé le ${at}`,
    enable: 'Réactiver',
    remove: 'Supprimer',
    none: 'Aucun webhook.',
    unsafe: 'Cette adresse est refusée\u00a0: elle mène à un réseau privé ou n’est pas une adresse https publique.',
    kinds: {
      outage_confirmed: 'Panne confirmée',
      outage_recovered: 'Service rétabli',
      incident_published: 'Incident publié',
      incident_updated: 'Incident mis à jour',
      incident_resolved: 'Incident résolu',
      maintenance_scheduled: 'Maintenance prévue',
      maintenance_started: 'Maintenance commencée',
      maintenance_completed: 'Maintenance terminée',
      maintenance_cancelled: 'Maintenance annulée',
    },
  },
};
