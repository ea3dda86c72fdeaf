import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Webhook } from 'standardwebhooks';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeGov, status, up, type FakeGov } from '../fake-gov/index.ts';
import { postForm, signIn, startAdminSite, type AdminSite } from '../admin/support/admin-site.ts';
import { freePort } from '../support/site-server.ts';
import { eventually, startProcess, type RunningProcess } from './support/processes.ts';

/**
 * Webhooks with real parts and no SMTP at all: the built site where staff register them, the probe
 * checking the fake government, the sender process, and receivers on loopback. The good receivers'
 * host is the one the operator lists in VIGIE_WEBHOOK_PRIVATE_HOSTS; any other private target stays
 * refused by the SSRF guard inside the sender.
 */
interface Received {
  at: number;
  path: string;
  headers: IncomingHttpHeaders;
  body: string;
}

async function startReceiver(
  host: string,
  answer: (path: string, count: number) => number,
): Promise<{ server: Server; base: string; got: Received[] }> {
  const got: Received[] = [];
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString()));
    req.on('end', () => {
      const path = req.url ?? '/';
      got.push({ at: Date.now(), path, headers: req.headers, body });
      res.statusCode = answer(path, got.filter((r) => r.path === path).length);
      res.end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, host, resolve));
  return { server, base: `http://${host}:${(server.address() as AddressInfo).port}`, got };
}

const verify = (secret: string, r: Received) =>
  new Webhook(secret).verify(r.body, r.headers as Record<string, string>) as { type: string; data: { serviceId: string } };

