import type { CheckResult, OutageObservation, ServiceTracking } from '../../src/domain/records.ts';

/**
 * The one place tests build the probe's records: an ordinary successful check and the tracking of
 * a service that is up. Each test overrides only the fields its story depends on.
 */
export const RECORDS_T0 = new Date('2026-03-10T10:00:00.000Z');

export function checkResult(overrides: Partial<CheckResult> = {}): CheckResult {
  return {
    serviceId: 'impots',
    location: 'paris',
    startedAt: RECORDS_T0,
    outcome: 'ok',
    latencyMs: 120,
    httpStatus: 200,
    finalUrl: null,
    tlsExpiresAt: null,
    tlsIssuer: null,
    step: null,
    detail: null,
    probeOffline: false,
    ...overrides,
  };
}

export function serviceTracking(overrides: Partial<ServiceTracking> = {}): ServiceTracking {
  return {
    serviceId: 'impots',
    location: 'paris',
    state: 'operational',
    since: RECORDS_T0,
    failureStreak: 0,
    successStreak: 1,
    failureRunStartedAt: null,
    lastCheckedAt: RECORDS_T0,
    lastOutcome: 'ok',
    latencyMs: 120,
    openIncidentId: null,
    lastStep: null,
    tlsExpiresAt: null,
    tlsIssuer: null,
    firstCheckedAt: null,
    ...overrides,
  };
}

/** The tracking of a service the probe has confirmed down since `since`, last checked at `at`. */
export function downTracking(serviceId: string, since: Date, at: Date, overrides: Partial<ServiceTracking> = {}): ServiceTracking {
  return serviceTracking({
    serviceId,
    state: 'down',
    since,
    failureStreak: 3,
    successStreak: 0,
    failureRunStartedAt: since,
    lastCheckedAt: at,
    lastOutcome: 'http_5xx',
    latencyMs: null,
    ...overrides,
  });
}

/** What the probes saw when they confirmed an outage: an error page at `domain`, by default. */
export function outageSeen(domain: string, overrides: Partial<OutageObservation> = {}): OutageObservation {
  return { outcome: 'http_5xx', checkKind: 'http', step: null, domain, locations: [], ...overrides };
}
