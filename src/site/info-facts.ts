import { THROTTLE_WINDOW_MS } from '../domain/sign-in-window.ts';
import { SUBSCRIPTION_RETENTION } from '../domain/subscription-retention.ts';
import { SESSION_ABSOLUTE_MS, SESSION_COOKIE, SESSION_IDLE_MS } from '../domain/staff-session.ts';
import type { OperatorFacts } from '../config/operator-schema.ts';
import type { Locale } from '../domain/vocabulary.ts';
import { formatDayKey, formatPercent } from '../i18n/format.ts';
import type { InfoFacts } from '../i18n/info-types.ts';
import { conformityOf } from '../legal/conformity.ts';
import { pathFor } from '../addresses/routes.ts';

/**
 * What the legal pages are written from: the operator's facts, the status they imply, and the
 * retention the code applies (`auditLogDays`: the one the store's pruning uses).
 */
export function infoFacts(
  operator: OperatorFacts | undefined,
  where: { site: string; auditLogDays: number },
  locale: Locale,
  now: Date,
): InfoFacts {
  const { site } = where;
  const facts = operator ?? {};
  return {
    site,
    operator: facts,
    conformity: conformityOf(facts.accessibility?.audit, now),
    retention: {
      auditLogDays: where.auditLogDays,
      // The probe's housekeeping prunes login failures once they leave the throttle window.
      loginFailureHours: THROTTLE_WINDOW_MS / 3_600_000,
      sessionIdleMinutes: SESSION_IDLE_MS / 60_000,
      sessionMaxHours: SESSION_ABSOLUTE_MS / 3_600_000,
      sessionCookie: SESSION_COOKIE,
      ...SUBSCRIPTION_RETENTION,
    },
    paths: {
      legal: pathFor(locale, { page: 'legal' }),
      privacy: pathFor(locale, { page: 'privacy' }),
      accessibility: pathFor(locale, { page: 'accessibility' }),
    },
    formatDay: (day) => formatDayKey(day, locale),
    formatPercent: (value) => formatPercent(value, locale, 1),
  };
}
