import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CheckOutcome, ServiceState } from '../../src/domain/vocabulary.ts';
import { startAdminSite, signIn, type AdminSite } from '../admin/support/admin-site.ts';
import { checkResult, downTracking, serviceTracking } from '../support/records.ts';

/**
 * A site whose catalogue has one service of each kind of check: the service page says what is
 * checked and what fails in each language, staff see a certificate about to expire and citizens
 * do not, the Statuspage API lists every kind, and services push heartbeats through the web process.
 */
const TOKEN = 'b'.repeat(40);
const LOCATION = 'test-paris';
const ISSUER = 'Autorité de test (R42)';

const CATALOGUE = {
  categories: [{ id: 'social', name: { fr: 'Social', en: 'Social' } }],
  services: [
    { id: 'ameli', name: 'ameli.fr', category: 'social', url: 'https://www.ameli.fr/' },
    { id: 'dns-caf', name: 'caf.fr', category: 'social', url: 'https://www.caf.fr/', check: { kind: 'dns', name: 'www.caf.fr' } },
    {
      id: 'smtp',
      name: 'Messagerie',
      category: 'social',
      url: 'https://mail.example.gouv.fr/',
      check: { kind: 'tcp', port: 465, tls: true },
    },
    {
      id: 'fc',
      name: 'Mon espace',
      category: 'social',
      url: 'https://espace.example.gouv.fr/',
      check: {
        kind: 'journey',
        steps: [
          { name: 'Accueil', url: '/' },
          { name: { fr: 'Se connecter avec FranceConnect', en: 'Sign in with FranceConnect' }, url: '/connexion', followRedirects: false },
        ],
      },
    },
    {
      id: 'paie',
      name: 'Paiements',
      category: 'social',
      url: 'https://paie.example.gouv.fr/',
      check: { kind: 'heartbeat', tokenEnv: 'VIGIE_BEAT_PAIE', interval: 600 },
    },
  ],
};

let admin: AdminSite;
const now = Date.now();
const ago = (ms: number) => new Date(now - ms);

async function seed(serviceId: string, state: ServiceState, outcome: CheckOutcome, extra: { step?: number; tls?: Date } = {}) {
  const facts = { lastStep: extra.step ?? null, tlsExpiresAt: extra.tls ?? null, tlsIssuer: extra.tls ? ISSUER : null };
  const tracking =
    state === 'down'
      ? downTracking(serviceId, ago(600_000), ago(20_000), { location: LOCATION, lastOutcome: outcome, ...facts })
      : serviceTracking({ serviceId, location: LOCATION, lastCheckedAt: ago(20_000), since: ago(3_600_000), ...facts });
  const result = checkResult({ serviceId, location: LOCATION, startedAt: ago(20_000), outcome, step: extra.step ?? null });
  await admin.store.recordCheck({ result, tracking, rollups: [], event: null });
}

beforeAll(async () => {
  admin = await startAdminSite({ VIGIE_BEAT_PAIE: TOKEN, VIGIE_LOCATION: LOCATION }, CATALOGUE);
  await admin.store.recordHeartbeat({ location: LOCATION, process: 'probe-1', at: ago(10_000), canariesHealthy: true, version: '0.1.0' });
  await seed('ameli', 'operational', 'ok', { tls: new Date(now + 5 * 86_400_000) });
  await seed('dns-caf', 'down', 'dns_nxdomain');
  await seed('smtp', 'down', 'refused');
  await seed('fc', 'down', 'http_5xx', { step: 2 });
  await seed('paie', 'down', 'heartbeat_missed');
});
afterAll(() => admin?.stop());

