import type { Catalogue, ServiceConfig } from '../../src/config/services-schema.ts';
import type { ServiceState } from '../../src/domain/vocabulary.ts';
import type { ProbeHeartbeat, Rollup, ServiceTracking } from '../../src/domain/records.ts';
import type { Incident, IncidentUpdate, Maintenance } from '../../src/domain/incident-records.ts';
import { LATENCY_BUCKETS_MS } from '../../src/domain/records.ts';
import { serviceTracking } from '../support/records.ts';

/** Small builders for read-model tests: each test states the facts it depends on. */

export const NOW = new Date('2026-11-24T21:00:00Z');

export function service(id: string, category = 'tax', overrides: Partial<ServiceConfig> = {}): ServiceConfig {
  return {
    id,
    name: { fr: `Service ${id}`, en: `Service ${id} (en)` },
    description: null,
    aliases: [],
    category,
    url: `https://${id}.example.fr/`,
    interval: 60,
    timeout: 10,
    expectStatus: '200-399',
    keyword: null,
    slowMs: 3000,
    allowPrivateNetwork: false,
    detection: { failuresBeforeDown: 3, successesBeforeUp: 2 },
    hours: null,
    ...overrides,
  };
}

export function catalogue(services: ServiceConfig[]): Catalogue {
  const categories = [...new Set(services.map((s) => s.category))].map((id) => ({
    id,
    name: { fr: `Catégorie ${id}`, en: `Category ${id}` },
  }));
  return { categories, services, canaries: [], locations: [] };
}

export function tracking(serviceId: string, state: ServiceState, checkedSecondsAgo: number, now = NOW): ServiceTracking {
  return serviceTracking({
    serviceId,
    location: 'paris',
    state,
    since: new Date(now.getTime() - 3_600_000),
    successStreak: 3,
    lastCheckedAt: new Date(now.getTime() - checkedSecondsAgo * 1000),
    lastOutcome: state === 'down' ? 'http_5xx' : 'ok',
  });
}

export function heartbeat(secondsAgo: number, canariesHealthy = true, now = NOW): ProbeHeartbeat {
  return {
    location: 'paris',
    process: 'paris-host:1:aaaaaa',
    at: new Date(now.getTime() - secondsAgo * 1000),
    canariesHealthy,
    version: 'test',
  };
}

export function update(
  id: string,
  incidentId: string,
  status: IncidentUpdate['status'],
  at: Date,
  body: IncidentUpdate['body'],
): IncidentUpdate {
  return {
    id,
    incidentId,
    status,
    body,
    createdAt: at,
    author: 'staff@example.fr',
    editedAt: null,
    history: [],
    reason: null,
    nextUpdateAt: null,
    observed: null,
  };
}

export function incident(id: string, overrides: Partial<Incident> = {}): Incident {
  const at = new Date(NOW.getTime() - 7_200_000);
  return {
    id,
    kind: 'staff',
    serviceId: null,
    title: { fr: `Incident ${id}`, en: `Incident ${id} (en)` },
    status: 'investigating',
    affected: [],
    startedAt: at,
    createdAt: at,
    updatedAt: at,
    resolvedAt: null,
    takenOverBy: null,
    updates: [update(`${id}-u1`, id, 'investigating', at, { fr: 'Nous enquêtons.', en: 'We are investigating.' })],
    ...overrides,
  };
}

export function maintenance(
  id: string,
  serviceIds: string[],
  startsAt: Date,
  endsAt: Date,
  overrides: Partial<Maintenance> = {},
): Maintenance {
  const created = new Date(startsAt.getTime() - 86_400_000);
  return {
    id,
    title: { fr: `Maintenance ${id}`, en: `Maintenance ${id} (en)` },
    body: { fr: 'Intervention prévue.', en: 'Planned work.' },
    serviceIds,
    startsAt,
    endsAt,
    createdAt: created,
    updatedAt: created,
    cancelledAt: null,
    author: 'staff@example.fr',
    ...overrides,
  };
}

export function rollup(
  serviceId: string,
  granularity: 'hour' | 'day',
  bucketStart: Date,
  seconds: Partial<Record<ServiceState, number>>,
  latencies: number[] = [],
): Rollup {
  const histogram = new Array<number>(LATENCY_BUCKETS_MS.length + 1).fill(0);
  for (const ms of latencies) {
    const i = LATENCY_BUCKETS_MS.findIndex((upper) => ms <= upper);
    histogram[i === -1 ? LATENCY_BUCKETS_MS.length : i]! += 1;
  }
  return {
    serviceId,
    granularity,
    bucketStart,
    checks: latencies.length,
    failures: 0,
    seconds: { operational: 0, degraded: 0, down: 0, maintenance: 0, unknown: 0, ...seconds },
    latencyCount: latencies.length,
    latencySumMs: latencies.reduce((a, b) => a + b, 0),
    latencyMaxMs: latencies.length > 0 ? Math.max(...latencies) : 0,
    latencyHistogram: histogram,
  };
}
