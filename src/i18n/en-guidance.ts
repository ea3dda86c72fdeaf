import type { frGuidance } from './fr-guidance.ts';

/** English words of what to do when a service fails: alternatives, deadlines, official channels, crisis advice, who publishes the page, the next update. */
export const enGuidance: typeof frGuidance = {
  kinds: {
    phone: 'By phone',
    place: 'In person',
    paper: 'On paper',
    web: 'Online',
    mail: 'By e-mail',
  },
  kindsShort: {
    phone: 'Phone',
    place: 'In person',
    paper: 'Paper',
    web: 'Online',
    mail: 'E-mail',
  },
  openUntil: (time: string) => `open until ${time}`,
  openUntilDay: (when: string) => `open until ${when}`,
  openNow: 'open now',
  anyTime: 'available at any time',
  closedOpens: (when: string) => `closed, opens ${when}`,
  closed: 'closed',
  alternativesTitle: 'What you can do meanwhile',
  alternativesHelp: 'These other ways let you carry out the same procedure, or get information, during the outage.',
  noneOpen: 'None of the other ways is open right now.',
  deadline: (when: string) => `Deadline: ${when}`,
  deadlineExtended: (when: string) => `Deadline extended to ${when}`,
  deadlinePrevious: (when: string) => `instead of ${when}`,
  deadlinesTitle: 'Deadlines coming up',
  officialSource: 'official source',
  channelsTitle: 'Official information',
  channelsHelp: 'What the organisation itself says about this service.',
  crisisTitle: 'Beware of scams',
  crisisDefault:
    'During an outage, no public body asks for your bank details by text message or e-mail. Do not click on links in such messages.',
  crisisLink: 'How to protect yourself, on cybermalveillance.gouv.fr',
  crisisMore: 'Read more',
  publishedBy: (name: string) => `Published by ${name}. This is not the official site of the services it monitors.`,
  notOfficial: 'This is not an official site of the organisations whose services it lists.',
  nextUpdate: (time: string) => `Next update by ${time}`,
  nextUpdateDay: (when: string) => `Next update by ${when}`,
  updateLate: (time: string) => `The next update was expected by ${time}: it is late.`,
  staff: {
    threatened: 'deadline at risk',
    threatenedTitle: 'Deadlines at risk',
    threatenedHelp:
      'A deadline falls within 7 days and the service needed to meet it is down or degraded. Publish an extension as soon as it is official.',
    updateLate: 'update late',
    nextUpdateLabel: 'Next update expected (Paris time)',
    nextUpdateHint: 'Leave empty for the default delay for the impact.',
  },
};
