import type { Catalogue, ServiceConfig } from '../../../src/config/services-schema.ts';
import type { CheckOutcome } from '../../../src/domain/vocabulary.ts';
import type { Checker } from '../../../src/probe/check/types.ts';
import type { CheckResult } from '../../../src/domain/records.ts';
import { checkResult } from '../../support/records.ts';

export function service(id: string, url: string, patch: Partial<ServiceConfig> = {}): ServiceConfig {
  return {
    id,
    name: { fr: `Service ${id}`, en: `${id} service` },
    description: null,
    aliases: [],
    category: 'tests',
    url,
    interval: 60,
    timeout: 2,
    expectStatus: '200-399',
    keyword: null,
    slowMs: 3000,
    allowPrivateNetwork: true,
    detection: { failuresBeforeDown: 3, successesBeforeUp: 2 },
    hours: null,
    ...patch,
  };
}

export function catalogue(services: ServiceConfig[], canaries: string[] = []): Catalogue {
  return { categories: [{ id: 'tests', name: { fr: 'Essais', en: 'Tests' } }], services, canaries, locations: [] };
}

/**
 * A checker whose outcomes are set by the test, for tests about what happens after a check (the
 * real checker is exercised against the fake government in the integration test).
 */
export function scriptedChecker(now: () => number): Checker & { set(serviceId: string, outcome: CheckOutcome): void } {
  const outcomes = new Map<string, CheckOutcome>();
  const checker = async (s: ServiceConfig, context: { location: string }): Promise<CheckResult> => {
    const outcome = outcomes.get(s.id) ?? 'ok';
    return checkResult({
      serviceId: s.id,
      location: context.location,
      startedAt: new Date(now()),
      outcome,
      latencyMs: outcome === 'timeout' ? null : 42,
      httpStatus: outcome === 'ok' ? 200 : null,
      finalUrl: s.url,
    });
  };
  return Object.assign(checker, { set: (serviceId: string, outcome: CheckOutcome) => void outcomes.set(serviceId, outcome) });
}
