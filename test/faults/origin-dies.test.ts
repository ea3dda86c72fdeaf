import { chmodSync, existsSync, mkdtempSync, readlinkSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { t } from '../../src/i18n/index.ts';
import { startSite, testBuildDir, type RunningSite } from '../support/site-server.ts';
import { recordServiceState, seedSite, type SeededSite } from '../support/seed-site.ts';
import { brotliAvailable, nginxAvailable, startNginx, type RunningNginx } from './support/nginx.ts';
import { run, until, type Running } from './support/processes.ts';

/**
 * The publisher process publishes the static copy; nginx serves it with the origin's headers; the
 * web process is killed with SIGKILL and the copy, with its timestamp, keeps being served.
 */
const PUBLIC_URL = 'https://vigie.example.fr';
let seeded: SeededSite;
let site: RunningSite;
let publisher: Running;
let siteKilled = false;
let nginx: RunningNginx | undefined;
let dir: string;

beforeAll(async () => {
  if (!nginxAvailable()) {
    if (process.env.CI) throw new Error('nginx is needed for the fault suite (apt-get install nginx)');
    return;
  }
  dir = mkdtempSync(join(tmpdir(), 'vigie-faults-static-'));
  // nginx's workers run as an unprivileged user: the copy must be readable by it.
  chmodSync(dir, 0o755);
  seeded = await seedSite({ services: 4, days: 3, now: new Date() });
  const env = { ...seeded.env, VIGIE_PUBLIC_URL: PUBLIC_URL, VIGIE_SNAPSHOT_DIR: join(dir, 'copy') };
  site = await startSite(env);
  publisher = run('src/cli/publisher.ts', { ...env, VIGIE_BUILD_DIR: testBuildDir });
  await until(
    () => existsSync(join(dir, 'copy', 'current')),
    120_000,
    () => publisher.output(),
  );
});

afterAll(async () => {
  publisher?.child.kill('SIGTERM');
  await publisher?.exited;
  await nginx?.stop();
  if (!siteKilled) await site?.stop();
  await seeded?.cleanup();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

const text = async (res: Response) => (await res.text()).replaceAll('&#39;', "'");

describe.runIf(nginxAvailable())('static copy served by nginx', () => {
  it('has the whole public site in both languages, with the origin headers and precompressed files', async () => {
    nginx = await startNginx(dir, join(dir, 'copy', 'current'), PUBLIC_URL);
    for (const path of [
      '/fr/',
      '/en/',
      '/fr/services/service-1',
      '/en/services/service-2',
      '/fr/incidents',
      '/en/maintenance',
      '/fr/accessibilite',
      '/en/feed.xml',
      '/fr/services/service-3/feed.atom',
      '/api/v2/summary.json',
      '/badge/service-1.svg',
    ]) {
      const res = await fetch(`${nginx.url}${path}`);
      expect(res.status, path).toBe(200);
    }
    const [copy, origin] = await Promise.all([fetch(`${nginx.url}/fr/`), fetch(`${site.url}/fr/`)]);
    for (const header of [
      'content-security-policy',
      'strict-transport-security',
      'x-content-type-options',
      'referrer-policy',
      'x-frame-options',
      'cache-control',
    ]) {
      expect(copy.headers.get(header), header).toBe(origin.headers.get(header));
    }
    const page = await text(copy);
    expect(page).toContain(t('fr').snapshot.generated('').slice(0, 20));
    expect(page).toContain('/snapshot-age.js');
    expect((await fetch(`${nginx.url}/en/feed.xml`)).headers.get('content-type')).toMatch(/^application\/rss\+xml/);
    const english = (await (await fetch(`${nginx.url}/api/v2/summary.json?lang=en`)).json()) as { status: { description: string } };
    const french = (await (await fetch(`${nginx.url}/api/v2/summary.json`)).json()) as { status: { description: string } };
    expect(english.status.description).not.toBe(french.status.description);
    const home = await fetch(`${nginx.url}/`, { redirect: 'manual', headers: { 'Accept-Language': 'en-GB,en;q=0.9' } });
    expect(home.status).toBe(302);
    expect(home.headers.get('location')).toMatch(/\/en\/$/);
    expect((await fetch(`${nginx.url}/`, { redirect: 'manual', headers: { 'Accept-Language': 'fr-FR' } })).headers.get('location')).toMatch(
      /\/fr\/$/,
    );
    const gz = await fetch(`${nginx.url}/fr/`, { headers: { 'Accept-Encoding': 'gzip' }, decompress: false } as RequestInit);
    expect(gz.headers.get('content-encoding')).toBe('gzip');
    if (brotliAvailable()) {
      const br = await fetch(`${nginx.url}/fr/`, { headers: { 'Accept-Encoding': 'br' }, decompress: false } as RequestInit);
      expect(br.headers.get('content-encoding')).toBe('br');
    }
    expect((await fetch(`${nginx.url}/fr/nope`)).status).toBe(404);
  });

  it('publishes again when the public data changes, switching current to a new complete copy', async () => {
    const before = readlinkSync(join(dir, 'copy', 'current'));
    await recordServiceState(seeded.store, 'service-2', 'down', new Date());
    await until(
      () => readlinkSync(join(dir, 'copy', 'current')) !== before,
      90_000,
      () => publisher.output(),
    );
    const page = await text(await fetch(`${nginx!.url}/fr/services/service-2`));
    expect(page).toContain(t('fr').states.down);
  });

  it('keeps being served, with its timestamp, after the web process is killed with SIGKILL', async () => {
    const stamp = (html: string) => /data-generated-at="([^"]+)"/.exec(html)?.[1];
    const before = stamp(await text(await fetch(`${nginx!.url}/fr/`)));
    expect(before).toBeDefined();
    // The whole origin machine goes: the site and the publisher.
    publisher.child.kill('SIGKILL');
    await publisher.exited;
    site.process.kill('SIGKILL');
    await new Promise((r) => site.process.once('exit', r));
    siteKilled = true;
    await expect(fetch(`${site.url}/fr/`)).rejects.toThrow();
    const after = await fetch(`${nginx!.url}/fr/`);
    expect(after.status).toBe(200);
    expect(stamp(await text(after))).toBe(before);
  });
});
