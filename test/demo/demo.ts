import { spawn } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadSettings } from '../../src/config/settings.ts';
import { startFakeGov } from '../fake-gov/index.ts';
import { playStory } from './story.ts';

/**
 * `npm run demo`: the whole of Vigie against a fake government on loopback, playing a scripted story
 * (an outage, a slow period, a flapping service, recoveries), so a newcomer without internet access
 * sees a living status page. The real catalogue is reused with every URL pointed at the fake.
 *
 * VIGIE_DEMO_BEAT_MS sets the pace (one check interval; default 15 s); VIGIE_DEMO_DIR where the demo's
 * catalogue and database go (default ./data/demo, wiped at each start).
 */
const root = fileURLToPath(new URL('../../', import.meta.url));
const beatMs = Math.max(1000, Number(process.env.VIGIE_DEMO_BEAT_MS ?? 15_000));
const dir = process.env.VIGIE_DEMO_DIR ?? join(root, 'data', 'demo');
const settings = loadSettings();

const gov = await startFakeGov({ tls: false });
const catalogue = JSON.parse(readFileSync(join(root, 'services.json'), 'utf8')) as {
  $schema?: string;
  services: { id: string; url: string; allowPrivateNetwork?: boolean }[];
  defaults?: Record<string, unknown>;
  canaries?: string[];
};
delete catalogue.$schema;
catalogue.defaults = { ...catalogue.defaults, interval: Math.round(beatMs / 1000), timeout: Math.max(2, Math.round(beatMs / 3000)) };
catalogue.canaries = [gov.url('canary-a'), gov.url('canary-b')];
for (const service of catalogue.services) {
  service.url = gov.url(service.id);
  service.allowPrivateNetwork = true;
}

rmSync(dir, { recursive: true, force: true });
mkdirSync(dir, { recursive: true });
const cataloguePath = join(dir, 'services.json');
writeFileSync(cataloguePath, JSON.stringify(catalogue, null, 2));

const vigie = spawn(process.execPath, [join(root, 'src/cli/start.ts')], {
  cwd: root,
  stdio: 'inherit',
  env: {
    ...process.env,
    VIGIE_SERVICES: cataloguePath,
    DATABASE_URL: process.env.DATABASE_URL ?? join(dir, 'vigie-demo.db'),
    VIGIE_LOCATION: 'demo',
  },
});

const story = new AbortController();
const started = Date.now();
console.log(`Vigie demo: ${catalogue.services.length} fake services, one check every ${beatMs / 1000} s.`);
console.log(`Open ${settings.VIGIE_PUBLIC_URL}/fr/ or ${settings.VIGIE_PUBLIC_URL}/en/ — Ctrl-C stops the demo.`);

async function shutdown(code: number): Promise<void> {
  story.abort(new Error('demo stopped'));
  if (vigie.exitCode === null) {
    const exited = new Promise((resolve) => vigie.once('exit', resolve));
    vigie.kill('SIGTERM');
    await exited;
  }
  await gov.stop();
  process.exit(code);
}

vigie.once('exit', (code) => void shutdown(code ?? 1));
process.once('SIGINT', () => void shutdown(0));
process.once('SIGTERM', () => void shutdown(0));

/**
 * The story starts once the site shows every service checked and up (or closed as planned), so it
 * opens on a green page whatever the machine's pace.
 */
async function untilAllOperational(): Promise<void> {
  const api = `http://${settings.HOST.includes(':') ? `[${settings.HOST}]` : settings.HOST}:${settings.PORT}/api/v2/components.json`;
  for (;;) {
    const body = await fetch(api)
      .then((r) => (r.ok ? (r.json() as Promise<{ components: { status: string }[] }>) : null))
      .catch(() => null);
    if (body && body.components.length > 0 && body.components.every((c) => ['operational', 'under_maintenance'].includes(c.status))) return;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

await untilAllOperational();
console.log(`[demo +${Math.round((Date.now() - started) / 1000)} s] every service is up: the story starts`);
await playStory({
  gov,
  beatMs,
  serviceIds: new Set(catalogue.services.map((s) => s.id)),
  signal: story.signal,
  onStep: (step) => console.log(`[demo +${Math.round((Date.now() - started) / 1000)} s] ${step.says}`),
}).catch((error: unknown) => {
  if (!story.signal.aborted) throw error;
});
