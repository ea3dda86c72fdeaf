import type { frOutage } from './fr-outage.ts';

/** English words of automatic incidents (see `fr-outage.ts`). */
export const enOutage: typeof frOutage = {
  titles: {
    name_unresolved: 'site not found',
    unreachable: 'site unreachable',
    refused: 'connections refused',
    error_page: 'the site shows an error',
    unexpected_answer: 'unexpected answer',
    browser_warning: 'browser security warning',
    step_fails: 'a step of the journey fails',
    beat_missing: 'no more sign of life',
    other: 'outage detected',
    own_page_down: 'outage reported by its own status page',
    own_page_degraded: 'disruption reported by its own status page',
  },
  seen: {
    name_unresolved: (domain: string) => `Our probes cannot open ${domain}: its name can no longer be found (DNS).`,
    unreachable: (domain: string) => `Our probes cannot open ${domain}: the site does not respond.`,
    refused: (domain: string) => `Our probes cannot connect to ${domain}: connections are refused.`,
    error_page: (domain: string) => `Our probes cannot open ${domain}: the site shows an error page.`,
    unexpected_answer: (domain: string) => `Our probes open ${domain}, but do not find the expected answer there.`,
    browser_warning: (domain: string) => `Our probes cannot open ${domain} securely: browsers show a security warning.`,
    step_fails: (domain: string, step: string) => `On ${domain}, our probes fail at the step “${step}”.`,
    beat_missing: (domain: string) => `Our probes no longer receive the signal by which ${domain} reports that it works.`,
    other: (domain: string) => `Our probes find that ${domain} is not working normally.`,
    own_page_down: (domain: string) => `The status page of ${domain} itself reports an outage: this is not a measurement by our probes.`,
    own_page_degraded: (domain: string) =>
      `The status page of ${domain} itself reports disruption: this is not a measurement by our probes.`,
  },
  sameProblem: 'You may meet the same problem.',
  where: (places: string) => `Measuring points that see it: ${places}.`,
  followUp: (domain: string) => `This page will be updated as soon as our probes see ${domain} working again.`,
  recovered: (domain: string, duration: string) => `Restored after ${duration}: our probes see ${domain} working normally again.`,
};
