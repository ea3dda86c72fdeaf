import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureSiteBuilt, freePort } from '../support/site-server.ts';

/** `npm run demo`, played fast: the scripted outage shows on the site and in the feed, then recovers. */
const root = fileURLToPath(new URL('../../', import.meta.url));
let demo: ChildProcess;
let output = '';
let site = '';
const dir = mkdtempSync(join(tmpdir(), 'vigie-demo-'));

async function waitFor<T>(what: string, probe: () => Promise<T | undefined>, timeoutMs = 60_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const found = await probe().catch(() => undefined);
    if (found !== undefined) return found;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}\n${output.slice(-3000)}`);
    await new Promise((r) => setTimeout(r, 500));
  }
}

async function impotsComponent(): Promise<{ status: string } | undefined> {
  const response = await fetch(`${site}/api/v2/components.json`);
  const body = (await response.json()) as { components: { id: string; status: string }[] };
  return body.components.find((c) => c.id === 'impots');
}

beforeAll(async () => {
  const buildDir = await ensureSiteBuilt();
  const [port, probePort] = [await freePort(), await freePort()];
  site = `http://127.0.0.1:${port}`;
  demo = spawn(process.execPath, [join(root, 'test/demo/demo.ts')], {
    cwd: root,
    env: {
      ...process.env,
      VIGIE_BUILD_DIR: buildDir,
      VIGIE_DEMO_DIR: dir,
      VIGIE_DEMO_BEAT_MS: '1000',
      PORT: String(port),
      PROBE_PORT: String(probePort),
      VIGIE_PUBLIC_URL: site,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  demo.stdout?.on('data', (d) => (output += d));
  demo.stderr?.on('data', (d) => (output += d));
});

afterAll(async () => {
  if (demo.exitCode === null) {
    const exited = new Promise((r) => demo.once('exit', r));
    demo.kill('SIGTERM');
    await exited;
  }
  rmSync(dir, { recursive: true, force: true });
});

describe('npm run demo', () => {
  it('shows the scripted outage on the site and in the feed, then its recovery', async () => {
    await waitFor('impots to be operational', async () => ((await impotsComponent())?.status === 'operational' ? true : undefined));
    await waitFor('the impots outage', async () => ((await impotsComponent())?.status === 'major_outage' ? true : undefined));

    const overview = await (await fetch(`${site}/fr/`)).text();
    expect(overview).toContain('impots.gouv.fr');
    const feed = await waitFor('the outage in the French feed', async () => {
      const xml = await (await fetch(`${site}/fr/feed.xml`)).text();
      return /<item>[\s\S]*impots/.test(xml) ? xml : undefined;
    });
    expect(feed).toMatch(/<language>fr<\/language>/);

    await waitFor('the recovery', async () => ((await impotsComponent())?.status === 'operational' ? true : undefined), 90_000);
    const resolved = (await (await fetch(`${site}/api/v2/incidents.json`)).json()) as {
      incidents: { status: string; components: { id: string }[]; resolved_at: string | null }[];
    };
    const outage = resolved.incidents.find((i) => i.components.some((c) => c.id === 'impots'));
    expect(outage).toMatchObject({ status: 'resolved' });
    expect(outage?.resolved_at).not.toBeNull();
    expect(output).toContain('recovery confirmed');
  }, 180_000);
});