describe('webhooks without SMTP, with the real site, probe and sender', () => {
  let gov: FakeGov;
  let admin: AdminSite;
  let receiver: Awaited<ReturnType<typeof startReceiver>>;
  let privateReceiver: Awaited<ReturnType<typeof startReceiver>>;
  const secrets = new Map<string, string>();
  const processes: RunningProcess[] = [];
  let sender: RunningProcess;
  const FLAKY_FAILURES = 2;

  beforeAll(async () => {
    gov = await startFakeGov({ tls: false });
    gov.setDefault(up());
    // `/flaky` answers 500 to its first deliveries, then 200.
    receiver = await startReceiver('127.0.0.1', (path, count) => (path === '/flaky' && count <= FLAKY_FAILURES ? 500 : 204));
    privateReceiver = await startReceiver('127.0.0.2', () => 204);
    admin = await startAdminSite(
      { VIGIE_WEBHOOK_PRIVATE_HOSTS: '127.0.0.1', VIGIE_NOTIFY_QUIET_SECONDS: '1', VIGIE_NOTIFY_RETRY_SECONDS: '1' },
      {
        categories: [{ id: 'impots', name: { fr: 'Impôts', en: 'Tax' } }],
        defaults: { interval: 1, allowPrivateNetwork: true, detection: { failuresBeforeDown: 2, successesBeforeUp: 2 } },
        canaries: [gov.url('canary')],
        services: [{ id: 'impots', name: { fr: 'impots.gouv.fr', en: 'impots.gouv.fr' }, category: 'impots', url: gov.url('impots') }],
      },
    );
    const cookie = await signIn(admin.site, admin.staff[0]!);
    const register = (url: string) =>
      postForm(
        admin.site,
        '/admin/webhooks',
        { intent: 'create', url, 'event.outage_confirmed': 'on', 'event.outage_recovered': 'on' },
        { cookie },
      );
    for (const path of ['/good', '/flaky']) {
      const response = await register(`${receiver.base}${path}`);
      expect(response.status).toBe(200);
      // The secret is shown once, on the page that answers the form.
      const secret = /whsec_[A-Za-z0-9+/=]+/.exec(await response.text())?.[0];
      expect(secret).toBeDefined();
      secrets.set(path, secret!);
    }
    expect((await register(`${privateReceiver.base}/hook`)).status).toBe(422);
    // Past the form (a name that resolves privately would pass it too), the sender's guard still refuses.
    await admin.store.subscriptions.createWebhook({
      url: `${privateReceiver.base}/hook`,
      serviceIds: null,
      eventKinds: ['outage_confirmed'],
      secret: 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw',
      createdAt: new Date(),
      createdBy: 'agent@example.gouv.fr',
    });
    processes.push(startProcess('src/cli/probe.ts', { ...admin.env, PROBE_PORT: String(await freePort()) }));
    sender = startProcess('src/cli/sender.ts', {
      ...admin.env,
      VIGIE_WEBHOOK_PRIVATE_HOSTS: '127.0.0.1',
      VIGIE_NOTIFY_QUIET_SECONDS: '1',
      VIGIE_NOTIFY_RETRY_SECONDS: '1',
      VIGIE_SENDER_PORT: String(await freePort()),
    });
    processes.push(sender);
  }, 180_000);

  afterAll(async () => {
    for (const p of processes) await p.stop();
    await admin?.stop();
    await gov?.stop();
    for (const r of [receiver, privateReceiver]) await new Promise<void>((resolve) => (r ? r.server.close(() => resolve()) : resolve()));
  });

  const to = (path: string, type?: string) =>
    receiver.got.filter((r) => r.path === path && (type === undefined || (JSON.parse(r.body) as { type: string }).type === type));

  it('runs without SMTP and says it sends webhooks only', async () => {
    await eventually('the sender to start', () => sender.output().includes('webhooks only'));
    expect(sender.child.exitCode).toBeNull();
  });

  it('tells an outage once, signed so that the standardwebhooks verifier accepts it, and its recovery', async () => {
    await eventually('the probe to see the service up', () => gov.hits('impots') >= 3);
    gov.set('impots', status(503));
    const [outage] = await eventually(
      'the outage webhook',
      () => to('/good', 'outage.confirmed').length > 0 && to('/good', 'outage.confirmed'),
    );
    expect(verify(secrets.get('/good')!, outage!)).toMatchObject({ type: 'outage.confirmed', data: { serviceId: 'impots' } });
    expect(() => verify(secrets.get('/flaky')!, outage!)).toThrow();
    gov.set('impots', up());
    await eventually('the recovery webhook', () => to('/good', 'outage.recovered').length > 0);
    expect(to('/good', 'outage.confirmed')).toHaveLength(1);
    expect(new Set(to('/good').map((r) => r.headers['webhook-id'])).size).toBe(to('/good').length);
  }, 120_000);

  it('retries a failing receiver with doubling delays, the same event each time, until it accepts', async () => {
    const attempts = await eventually('the flaky receiver to accept', () => {
      const got = to('/flaky', 'outage.confirmed');
      return got.length > FLAKY_FAILURES && got;
    });
    expect(attempts).toHaveLength(FLAKY_FAILURES + 1);
    expect(new Set(attempts.map((r) => r.headers['webhook-id'])).size).toBe(1);
    for (const attempt of attempts) expect(verify(secrets.get('/flaky')!, attempt).type).toBe('outage.confirmed');
    // VIGIE_NOTIFY_RETRY_SECONDS=1: the second try comes at least 1 s after the first, the third at least 2 s after the second.
    expect(attempts[1]!.at - attempts[0]!.at).toBeGreaterThanOrEqual(1000);
    expect(attempts[2]!.at - attempts[1]!.at).toBeGreaterThanOrEqual(2000);
  }, 120_000);

  it('refuses, inside the sender, the webhook whose target is a private address', async () => {
    const hook = await eventually('the private webhook to be marked failing', async () =>
      (await admin.store.subscriptions.listWebhooks()).find((w) => w.url.startsWith(privateReceiver.base) && w.failingSince !== null),
    );
    expect(hook.disabledAt).toBeNull();
    expect(privateReceiver.got).toEqual([]);
    // The good receivers on the listed host were reached meanwhile: only the unlisted private address is refused.
    expect(to('/good').length).toBeGreaterThan(0);
  }, 60_000);
});
