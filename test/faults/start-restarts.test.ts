import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeGov, type FakeGov } from '../fake-gov/index.ts';
import { ensureSiteBuilt, freePort } from '../support/site-server.ts';
import { run, stopGracefully, TEST_CATEGORIES, until, writeJson, type Running } from './support/processes.ts';

/** `npm start` (src/cli/start.ts): a dead process is restarted, the other keeps serving, and /healthz says so. */
let gov: FakeGov;
let dir: string;
let vigie: Running | undefined;

beforeAll(async () => {
  gov = await startFakeGov({ tls: false });
  dir = mkdtempSync(join(tmpdir(), 'vigie-faults-start-'));
});

afterAll(async () => {
  if (vigie) await stopGracefully(vigie);
  await gov.stop();
  rmSync(dir, { recursive: true, force: true });
});

interface Report {
  processes: Record<
    'probe' | 'site',
    { pid: number | null; running: boolean; restarts: number; lastExit: string | null; crashLoop: boolean }
  >;
}

describe('npm start', () => {
  it('restarts a probe killed with SIGKILL while the site keeps answering, and shows it in /healthz', async () => {
    const [port, probePort] = [await freePort(), await freePort()];
    vigie = run('src/cli/start.ts', {
      VIGIE_BUILD_DIR: await ensureSiteBuilt(),
      DATABASE_URL: join(dir, 'vigie.db'),
      VIGIE_SERVICES: writeJson(dir, 'services.json', {
        categories: TEST_CATEGORIES,
        defaults: { allowPrivateNetwork: true, interval: 2 },
        services: [{ id: 'steady', name: { fr: 'Stable', en: 'Steady' }, category: 'tests', url: gov.url('steady') }],
      }),
      PORT: String(port),
      PROBE_PORT: String(probePort),
      VIGIE_SENDER_PORT: String(await freePort()),
    });
    const report = async (): Promise<Report | null> => {
      const health = await fetch(`http://127.0.0.1:${port}/healthz`).then(
        (r) => r.json() as Promise<{ supervisor: Report | null }>,
        () => null,
      );
      return health?.supervisor ?? null;
    };
    await until(
      async () => (await report())?.processes.probe.running === true,
      60_000,
      () => vigie!.output(),
    );
    const first = (await report())!.processes.probe.pid!;
    const probeName = async () => ((await (await fetch(`http://127.0.0.1:${probePort}/healthz`)).json()) as { process: string }).process;
    await until(
      async () => (await fetch(`http://127.0.0.1:${probePort}/healthz`).catch(() => null))?.ok === true,
      30_000,
      () => vigie!.output(),
    );
    const name = await probeName();
    process.kill(first, 'SIGKILL');
    await until(
      async () => {
        const probe = (await report())?.processes.probe;
        return probe !== undefined && probe.running && probe.pid !== first;
      },
      60_000,
      () => vigie!.output(),
    );
    expect((await report())!.processes.probe).toMatchObject({ restarts: 1, lastExit: 'SIGKILL', crashLoop: false });
    expect((await fetch(`http://127.0.0.1:${port}/fr/`)).status).toBe(200);
    await until(
      async () => (await fetch(`http://127.0.0.1:${probePort}/healthz`).catch(() => null))?.ok === true,
      30_000,
      () => vigie!.output(),
    );
    expect(vigie.output()).toMatch(/vigie: probe stopped \(SIGKILL\); restarting in 1 s/);
    // The restarted probe is its predecessor under the same name: it takes back its leases at once.
    expect(await probeName()).toBe(name);

    await stopGracefully(vigie);
    expect((await vigie.exited).code).toBe(0);
    vigie = undefined;
  });
});
