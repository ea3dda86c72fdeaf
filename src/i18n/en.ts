import type { Dictionary, ProbeFacts, Section } from './fr.ts';

/** English words of the site. Typed by the French dictionary: a missing or extra key fails the type check. */

const plural = (n: number, one: string, many: string) => (n === 1 ? one : many);

export const en: Dictionary = {
  languageName: 'English',
  colon: ': ',
  site: {
    name: 'Vigie',
    tagline: 'Status of French public online services',
    description:
      'Vigie tells you whether major French public online services are working, since when they have been disrupted, and what is being done.',
  },
  nav: {
    skip: 'Skip to main content',
    label: 'Main menu',
    home: 'Vigie, home',
    overview: 'Service status',
    incidents: 'Incidents',
    maintenance: 'Maintenance',
    probes: 'Our probes',
    language: 'Language',
    current: 'current page',
  },
  states: {
    operational: 'Operational',
    degraded: 'Degraded performance',
    down: 'Major outage',
    maintenance: 'Maintenance',
    unknown: 'Unknown',
  },
  noData: 'No data',
  impacts: {
    degraded: 'Degraded performance',
    partial: 'Partial outage',
    major: 'Major outage',
  },
  incidentStatuses: {
    investigating: 'Investigating',
    identified: 'Identified',
    monitoring: 'Monitoring',
    resolved: 'Resolved',
  },
  unknownReasons: {
    no_data: 'No data: this service has not been checked yet.',
    stale: 'Data too old: our probes have not checked it recently, so we cannot tell whether it works.',
    probe_offline:
      'Monitoring interrupted: our probe has a network problem on its side, so the state of this service cannot be confirmed.',
    not_checkable: 'This service cannot be checked automatically.',
  },
  banner: {
    allOk: 'All services operational',
    disrupted: (n: number) => `${n} ${plural(n, 'service disrupted', 'services disrupted')}`,
    noOutageSeen: 'No outage detected',
    interrupted: 'Monitoring interrupted',
    interruptedDetail:
      'Our probes are no longer sending fresh data. We cannot confirm the state of the services: those whose data is too old are shown as “Unknown”.',
    down: (n: number) => `${n} down`,
    degraded: (n: number) => `${n} with degraded performance`,
    maintenance: (n: number) => `${n} under maintenance`,
    unknown: (n: number) => `${n} in an unknown state`,
    noneYet: 'No check has run yet: the state of the services is not known.',
  },
  freshness: {
    updated: (ago: string) => `Data updated ${ago}`,
    checked: (ago: string) => `checked ${ago}`,
    neverChecked: 'not checked yet',
    noProbeData: 'No data received from our probes yet.',
    parisTime: 'Paris time',
    since: (when: string) => `since ${when}`,
  },
  overview: {
    title: 'Status of French public online services',
    ongoingIncidents: 'Ongoing incidents',
    maintenances: 'Current and upcoming maintenance',
    services: 'Monitored services',
    uptime90: (pct: string) => `Uptime over 90 days: ${pct}`,
    noHistory: 'No history yet',
    details: (name: string) => `Details of ${name}`,
  },
  service: {
    back: 'Back to service status',
    address: 'Address',
    checkedEvery: (every: string) => `Checked every ${every}.`,
    openIncidents: 'Ongoing incidents for this service',
    uptimeTitle: 'Uptime over 90 days',
    uptimeHelp:
      'One bar per day, oldest first. With the Tab key, each day gives its uptime and how long the service was down. Planned maintenance does not count as downtime.',
    uptimeAverage: (pct: string) => `Average of measured days: ${pct}.`,
    day: (day: string, pct: string, minutes: number) => `${day}: ${pct} uptime, ${minutes} min down`,
    dayNoData: (day: string) => `${day}: no data`,
    dayMaintenance: (minutes: number) => `, including ${minutes} min of maintenance`,
    dayMaintenanceOnly: (day: string, minutes: number) => `${day}: planned maintenance (${minutes} min)`,
    dayDegraded: (minutes: number) => `, ${minutes} min of degraded performance`,
    legend: 'Legend',
    latencyTitle: 'Response time',
    latencyHelp: 'Time the site took to answer our probes (median and 95th percentile).',
    ranges: { '24h': 'Last 24 hours', '7d': 'Last 7 days', '30d': 'Last 30 days' },
    latencySummary: (low: string, high: string, max: string) =>
      `Median between ${low} and ${high} depending on the time, maximum ${max}.`,
    noLatency: 'No measurements over this period.',
    showTable: 'Show the values as a table',
    colPeriod: 'Period (Paris time)',
    colMedian: 'Median',
    colP95: '95th percentile',
    colMax: 'Maximum',
    colChecks: 'Checks',
    median: 'median',
    p95: '95th percentile',
    incidentsTitle: 'Incidents for this service',
    noIncidents: 'No incident recorded for this service.',
    follow: 'Follow this service',
  },
  incidents: {
    title: 'Incidents',
    ongoing: 'Ongoing incidents',
    noneOngoing: 'No ongoing incident.',
    planned: 'Planned maintenance',
    nonePlanned: 'No planned maintenance.',
    past: 'Past incidents',
    nonePast: 'No past incident.',
    pagination: 'Pages of past incidents',
    previous: 'Previous page',
    next: 'Next page',
    pageOf: (page: number, pages: number) => `Page ${page} of ${pages}`,
    started: 'Started',
    ended: 'Ended',
    duration: 'Duration',
    ongoingFor: (duration: string) => `Ongoing for ${duration}`,
    affected: 'Affected services',
    timeline: 'Timeline',
    automatic: 'Detected automatically by our probes.',
    status: 'Status',
    edited: 'edited',
    translationToFollow: 'Translation to follow.',
    allIncidents: 'All incidents',
  },
  maintenance: {
    title: 'Maintenance',
    intro:
      'Planned work during which a service may be unavailable. It does not count as downtime in the uptime figures.',
    active: 'In progress',
    upcoming: 'Planned',
    noneActive: 'No maintenance in progress.',
    noneUpcoming: 'No planned maintenance.',
    window: 'Window',
  },
  notFound: {
    title: 'Page not found',
    body: 'This address does not match any page. Check it, or go back to the service status.',
    service: 'No monitored service has this identifier. It may have been removed from the list.',
    incident: 'No incident has this identifier.',
  },
  footer: {
    conformance: 'Accessibility: partially compliant',
    legal: 'Legal notice',
    privacy: 'Personal data',
    probes: 'Our probes',
    feeds: 'Follow incidents',
    rss: 'RSS feed',
    atom: 'Atom feed',
    noCookies: 'This site sets no cookies and contains no trackers.',
    software: 'Vigie, free software (EUPL 1.2).',
  },
  head: {
    feedRss: 'Incidents and maintenance (RSS)',
    feedAtom: 'Incidents and maintenance (Atom)',
    serviceFeed: (name: string, format: string) => `Incidents of ${name} (${format})`,
  },
  feeds: {
    title: 'Vigie: incidents and maintenance',
    description: 'Incidents and maintenance of the French public online services monitored by Vigie, at every update.',
    serviceTitle: (name: string) => `Vigie: incidents of ${name}`,
    serviceDescription: (name: string) => `Incidents and maintenance of ${name}, at every update.`,
    maintenanceAnnounced: 'Planned maintenance',
    maintenanceCancelled: 'Maintenance cancelled',
    affectedServices: 'Affected services:',
    window: (when: string) => `Window: ${when} (Paris time).`,
    translationPending: 'French text below: the English translation is to follow.',
  },
  api: {
    indicators: {
      none: 'All services operational',
      minor: 'Ongoing disruption',
      major: 'Ongoing outage',
      critical: 'Outage of many services',
    },
    interrupted: 'Monitoring interrupted: the state of the services cannot be confirmed',
  },
  badge: {
    title: (name: string, state: string) => `${name}: ${state}`,
  },
  info: {
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
            `Each service is checked every ${f.minInterval} to ${f.maxInterval}, with never more than ${f.perHost} requests at a time to the same site.`,
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
            `Our requests carry the following User-Agent header, which administrations can allow in their anti-bot protection: ${f.userAgent}`,
          ],
        },
      ],
      servicesTitle: 'Services checked',
      colService: 'Service',
      colAddress: 'Address checked',
      colInterval: 'Frequency',
    },
  },
};

export type { ProbeFacts, Section };
