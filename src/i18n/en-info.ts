import type { Dictionary, ProbeFacts, Section } from './fr.ts';

/** English text of the information pages; same shape as the French. */
export const enInfo: Dictionary['info'] = {
  accessibility: {
    title: 'Accessibility statement',
    body: (site: string, date: string): Section[] => [
      {
        heading: 'Commitment',
        paragraphs: [
          `The operator of this site (${site}) is committed to making it accessible, in accordance with article 47 of French law no. 2005-102 of 11 February 2005.`,
          'This statement covers the public pages of the site. The pages used by the team that publishes incidents are excluded.',
        ],
      },
      {
        heading: 'Compliance status',
        paragraphs: [
          'This site is partially compliant with the French accessibility framework RGAA version 4.1, which follows WCAG 2.1 level AA.',
          'It has not yet been fully audited by an independent body: until that audit has taken place, we cannot declare it fully compliant.',
        ],
      },
      {
        heading: 'What has been checked',
        paragraphs: [
          'Every page type is tested automatically in French and English, with and without JavaScript, using the axe-core tool. Pages have a heading structure, navigation landmarks, a skip link, visible focus and a contrast of at least 4.5 to 1, including in dark mode.',
          'The state of a service is always given by a word, never by colour alone. Response-time charts have an equivalent table, and each day of the uptime history has a text description reachable by keyboard.',
        ],
      },
      {
        heading: 'Content that is not accessible',
        paragraphs: [
          'Incident notices are written by the operations team. The English translation may follow the French text; the French text is then shown and marked as such.',
        ],
      },
      {
        heading: 'Preparation of this statement',
        paragraphs: [
          `This statement was prepared on ${date}. Technologies used: HTML, CSS, SVG; optional JavaScript (automatic refresh).`,
        ],
      },
      {
        heading: 'Feedback and contact',
        paragraphs: [
          'If you cannot access some content or a service, contact the operator of this site (see the legal notice) to be offered an accessible alternative.',
        ],
      },
      {
        heading: 'Remedies',
        paragraphs: [
          'If you reported an accessibility problem and did not receive a satisfactory answer, you can write to the Défenseur des droits (the French Rights Defender), contact their delegate in your region, or write free of charge to: Défenseur des droits, Libre réponse 71120, 75342 Paris CEDEX 07, France.',
        ],
        links: [{ label: 'Défenseur des droits', href: 'https://www.defenseurdesdroits.fr/', lang: 'fr' }],
      },
    ],
  },
  legal: {
    title: 'Legal notice',
    body: (site: string): Section[] => [
      {
        heading: 'Publisher',
        paragraphs: [
          `This site (${site}) is an instance of Vigie, free software that monitors the availability of public online services. The organisation operating this instance is its publisher and is responsible for its content.`,
        ],
      },
      {
        heading: 'Nature of the information',
        paragraphs: [
          'The state shown is what our probes observe from their vantage point. A service may work for you while we see it down, or the other way round. This site does not replace the information published by each administration.',
          'Service names belong to their administrations; their presence here does not mean they have endorsed this site.',
        ],
      },
      {
        heading: 'Software',
        paragraphs: ['Vigie is distributed under the European Union Public Licence (EUPL 1.2).'],
      },
    ],
  },
  privacy: {
    title: 'Personal data',
    body: (): Section[] => [
      {
        heading: 'No tracking of visitors',
        paragraphs: [
          'This site sets no cookies on your device, uses no audience measurement or tracker, and loads nothing from other sites (fonts, scripts, images).',
          'That is why it does not ask for your consent: there is nothing to accept or refuse.',
        ],
      },
      {
        heading: 'Technical logs',
        paragraphs: [
          'Like any web server, the one hosting this site may keep a technical log of requests (IP address, page requested, date) for its security. These logs are not used to follow visitors.',
        ],
      },
      {
        heading: 'Operations team',
        paragraphs: [
          'The people who publish incidents sign in with a personal account. Their email address and their actions are kept in an audit log, so we know who published what.',
        ],
      },
    ],
  },
  probes: {
    title: 'Our probes',
    body: (f: ProbeFacts): Section[] => [
      {
        heading: 'What is checked',
        paragraphs: [
          'For each service, a probe requests the public page listed below, as a browser would, and checks that the site answers with an expected status code, within a reasonable time, and sometimes that an expected text is on the page. It never signs in and never submits a form.',
          `A service is only declared down after ${f.failuresBeforeDown} consecutive failures, and only recovered after ${f.successesBeforeUp} consecutive successes. Name-resolution errors and anti-bot pages are not enough to declare an outage.`,
        ],
      },
      {
        heading: 'How often',
        paragraphs: [
          `Each service is checked every ${f.minInterval === f.maxInterval ? f.minInterval : `${f.minInterval} to ${f.maxInterval}`}, with never more than ${f.perHost} requests at a time to the same site.`,
        ],
      },
      {
        heading: 'From where',
        paragraphs: [
          `Vantage point: ${f.location}. Before declaring an outage, the probe also checks reference sites: if they fail too, it suspects its own network and says so instead of announcing a general outage.`,
        ],
      },
      {
        heading: 'Recognising our requests',
        paragraphs: [
          'Our requests carry the following User-Agent header, which administrations can allow in their anti-bot protection:',
        ],
        code: f.userAgent,
      },
    ],
    servicesTitle: 'Services checked',
    colService: 'Service',
    colAddress: 'Address checked',
    colInterval: 'Frequency',
  },
};
