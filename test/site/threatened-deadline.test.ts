import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startAdminSite, signIn, type AdminSite } from '../admin/support/admin-site.ts';
import { startFakeGov, status, up, type FakeGov } from '../fake-gov/index.ts';
import { freePort } from '../support/site-server.ts';
import { javaAvailable, nuProblems } from '../support/nu-checker.ts';

/**
 * End to end with real processes: the probe checks the fake tax office every second; a deadline
 * falls two days ahead. When the outage is confirmed, the staff dashboard flags the deadline as
 * threatened at its first load after the probe wrote the state, so within the interval.
 */
const entry = fileURLToPath(new URL('../../src/cli/probe.ts', import.meta.url));
const INTERVAL_S = 1;

let gov: FakeGov;
let admin: AdminSite;
let probe: ChildProcess;
let probeExited: Promise<unknown>;

beforeAll(async () => {
  gov = await startFakeGov({ tls: false });
  gov.set('impots', up());
  const deadline = new Date(Date.now() + 2 * 86_400_000).toISOString();
  admin = await startAdminSite(
    {},
    {
      categories: [{ id: 'tax', name: { fr: 'Impôts', en: 'Tax' } }],
      defaults: { allowPrivateNetwork: true, interval: INTERVAL_S, timeout: 5 },
      detection: { failuresBeforeDown: 2, successesBeforeUp: 2 },
      services: [
        {
          id: 'impots',
          name: 'impots.gouv.fr',
          category: 'tax',
          url: gov.url('impots'),
          deadlines: [{ id: 'acompte', name: { fr: 'paiement de l’acompte', en: 'down payment' }, at: deadline }],
        },
      ],
    },
  );
  const port = await freePort();
  probe = spawn(process.execPath, [entry], { env: { ...process.env, ...admin.env, PROBE_PORT: String(port) }, stdio: 'ignore' });
  probeExited = new Promise((resolve) => probe.once('exit', resolve));
}, 120_000);

afterAll(async () => {
  probe?.kill('SIGTERM');
  await probeExited;
  await admin?.stop();
  await gov?.stop();
});

/** Waits until the store holds this state for the service, as the probe wrote it. */
async function storedState(state: string): Promise<void> {
  for (;;) {
    const trackings = await admin.store.listTrackings();
    if (trackings.some((t) => t.serviceId === 'impots' && t.state === state)) return;
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe('a deadline two days ahead when its service goes down', () => {
  it('is not flagged while the service works, and is flagged as soon as the outage is confirmed', async () => {
    const cookie = await signIn(admin.site, admin.staff[0]!);
    const dashboard = async () => (await fetch(`${admin.site.url}/admin`, { headers: { cookie } })).text();

    await storedState('operational');
    expect(await dashboard()).not.toContain('échéance menacée');

    gov.set('impots', status(503));
    await storedState('down');
    const confirmedAt = Date.now();
    const html = await dashboard();
    console.log(
      `[threatened] dashboard answered ${Date.now() - confirmedAt} ms after the store held the outage (interval ${INTERVAL_S} s)`,
    );
    expect(html).toContain('Échéances menacées');
    expect(html).toMatch(/échéance menacée<\/strong>[^<]*<span[^>]*>impots\.gouv\.fr<\/span>/);
    expect(html).toContain('(paiement de l’acompte)');
    expect(html).toContain('name="intent" value="extend"');
    if (javaAvailable || process.env.CI) expect(await nuProblems({ '/admin': html })).toEqual([]);
  }, 120_000);
});