const page = async (path: string, init?: RequestInit) =>
  (await (await fetch(`${admin.site.url}${path}`, init)).text())
    .replace(/<[^>]+>/g, ' ')
    .replace(/&#39;/g, "'")
    .replace(/[\s\u00a0\u202f]+/g, ' ');

describe('service pages for each kind of check', () => {
  it.each([
    ['dns-caf', 'La résolution DNS échoue : le nom du site n’est plus trouvé.', 'Le nom www.caf.fr est bien trouvé (résolution DNS)'],
    ['smtp', 'Le service refuse les connexions.', 'mail.example.gouv.fr accepte les connexions sécurisées (port 465).'],
    ['fc', 'L’étape « Se connecter avec FranceConnect » échoue.', 'Un parcours en 2 étapes'],
    ['paie', 'Le service ne signale plus qu’il fonctionne', 'au moins toutes les 10 min'],
  ])('%s says what fails and what is checked, in French', async (id, finding, checked) => {
    const text = await page(`/fr/services/${id}`);
    expect(text).toContain(`Ce qui ne fonctionne pas : ${finding}`);
    expect(text).toContain(checked);
  });

  it.each([
    ['dns-caf', 'DNS resolution fails', 'The name www.caf.fr is found (DNS resolution)'],
    ['fc', 'The step “Sign in with FranceConnect” fails.', 'Accueil Sign in with FranceConnect'],
    ['paie', 'a background task seems to have stopped', 'at least every 10 min'],
  ])('%s says the same in English', async (id, finding, checked) => {
    const text = await page(`/en/services/${id}`);
    expect(text).toContain(finding);
    expect(text).toContain(checked);
  });

  it('says nothing fails for a service that works, and nothing of its certificate to citizens', async () => {
    const text = await page('/fr/services/ameli');
    expect(text).not.toContain('Ce qui ne fonctionne pas');
    expect(text).toContain('La page du service s’ouvre normalement.');
    for (const path of ['/fr/services/ameli', '/en/services/ameli', '/fr/', '/api/v2/summary.json']) {
      expect(await page(path)).not.toContain('R42');
    }
  });

  it('lists every kind of check as a component of the Statuspage API', async () => {
    const summary = (await (await fetch(`${admin.site.url}/api/v2/components.json`)).json()) as {
      components: { name: string; status: string }[];
    };
    const statuses = Object.fromEntries(summary.components.map((c) => [c.name, c.status]));
    expect(statuses).toMatchObject({
      'ameli.fr': 'operational',
      'caf.fr': 'major_outage',
      Messagerie: 'major_outage',
      'Mon espace': 'major_outage',
      Paiements: 'major_outage',
    });
  });
});

describe('staff see certificates expiring soon', () => {
  it('lists the certificate with its issuer and the days left on the dashboard', async () => {
    const cookie = await signIn(admin.site, admin.staff[0]!);
    const text = await page('/admin', { headers: { cookie } });
    expect(text).toContain('Certificats bientôt expirés');
    expect(text).toMatch(/ameli\.fr [^|]*? 4 Autorité de test \(R42\)/);
  });
});

describe('heartbeat pushes', () => {
  const push = (token: string, headers: Record<string, string> = {}) =>
    fetch(`${admin.site.url}/api/heartbeat/${token}`, { method: 'POST', headers });

  it('records a beat for the right token, from no page and no origin, and says nothing of other services', async () => {
    const before = new Date();
    const ok = await push(TOKEN);
    expect(ok.status).toBe(202);
    expect(ok.headers.get('cache-control')).toBe('no-store');
    expect(await ok.text()).toBe('Signal de vie enregistré.\nHeartbeat recorded.\n');
    expect((await admin.store.lastServiceBeat('paie'))!.getTime()).toBeGreaterThanOrEqual(before.getTime() - 1000);
    const wrong = await push('a'.repeat(40), { origin: 'https://elsewhere.example' });
    expect(wrong.status).toBe(404);
    expect(await wrong.text()).toBe('Jeton inconnu.\nUnknown token.\n');
  });

  it('limits pushes per client address', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 62; i++) statuses.push((await push('c'.repeat(40))).status);
    expect(statuses).toContain(429);
    const limited = await push(TOKEN);
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe('60');
  });
});
