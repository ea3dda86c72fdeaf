import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { hang, up } from '../fake-gov/behaviours.ts';
import { startFakeGov, type FakeGov } from '../fake-gov/index.ts';
import { openStore } from '../../src/store/open-store.ts';
import { freePort } from '../support/site-server.ts';

const entry = fileURLToPath(new URL('../../src/cli/probe.ts', import.meta.url));
let gov: FakeGov;
let dir: string;

beforeAll(async () => {
  gov = await startFakeGov({ tls: false });
  dir = mkdtempSync(join(tmpdir(), 'vigie-probe-main-'));
});
// A process a failed test left running is ended here, not by a bound on how fast it should stop.
const started = new Set<ChildProcess>();
afterEach(() => {
  for (const child of started) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  started.clear();
});
afterAll(async () => {
  await gov.stop();
  rmSync(dir, { recursive: true, force: true });
});

function writeCatalogue(name: string, body: unknown): string {
  const path = join(dir, name);
  writeFileSync(path, JSON.stringify(body));
  return path;
}

function start(env: Record<string, string>): { child: ChildProcess; output: () => string; exited: Promise<number | null> } {
  const child = spawn(process.execPath, [entry], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  started.add(child);
  let output = '';
  child.stdout?.on('data', (chunk) => (output += chunk));
  child.stderr?.on('data', (chunk) => (output += chunk));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return { child, output: () => output, exited };
}

/**
 * The exit code, once the process exits: how fast a process stops is its own deadline (it exits 1
 * past it), not something a busy test machine can judge; a process that never exits fails the
 * test at the suite's timeout.
 */
const exitCode = (run: ReturnType<typeof start>): Promise<number | null> => run.exited;

const categories = [{ id: 'tests', name: { fr: 'Essais', en: 'Tests' } }];

describe('probe process', () => {
  it('stops on SIGTERM with a check in flight: cuts it short, stops cleanly and exits 0', async () => {
    gov.set('stuck', hang());
    const port = await freePort();
    const run = start({
      VIGIE_SERVICES: writeCatalogue('hang.json', {
        categories,
        defaults: { allowPrivateNetwork: true },
        services: [
          { id: 'stuck', name: { fr: 'Bloqué', en: 'Stuck' }, category: 'tests', url: gov.url('stuck'), interval: 1, timeout: 60 },
        ],
      }),
      DATABASE_URL: join(dir, 'sigterm.db'),
      PROBE_PORT: String(port),
    });
    await gov.firstHit('stuck');
    const health = await (await fetch(`http://127.0.0.1:${port}/healthz`)).json();
    expect(health).toMatchObject({ status: 'alive', scheduler: { running: 1 } });
    run.child.kill('SIGTERM');
    expect(await exitCode(run)).toBe(0);
    expect(run.output()).toContain('vigie-probe: stopped');
  });

  it('writes with its heartbeat the User-Agent it sends and its per-site cap, for the site to describe it', async () => {
    gov.set('described', up());
    const database = join(dir, 'described.db');
    const run = start({
      VIGIE_SERVICES: writeCatalogue('described.json', {
        categories,
        defaults: { allowPrivateNetwork: true },
        services: [{ id: 'described', name: { fr: 'Décrit', en: 'Described' }, category: 'tests', url: gov.url('described'), interval: 1 }],
      }),
      DATABASE_URL: database,
      PROBE_PORT: String(await freePort()),
      VIGIE_PUBLIC_URL: 'https://statut.example.gouv.fr',
      VIGIE_PROBE_PER_HOST: '3',
      VIGIE_LOCATION: 'marseille',
    });
    const store = await openStore(database);
    try {
      await gov.firstHit('described');
      // Written by another process: polled until it is there (the suite's timeout is the bound).
      let heartbeats = await store.listHeartbeats();
      while (heartbeats.length === 0) {
        await new Promise((r) => setTimeout(r, 100));
        heartbeats = await store.listHeartbeats();
      }
      const sent = gov.lastRequest('described')?.headers['user-agent'];
      expect(sent).toMatch(/^Vigie-probe\/\S+ \(\+https:\/\/statut\.example\.gouv\.fr\)$/);
      expect(heartbeats).toEqual([expect.objectContaining({ location: 'marseille', self: { userAgent: sent, perHost: 3 } })]);
    } finally {
      await store.close();
      run.child.kill('SIGTERM');
      await exitCode(run);
    }
  });

  it('refuses a wrong catalogue with every problem listed, without opening the store', async () => {
    const database = join(dir, 'never.db');
    const run = start({
      VIGIE_SERVICES: writeCatalogue('wrong.json', {
        categories,
        services: [
          { id: 'a', name: { fr: 'A', en: 'A' }, category: 'nope', url: 'ftp://example.org/' },
          { id: 'a', name: { fr: 'A', en: 'A' }, category: 'tests', url: 'https://example.org/' },
        ],
      }),
      DATABASE_URL: database,
      PROBE_PORT: String(await freePort()),
    });
    expect(await exitCode(run)).toBe(1);
    expect(run.output()).toMatch(/services\[0\]\.category/);
    expect(run.output()).toMatch(/services\[0\]\.url/);
    expect(run.output()).toMatch(/services\[1\]\.id/);
    expect(existsSync(database)).toBe(false);
  });

  it('refuses to start at a location the catalogue does not list, saying which ones it lists', async () => {
    const database = join(dir, 'elsewhere.db');
    const run = start({
      VIGIE_SERVICES: writeCatalogue('located.json', {
        categories,
        locations: [
          { id: 'paris', name: { fr: 'Paris', en: 'Paris' }, country: 'FR' },
          { id: 'montreal', name: { fr: 'Montréal', en: 'Montreal' }, country: 'CA' },
        ],
        services: [{ id: 'a', name: { fr: 'A', en: 'A' }, category: 'tests', url: 'https://example.org/' }],
      }),
      VIGIE_LOCATION: 'lyon',
      DATABASE_URL: database,
      PROBE_PORT: String(await freePort()),
    });
    expect(await exitCode(run)).toBe(2);
    expect(run.output()).toContain('VIGIE_LOCATION is "lyon", but the catalogue\'s "locations" lists only "paris", "montreal"');
    expect(existsSync(database)).toBe(false);
  });

  it('refuses a second probe on one SQLite file while the first lives, and starts again after kill -9', async () => {
    gov.set('solo', up());
    const env = {
      VIGIE_SERVICES: writeCatalogue('solo.json', {
        categories,
        defaults: { allowPrivateNetwork: true },
        services: [{ id: 'solo', name: { fr: 'Seul', en: 'Alone' }, category: 'tests', url: gov.url('solo'), interval: 1 }],
      }),
      DATABASE_URL: join(dir, 'solo.db'),
    };
    const first = start({ ...env, PROBE_PORT: String(await freePort()) });
    await gov.firstHit('solo');
    const second = start({ ...env, PROBE_PORT: String(await freePort()) });
    expect(await exitCode(second)).toBe(1);
    expect(second.output()).toMatch(
      /another probe process \(pid \d+ on .+\) already uses this SQLite database\. One probe per SQLite file/,
    );
    first.child.kill('SIGKILL');
    await first.exited;
    const port = await freePort();
    // The first is dead: the next check of the service is the third's.
    const checked = gov.nextHit('solo');
    const third = start({ ...env, PROBE_PORT: String(port) });
    await checked;
    third.child.kill('SIGTERM');
    expect(await exitCode(third)).toBe(0);
  });
});
