import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeGov, type FakeGov } from '../fake-gov/index.ts';
import { freePort } from '../support/site-server.ts';
import { TEST_CATEGORIES, until, writeJson } from './support/processes.ts';

/**
 * `npm start` as an operator or a process manager runs it, stopped by a signal to npm's own
 * process (Docker, systemd and most managers signal only that one): every process it started
 * ends, none is left holding the ports or the SQLite file, and the next `npm start` comes up.
 */
const root = fileURLToPath(new URL('../../', import.meta.url));
let gov: FakeGov;
let dir: string;
const started = new Set<number>();
const groups = new Set<number>();
// Built inside the repository, so the build's imports find node_modules.
const buildDir = join(root, 'node_modules/.cache/vigie-npm-start-test');

beforeAll(async () => {
  gov = await startFakeGov({ tls: false });
  dir = mkdtempSync(join(tmpdir(), 'vigie-faults-npm-start-'));
});

afterAll(async () => {
  // Only what this test started, should a check above have failed: each npm's process group (npm,
  // the shell, the supervisor and its processes), then any of them that left it.
  for (const group of groups) if (alive(group)) process.kill(-group, 'SIGKILL');
  for (const pid of started) if (alive(pid)) process.kill(pid, 'SIGKILL');
  await gov.stop();
  rmSync(dir, { recursive: true, force: true });
});

const alive = (pid: number) => existsSync(`/proc/${pid}`) && !readFileSync(`/proc/${pid}/stat`, 'utf8').includes(') Z ');
const parentOf = (pid: number) => {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
};

interface Report {
  processes: Record<'probe' | 'site' | 'sender', { pid: number | null; running: boolean }>;
}

async function npmStart(env: Record<string, string>, port: number) {
  const npm = spawn('npm', ['start'], { cwd: root, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  groups.add(npm.pid!);
  let output = '';
  npm.stdout.on('data', (d) => (output += d));
  npm.stderr.on('data', (d) => (output += d));
  started.add(npm.pid!);
  const exited = new Promise<void>((resolve) => npm.once('exit', () => resolve()));
  let report: Report | null = null;
  await until(
    async () => {
      const health = await fetch(`http://127.0.0.1:${port}/healthz`).then(
        (r) => r.json() as Promise<{ supervisor: Report | null }>,
        () => null,
      );
      report = health?.supervisor ?? null;
      return report !== null && Object.values(report.processes).every((p) => p.running && p.pid !== null);
    },
    180_000,
    () => output,
  );
  const children = Object.values(report!.processes).map((p) => p.pid!);
  const supervisor = parentOf(children[0]!);
  for (const pid of [supervisor, ...children]) started.add(pid);
  return { npm, exited, output: () => output, all: [npm.pid!, supervisor, ...children] };
}

describe('npm start and signals', () => {
  it('SIGTERM, then SIGINT, to npm’s process stops every process it started; the next start comes up', async () => {
    const [port, probePort, senderPort] = [await freePort(), await freePort(), await freePort()];
    const env = {
      VIGIE_BUILD_DIR: buildDir,
      DATABASE_URL: join(dir, 'vigie.db'),
      VIGIE_SERVICES: writeJson(dir, 'services.json', {
        categories: TEST_CATEGORIES,
        defaults: { allowPrivateNetwork: true, interval: 2 },
        services: [{ id: 'steady', name: { fr: 'Stable', en: 'Steady' }, category: 'tests', url: gov.url('steady') }],
      }),
      PORT: String(port),
      PROBE_PORT: String(probePort),
      VIGIE_SENDER_PORT: String(senderPort),
    };
    const stops: string[] = [];
    for (const signal of ['SIGTERM', 'SIGINT'] as const) {
      const run = await npmStart(env, port);
      expect((await fetch(`http://127.0.0.1:${port}/fr/`)).status).toBe(200);
      expect(run.output()).not.toMatch(/EADDRINUSE|already uses this SQLite database/);
      const sent = Date.now();
      run.npm.kill(signal);
      await until(() => run.all.every((pid) => !alive(pid)), 30_000, run.output);
      const ms = Date.now() - sent;
      await run.exited;
      stops.push(`${signal} ${(ms / 1000).toFixed(1)} s`);
      // The supervisor gives its processes 9 s before SIGKILL: all gone well within 10 s on an idle machine.
      expect(ms).toBeLessThan(20_000);
    }
    console.info(
      `[faults] npm start stopped by a signal to npm's process: all 5 processes gone after ${stops.join(', then ')}; the second start came up`,
    );
  });
});
