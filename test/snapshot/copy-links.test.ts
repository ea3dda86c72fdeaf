import { spawnSync } from 'node:child_process';
import { chmodSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CORS_HEADERS } from '../../src/api/endpoint.ts';
import { pickLocale } from '../../src/i18n/negotiate.ts';
import { loopbackOrigin } from '../../src/snapshot/origin.ts';
import { publishSnapshot } from '../../src/snapshot/publish.ts';
import { nginxAvailable, startNginx, type RunningNginx } from '../faults/support/nginx.ts';
import { AFFECTED_IN_CRISIS, SHIPPED_CATALOGUE, seedCrisis, type CrisisSite } from '../support/seed-crisis.ts';
import { startSite, testBuildDir, type RunningSite } from '../support/site-server.ts';

/**
 * The static copy as citizens get it in a crisis (more affected services than the banner names),
 * with subscriptions on: published from a real site, served by Debian's nginx with the generated
 * configuration, crawled from `/fr/` and `/en/`. Every link and resource must resolve in the copy.
 */
const PUBLIC_URL = 'https://vigie.example.fr';
let crisis: CrisisSite;
let site: RunningSite;
let nginx: RunningNginx;
let dir: string;

beforeAll(async () => {
  if (!nginxAvailable()) return;
  dir = mkdtempSync(join(tmpdir(), 'vigie-copy-links-'));
  // nginx's workers run as an unprivileged user: the copy must be readable by it.
  chmodSync(dir, 0o755);
  crisis = await seedCrisis();
  const env = { ...crisis.env, VIGIE_PUBLIC_URL: PUBLIC_URL, VIGIE_SMTP_URL: 'smtp://127.0.0.1:9', VIGIE_MAIL_FROM: 'vigie@example.fr' };
  site = await startSite(env);
  await publishSnapshot({
    dir: join(dir, 'copy'),
    fetchPath: loopbackOrigin(site.url),
    clientDir: `${testBuildDir}/client`,
    serviceIds: SHIPPED_CATALOGUE.services.map((s) => s.id),
    publicUrl: PUBLIC_URL,
    subscriptions: true,
  });
  nginx = await startNginx(dir, join(dir, 'copy', 'current'), PUBLIC_URL);
});

afterAll(async () => {
  await nginx?.stop();
  await site?.stop();
  await crisis?.cleanup();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/** Every same-site address a page links to or loads, absolute public addresses made local. */
function linksOf(html: string): string[] {
  const found: string[] = [];
  for (const match of html.matchAll(/\s(?:href|src)="([^"]+)"/g)) {
    const raw = match[1]!.replaceAll('&amp;', '&');
    const local = raw.startsWith(PUBLIC_URL) ? raw.slice(PUBLIC_URL.length) || '/' : raw;
    if (!local.startsWith('/') || local.startsWith('//')) continue;
    const path = local.split('#')[0]!;
    if (path) found.push(path);
  }
  return found;
}

describe.runIf(nginxAvailable())('static copy served by nginx: links and negotiation', () => {
  it('has no dead link, the banner’s full list and the subscription pages included', async () => {
    const seen = new Map<string, number>();
    const queue = ['/fr/', '/en/'];
    while (queue.length > 0) {
      const path = queue.shift()!;
      if (seen.has(path)) continue;
      const res = await fetch(`${nginx.url}${path}`, { redirect: 'manual' });
      seen.set(path, res.status);
      if (!(res.headers.get('content-type') ?? '').startsWith('text/html')) {
        await res.arrayBuffer();
        continue;
      }
      for (const link of linksOf(await res.text())) if (!seen.has(link)) queue.push(link);
    }
    const dead = [...seen].filter(([, status]) => status !== 200);
    expect(dead).toEqual([]);
    // The crisis and subscription addresses were really linked, hence checked.
    expect(seen.get('/fr/services-touches')).toBe(200);
    expect(seen.get('/en/affected-services')).toBe(200);
    expect([...seen.keys()].some((p) => p.startsWith('/fr/abonnement?service='))).toBe(true);
    expect(AFFECTED_IN_CRISIS.length).toBeGreaterThan(6);
    const paused = await (await fetch(`${nginx.url}/en/subscribe?service=caf`)).text();
    expect(paused).toContain('Subscriptions briefly unavailable');
  });

  it('sends / where the origin does, q-values included, or to a page that lets the browser’s order decide', async () => {
    const headers = [
      'fr-FR,fr;q=0.9',
      'en-US,en;q=0.9',
      'de-DE',
      '',
      'en;q=0.1, fr;q=0.9',
      'fr;q=0.1, en;q=0.9',
      'de, en;q=0.8',
      'de-DE,de;q=0.9,en;q=0.8',
      'en;q=0, de',
      'fr;q=0.0, en-GB',
    ];
    for (const header of headers) {
      const ask = (base: string) => fetch(`${base}/`, { redirect: 'manual', headers: header ? { 'Accept-Language': header } : {} });
      const [copy, origin] = await Promise.all([ask(nginx.url), ask(site.url)]);
      expect(origin.headers.get('location'), header).toBe(`/${pickLocale(header)}/`);
      expect(copy.headers.get('vary'), header).toContain('Accept-Language');
      if (copy.status === 302) {
        expect(copy.headers.get('location'), header).toBe(origin.headers.get('location'));
      } else {
        // Only a header naming both languages leaves the choice to the page.
        expect(copy.status, header).toBe(200);
        expect(header).toMatch(/fr/);
        expect(header).toMatch(/en/);
        const page = await copy.text();
        expect(page).toContain('href="/fr/"');
        expect(page).toContain('href="/en/"');
        expect(page).toContain('src="/language.js"');
      }
    }
  });

  it('sends the origin’s CORS headers on the API and badges', async () => {
    for (const path of ['/api/v2/summary.json', '/badge/caf.svg?lang=en']) {
      const res = await fetch(`${nginx.url}${path}`);
      expect(res.status, path).toBe(200);
      for (const [name, value] of Object.entries(CORS_HEADERS)) expect(res.headers.get(name), `${path} ${name}`).toBe(value);
    }
  });

  it('passes nginx -t without a warning', () => {
    const conf = join(dir, 'nginx-test.conf');
    const result = spawnSync('nginx', ['-t', '-c', conf, '-p', dir, '-e', join(dir, 'nginx-check.log')], { encoding: 'utf8' });
    expect(result.status, result.stderr).toBe(0);
    expect(result.stderr).not.toMatch(/\[warn\]/);
    expect(readFileSync(conf, 'utf8')).toContain('include');
  });
});
