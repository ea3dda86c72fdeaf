import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { ServiceState } from '../../src/domain/vocabulary.ts';
import type { Store } from '../../src/store/store.ts';
import { dailyHistory } from './seed-history.ts';
import { cafSlowness, check, createSiteData, record, track } from './seed-site.ts';
import { outageSeen } from './records.ts';

/**
 * The shipped catalogue (all its services) on a bad day, written into a real SQLite store: four
 * services down (two with an automatic incident, one under a staff incident of major impact), two
 * slow, one in maintenance, one the probes see as fine but staff say is slow, one whose data is
 * stale, the rest operational with 90 days of history.
 */
export const SHIPPED_CATALOGUE = JSON.parse(readFileSync(fileURLToPath(new URL('../../services.json', import.meta.url)), 'utf8')) as {
  services: { id: string; name: string; url: string }[];
};

const MIN = 60_000;
const HOUR = 60 * MIN;

/** The services the banner must name, worst first. */
export const AFFECTED_IN_CRISIS = [
  'ants',
  'impots',
  'france-travail',
  'franceconnect',
  'ameli',
  'caf',
  'urssaf',
  'service-public',
] as const;

const PROBE_STATES: Record<string, { state: ServiceState; sinceMs: number }> = {
  ants: { state: 'down', sinceMs: 3 * HOUR },
  impots: { state: 'down', sinceMs: 2 * HOUR },
  'france-travail': { state: 'down', sinceMs: 50 * MIN },
  franceconnect: { state: 'down', sinceMs: 20 * MIN },
  ameli: { state: 'degraded', sinceMs: 90 * MIN },
  urssaf: { state: 'degraded', sinceMs: 35 * MIN },
};

export interface CrisisSite {
  env: Record<string, string>;
  store: Store;
  ids: { antsIncident: string; cafIncident: string; impotsOutage: string };
  cleanup: () => Promise<void>;
}

/** `catalogue`: the shipped one with facts a test adds (a deadline, a publisher); the same services either way. */
export async function seedCrisis(now: Date = new Date(), catalogue: object = SHIPPED_CATALOGUE): Promise<CrisisSite> {
  const site = await createSiteData(catalogue);
  const { store } = site;
  const t = (offsetMs: number) => new Date(now.getTime() + offsetMs);
  await store.recordHeartbeat({ location: 'test-paris', process: 'probe-1', at: t(-20_000), canariesHealthy: true, version: '0.1.0' });

  let impotsOutage = '';
  for (const service of SHIPPED_CATALOGUE.services) {
    const probe = PROBE_STATES[service.id] ?? { state: 'operational' as const, sinceMs: 40 * 86_400_000 };
    const checkedAt = service.id === 'msa' ? t(-HOUR) : t(-30_000);
    const outcome = probe.state === 'down' ? 'http_5xx' : probe.state === 'degraded' ? 'slow' : 'ok';
    const outage =
      service.id === 'impots' || service.id === 'france-travail'
        ? {
            type: 'outage_opened' as const,
            serviceId: service.id,
            startedAt: t(-probe.sinceMs),
            observed: outageSeen(new URL(service.url).hostname.replace(/^www\./, ''), { outcome: 'timeout' }),
          }
        : null;
    const id = await record(
      store,
      check(service.id, checkedAt, outcome, probe.state === 'down' ? null : 240),
      track(service.id, probe.state, t(-probe.sinceMs), checkedAt),
      dailyHistory(service.id, now),
      outage,
    );
    if (service.id === 'impots') impotsOutage = id ?? '';
  }

  const ants = await store.createIncident({
    title: { fr: 'Demandes de titres impossibles', en: 'ID and licence applications unavailable' },
    status: 'investigating',
    affected: [{ serviceId: 'ants', impact: 'major' }],
    body: {
      fr: 'Le site ne répond plus. Vos demandes en cours ne sont pas perdues.',
      en: 'The site is not answering. Applications in progress are not lost.',
    },
    author: 'agent@example.gouv.fr',
    at: t(-2 * HOUR),
  });
  const caf = await store.createIncident(cafSlowness(t(-40 * MIN)));
  await store.createMaintenance({
    title: { fr: 'Mise à jour de Service-Public.gouv.fr', en: 'Service-Public.gouv.fr upgrade' },
    body: { fr: 'Le site est indisponible pendant la mise à jour.', en: 'The site is unavailable during the upgrade.' },
    serviceIds: ['service-public'],
    startsAt: t(-30 * MIN),
    endsAt: t(HOUR),
    author: 'agent@example.gouv.fr',
    at: t(-2 * HOUR),
  });
  return { env: site.env, store, ids: { antsIncident: ants.id, cafIncident: caf.id, impotsOutage }, cleanup: site.cleanup };
}
