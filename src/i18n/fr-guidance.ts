/** French words of what to do when a service fails: alternatives, deadlines, official channels, crisis advice, who publishes the page, the next update. */
const NB = '\u00a0';

export const frGuidance = {
  kinds: {
    phone: 'Par téléphone',
    place: 'Sur place',
    paper: 'Sur papier',
    web: 'En ligne',
    mail: 'Par courriel',
  },
  kindsShort: {
    phone: 'Tél.',
    place: 'Sur place',
    paper: 'Papier',
    web: 'En ligne',
    mail: 'Courriel',
  },
  openUntil: (time: string) => `ouvert jusqu’à ${time}`,
  openUntilDay: (when: string) => `ouvert jusqu’au ${when}`,
  openNow: 'ouvert en ce moment',
  anyTime: 'accessible à tout moment',
  closedOpens: (when: string) => `fermé, ouvre le ${when}`,
  closed: 'fermé',
  alternativesTitle: 'Que faire en attendant\u00a0?',
  alternativesHelp: 'Ces autres moyens permettent de faire la même démarche, ou de se renseigner, pendant la panne.',
  noneOpen: 'Aucun autre moyen n’est ouvert en ce moment.',
  deadline: (when: string) => `Date limite${NB}: ${when}`,
  deadlineExtended: (when: string) => `Date limite reportée au ${when}`,
  deadlinePrevious: (when: string) => `au lieu du ${when}`,
  deadlinesTitle: 'Dates limites proches',
  officialSource: 'source officielle',
  channelsTitle: 'Informations officielles',
  channelsHelp: 'Ce que l’organisme annonce lui-même sur ce service.',
  crisisTitle: 'Attention aux arnaques',
  crisisDefault:
    'Pendant une panne, aucun organisme public ne vous demande vos coordonnées bancaires par SMS ou par courriel. Ne cliquez pas sur les liens de ces messages.',
  crisisLink: 'Se protéger sur cybermalveillance.gouv.fr',
  crisisMore: 'En savoir plus',
  publishedBy: (name: string) => `Site publié par ${name}. Il n’est pas le site officiel des services qu’il surveille.`,
  notOfficial: 'Ce site n’est pas un site officiel des organismes dont il présente les services.',
  nextUpdate: (time: string) => `Prochaine information prévue à ${time}`,
  nextUpdateDay: (when: string) => `Prochaine information prévue le ${when}`,
  updateLate: (time: string) => `La prochaine information était prévue à ${time}${NB}: elle a du retard.`,
  staff: {
    threatened: 'échéance menacée',
    threatenedTitle: 'Échéances menacées',
    threatenedHelp:
      'Une date limite tombe dans les 7\u00a0jours et le service qui permet de la respecter est en panne ou perturbé. Publiez un report dès qu’il est officiel.',
    updateLate: 'information en retard',
    nextUpdateLabel: 'Prochaine information prévue (heure de Paris)',
    nextUpdateHint: 'Laissez vide pour le délai par défaut selon l’impact.',
  },
};
