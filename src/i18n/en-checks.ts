import type { frChecks } from './fr-checks.ts';
import { pluralForm } from './plural.ts';

const days = (n: number) => `${n} ${pluralForm('en', n, { one: 'day', other: 'days' })}`;

/** English words of the kinds of check (see `fr-checks.ts`). */
export const enChecks: typeof frChecks = {
  checked: {
    title: 'What Vigie checks',
    http: 'The service’s page opens normally.',
    api: 'The service answers, and its answer holds what is expected.',
    dns: (name: string) => `The name ${name} is found (DNS resolution): without it, the site cannot be reached at all.`,
    tcp: (host: string, port: number) => `${host} accepts connections (port ${port}).`,
    tcpTls: (host: string, port: number) => `${host} accepts secure connections (port ${port}).`,
    journey: (steps: number) => `A path of ${steps} ${pluralForm('en', steps, { one: 'step', other: 'steps' })}, as a user would take it:`,
    heartbeat: (every: string) => `The service itself reports that it works, at least every ${every}.`,
    statuspage: (host: string) =>
      `Its state comes from its own status page (${host}): what the service says of itself, not a measurement by Vigie.`,
  },
  finding: {
    title: 'What does not work',
    name_unresolved: 'DNS resolution fails: the site’s name can no longer be found.',
    unreachable: 'The service does not respond.',
    refused: 'The service refuses connections.',
    error_page: 'The service answers with an error page.',
    unexpected_answer: 'The service answers, but not as expected.',
    browser_warning: 'Browsers show a security warning.',
    step_fails: (step: string) => `The step “${step}” fails.`,
    beat_missing: 'The service no longer reports that it works: a background task seems to have stopped.',
    slow: 'The service responds slowly.',
    own_page_down: 'Its own status page reports an outage.',
    own_page_degraded: 'Its own status page reports disruption.',
  },
  certificates: {
    title: 'Certificates expiring soon',
    help: (n: number) => `Certificates that expire within ${days(n)}. The public sees nothing of it while they are valid.`,
    none: (n: number) => `No certificate expires within the next ${days(n)}.`,
    colService: 'Service',
    colExpires: 'Expires on',
    colDays: 'Days left',
    colIssuer: 'Issuer',
    expired: 'expired',
    unknownIssuer: 'unknown',
  },
  push: {
    recorded: 'Heartbeat recorded.',
    unknown: 'Unknown token.',
    tooMany: 'Too many heartbeats from this address: try again in a minute.',
    unavailable: 'The heartbeat could not be recorded right now: try again.',
  },
};
