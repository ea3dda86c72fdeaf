import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeGov, status, up, type FakeGov } from '../fake-gov/index.ts';
import { freePort, startSite, type RunningSite } from '../support/site-server.ts';
import { until } from './support/probe-processes.ts';

/**
 * Two Vigie instances, each its own web and probe process and its own SQLite file, reading each
 * other's Statuspage v2 summary on loopback: A checks FranceConnect itself, B reads it from A's page
 * and has a portal that depends on it; A reads B's portal back. A also checks a service itself and
 * reads B's word on it besides: its own measurement stays its state, B's is shown next to it.
 */

const probeEntry = fileURLToPath(new URL('../../src/cli/probe.ts', import.meta.url));

interface Instance {
  dir: string;
  env: Record<string, string>;
  site: RunningSite;
  probe?: ChildProcess;
}

const categories = [{ id: 'tests', name: { fr: 'Essais', en: 'Tests' } }];
let gov: FakeGov;
let a: Instance;
let b: Instance;

async function instance(name: string): Promise<Instance> {
  const dir = mkdtempSync(join(tmpdir(), `vigie-upstream-${name}-`));
  const env = { DATABASE_URL: join(dir, 'vigie.db'), VIGIE_SERVICES: join(dir, 'services.json'), VIGIE_LOCATION: `loc-${name}` };
  // The site reads its catalogue at its first request: written below, once both addresses are known.
  return { dir, env, site: await startSite(env) };
}

async function startProbe(i: Instance): Promise<void> {
  const port = await freePort();
  i.probe = spawn(process.execPath, [probeEntry], { env: { ...process.env, ...i.env, PROBE_PORT: String(port) }, stdio: 'ignore' });
}

async function stopProbe(i: Instance | undefined): Promise<void> {
  const child = i?.probe;
  if (!child || child.exitCode !== null || child.signalCode !== null) return;
  const exited = once(child, 'exit');
  child.kill('SIGTERM');
  await exited;
}

const summary = async (i: Instance) =>
  (await (await fetch(`${i.site.url}/api/v2/summary.json`)).json()) as { components: { id: string; status: string }[] };
const componentStatus = async (i: Instance, id: string) => (await summary(i)).components.find((c) => c.id === id)?.status;
const page = async (i: Instance, path: string) => (await fetch(`${i.site.url}${path}`)).text();

beforeAll(async () => {
  gov = await startFakeGov({ tls: false });
  [a, b] = await Promise.all([instance('a'), instance('b')]);
  const common = { categories, defaults: { allowPrivateNetwork: true, interval: 2, timeout: 5 } };
  writeFileSync(
    a.env.VIGIE_SERVICES!,
    JSON.stringify({
      ...common,
      services: [
        { id: 'franceconnect', name: 'FranceConnect', category: 'tests', url: gov.url('franceconnect') },
        {
          id: 'portail-b',
          name: 'Portail B',
          category: 'tests',
          url: 'https://portail.example.fr/',
          upstream: { statuspage: `${b.site.url}/api/v2/summary.json`, component: 'portail' },
        },
        {
          id: 'double',
          name: 'Double',
          category: 'tests',
          url: gov.url('double'),
          check: { kind: 'http' },
          upstream: { statuspage: `${b.site.url}/api/v2/summary.json`, component: 'portail' },
        },
        { id: 'derriere', name: 'Derrière', category: 'tests', url: gov.url('derriere'), dependsOn: ['double'] },
      ],
    }),
  );
  writeFileSync(
    b.env.VIGIE_SERVICES!,
    JSON.stringify({
      ...common,
      services: [
        {
          id: 'fc',
          name: 'FranceConnect',
          category: 'tests',
          url: 'https://franceconnect.gouv.fr/',
          upstream: { statuspage: `${a.site.url}/api/v2/summary.json`, component: 'FranceConnect' },
        },
        { id: 'portail', name: 'Portail', category: 'tests', url: gov.url('portail'), dependsOn: ['fc'] },
      ],
    }),
  );
  await Promise.all([startProbe(a), startProbe(b)]);
}, 120_000);

afterAll(async () => {
  await Promise.all([stopProbe(a), stopProbe(b)]);
  await Promise.all([a?.site.stop(), b?.site.stop()]);
  await gov?.stop();
  for (const i of [a, b]) if (i) rmSync(i.dir, { recursive: true, force: true });
});

describe('two Vigie instances reading each other over the Statuspage v2 API', () => {
  it('each shows the other’s component as operational, said to come from its own status page', async () => {
    await until('A reads B’s portal as operational', async () => (await componentStatus(a, 'portail-b')) === 'operational');
    await until('B reads A’s FranceConnect as operational', async () => (await componentStatus(b, 'fc')) === 'operational');
    const onA = await page(a, '/fr/services/portail-b');
    expect(onA).toContain('d’après sa propre page d’état');
    expect(onA).toContain('pas une mesure de Vigie');
  });

  it('an outage A measures reaches B through A’s page, and B’s portal says it depends on it', async () => {
    gov.set('franceconnect', status(503));
    await until('A confirms FranceConnect down', async () => (await componentStatus(a, 'franceconnect')) === 'major_outage');
    await until('B reads it down from A’s page', async () => (await componentStatus(b, 'fc')) === 'major_outage');
    // Pages are read until they say it: on a loaded machine a late check makes a service stale (unknown) for a moment.
    const says = (path: string, text: string) => async () => (await page(b, path)).includes(text);
    await until(
      'B’s portal page says so',
      says('/fr/services/portail', 'Connexion avec FranceConnect indisponible\u00a0: la connexion directe reste possible'),
    );
    await until('B’s banner says so', says('/fr', 'FranceConnect est indisponible\u00a0; 1\u00a0service en dépend.'));
    gov.set('franceconnect', up());
    await until('B reads the recovery from A’s page', async () => (await componentStatus(b, 'fc')) === 'operational');
  });

  it('a service checked by Vigie and read besides from its own page keeps Vigie’s measurement as its state', async () => {
    gov.set('portail', status(503));
    await until('B confirms its portal down', async () => (await componentStatus(b, 'portail')) === 'major_outage');
    const says = (path: string, text: string) => async () => (await page(a, path)).includes(text);
    await until('A shows B’s word beside its own', says('/fr/services/double', 'D’après sa propre page d’état\u00a0: en panne.'));
    // Vigie's own check of `double` still answers: its published state, and its dependent's, stay operational.
    expect(await componentStatus(a, 'double')).toBe('operational');
    expect(await componentStatus(a, 'derriere')).toBe('operational');
    const fr = await page(a, '/fr/services/double');
    expect(fr).toContain('pas une mesure de Vigie');
    expect(fr).not.toContain('(d’après sa propre page d’état)');
    await until('the English page says it too', async () =>
      (await page(a, '/en/services/double')).includes('According to its own status page: down.'),
    );
    gov.set('portail', up());
  });
});
