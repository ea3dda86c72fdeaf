import { enAccessibility } from './en-accessibility.ts';
import { enLegal } from './en-legal.ts';
import type { Dictionary } from './fr.ts';
import type { ProbeFacts, Section } from './info-types.ts';
import { formatList } from './format.ts';
import { countOf } from './plural.ts';

const NOT_REPORTED_EN = 'This information will appear as soon as a probe has started checking.';

const aliveEn = (n: number) =>
  n === 0 ? 'no probe running right now' : countOf('en', n, { one: 'probe running', other: 'probes running' });

/** "Vantage points: Paris (2 probes running) and Lyon (no probe running right now)." A location with no catalogue name is not named. */
function placesEn(places: { name: string | null; processes: number }[]): string {
  if (places.every((p) => p.name === null)) {
    const alive = aliveEn(places.reduce((sum, p) => sum + p.processes, 0));
    return places.length === 1 ? `A single vantage point (${alive}).` : `${places.length} vantage points (${alive}).`;
  }
  return `Vantage points: ${formatList(
    places.map((p) => `${p.name ?? '—'} (${aliveEn(p.processes)})`),
    'en',
  )}.`;
}

/** English text of the information pages; same shape as the French. */
export const enInfo: Dictionary['info'] = {
  accessibility: enAccessibility,
  legal: enLegal.legal,
  privacy: enLegal.privacy,
  probes: {
    title: 'Our probes',
    body: (f: ProbeFacts): Section[] => [
      {
        heading: 'What is checked',
        paragraphs: [
          'For each service, a probe requests the public page listed below, as a browser would, and checks that the site answers with an expected status code, within a reasonable time, and sometimes that an expected text is on the page. It never signs in and never submits a form.',
          `A service is only declared down after ${countOf('en', f.failuresBeforeDown, { one: 'failure', other: 'consecutive failures' })}, and only declared back up after ${countOf('en', f.successesBeforeUp, { one: 'successful check', other: 'consecutive successful checks' })}. Temporary name-resolution errors (a DNS server not answering) and anti-bot pages are not enough to declare an outage; a domain name that does not exist (any more) does count as a failure.`,
        ],
      },
      {
        heading: 'How often',
        paragraphs: [
          `Each service is checked every ${f.minInterval === f.maxInterval ? f.minInterval : `${f.minInterval} to ${f.maxInterval}`}${f.reported ? `, with never more than ${countOf('en', f.reported.perHost, { one: 'request', other: 'requests' })} at a time to the same site` : ''}.`,
        ],
      },
      {
        heading: 'From where',
        paragraphs: [
          `${f.reported ? placesEn(f.reported.locations) : NOT_REPORTED_EN} Before declaring an outage, the probe also checks reference sites: if they fail too, it suspects its own network and says so instead of announcing a general outage.`,
        ],
      },
      // Until a probe has described itself this is said once, under the previous heading.
      ...(f.reported
        ? [
            {
              heading: 'Recognising our requests',
              paragraphs: [
                `Our requests carry ${f.reported.userAgents.length > 1 ? 'one of the following User-Agent headers' : 'the following User-Agent header'}, which public bodies can allow in their anti-bot protection:`,
              ],
              code: f.reported.userAgents,
            },
          ]
        : []),
    ],
    servicesTitle: 'Services checked',
    colService: 'Service',
    colAddress: 'Address checked',
    colInterval: 'Interval',
  },
};
