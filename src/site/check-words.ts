import type { ServiceConfig } from '../config/services-schema.ts';
import { checkKindOf } from '../config/service-check.ts';
import { checkFinding } from '../domain/check-finding.ts';
import type { Locale, Localized } from '../domain/vocabulary.ts';
import { t } from '../i18n/index.ts';
import type { ServiceStatusView } from '../status/views.ts';
import { formatInterval } from './probe-facts.ts';

/**
 * The service page's words about its check: what Vigie checks, for each kind, and what fails when
 * the probe's own verdict says so. Pure; the page only renders. Nothing is said while the state
 * comes from staff, a maintenance, the opening hours or a lack of data: the page says that already.
 */

export interface CheckWords {
  checked: string;
  /** A journey's steps, in order, by name in both languages (a name given once is French, kept as is). */
  steps: Localized[];
  /** What fails, or null when nothing the probe found needs saying. */
  finding: string | null;
}

function checkedText(service: ServiceConfig, locale: Locale): string {
  const d = t(locale).checks.checked;
  const check = service.check;
  switch (check?.kind) {
    case undefined:
      return d.http;
    case 'http':
      return check.expect.json.length > 0 || check.expect.headers.length > 0 ? d.api : d.http;
    case 'dns':
      return d.dns(check.name);
    case 'tcp':
      return check.tls ? d.tcpTls(check.host, check.port) : d.tcp(check.host, check.port);
    case 'journey':
      return d.journey(check.steps.length);
    case 'heartbeat':
      return d.heartbeat(formatInterval(check.interval, locale));
    case 'statuspage':
      return d.statuspage(new URL(check.url).host);
  }
}

function findingText(service: ServiceConfig, view: ServiceStatusView, locale: Locale): string | null {
  const probeSays = !view.declaredByStaff && (view.state === 'down' || view.state === 'degraded' || view.state === 'partial');
  if (!probeSays) return null;
  const finding = checkFinding(checkKindOf(service), view.lastOutcome, view.lastStep);
  if (finding === null) return null;
  const d = t(locale).checks.finding;
  if (finding !== 'step_fails') return d[finding];
  const step = service.check?.kind === 'journey' ? service.check.steps[(view.lastStep ?? 0) - 1] : undefined;
  return step ? d.step_fails(step.name[locale]) : d.unexpected_answer;
}

export function checkWords(service: ServiceConfig, view: ServiceStatusView, locale: Locale): CheckWords {
  return {
    checked: checkedText(service, locale),
    steps: service.check?.kind === 'journey' ? service.check.steps.map((s) => s.name) : [],
    finding: findingText(service, view, locale),
  };
}
