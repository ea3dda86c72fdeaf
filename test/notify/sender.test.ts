import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Webhook } from 'standardwebhooks';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { unsafeAddressReason } from '../../src/net/address-policy.ts';
import { DEFAULT_WINDOWS } from '../../src/notify/coalesce.ts';
import { createMailTransport } from '../../src/notify/mail-transport.ts';
import { createSender, WEBHOOKS_PER_PASS } from '../../src/notify/sender.ts';
import { hashToken } from '../../src/notify/tokens.ts';
import type { Store } from '../../src/store/store.ts';
import { tempStore } from '../admin/support/temp-store.ts';
import { manualClock } from '../support/manual-clock.ts';
import { at } from '../store/contract-fixtures.ts';
import { startSmtpSink, type SmtpSink } from './support/smtp-sink.ts';
import { javaAvailable, nuProblems } from '../support/nu-checker.ts';
import { addSubscriber, massOutage, NAMES, SERVICE_IDS } from './support/subscribers.ts';

let store: Store;
let dispose: () => Promise<void>;
let sink: SmtpSink;
const clock = manualClock(at(0));

let transport: ReturnType<typeof createMailTransport> | undefined;

function sender(options: { policy?: typeof unsafeAddressReason | null } = {}) {
  transport = createMailTransport({ url: sink.url, from: 'Vigie <vigie@example.test>' });
  return createSender({
    store,
    transport,
    names: NAMES,
    publicUrl: 'https://vigie.example.test',
    clock: clock.now,
    concurrency: 4,
    batchSize: 100,
    policy: options.policy === undefined ? unsafeAddressReason : options.policy,
    windows: DEFAULT_WINDOWS,
    retryFirstDelayMs: 30_000,
  });
}

beforeEach(async () => {
  ({ store, dispose } = await tempStore());
  clock.set(at(0));
});
afterEach(async () => {
  transport?.close();
  await sink?.close();
  await dispose();
});

describe('the sender', () => {
  it('tells each subscriber of a mass outage once, in one message in their language, with working unsubscribe headers', async () => {
    sink = await startSmtpSink();
    await addSubscriber(store, 'tout@example.test', 'fr', null);
    await addSubscriber(store, 'two@example.test', 'en', [SERVICE_IDS[3]!, SERVICE_IDS[9]!]);
    await addSubscriber(store, 'none@example.test', 'en', ['not-down']);
    await massOutage(store);
    const s = sender();
    clock.set(at(50));
    await s.tick();
    expect(sink.received).toHaveLength(0);
    clock.set(at(45 + 30));
    await s.tick();
    await s.tick();
    expect(sink.received.map((m) => m.to).sort()).toEqual(['tout@example.test', 'two@example.test']);
    const fr = sink.received.find((m) => m.to === 'tout@example.test')!;
    expect(fr.subject).toMatch(/^Vigie – En panne\u00a0: service-\d+\.gouv\.fr, service-\d+\.gouv\.fr et 14\u00a0autres services$/);
    for (const id of SERVICE_IDS) expect(fr.text).toContain(`${id}.gouv.fr\u00a0: panne confirmée`);
    const en = sink.received.find((m) => m.to === 'two@example.test')!;
    expect(en.subject).toMatch(/^Vigie – Down: service-0[39]\.gouv\.fr and service-0[39]\.gouv\.fr$/);
    expect(en.headers.get('auto-submitted')).toBe('auto-generated');
    expect(en.text).toContain('service-03.gouv.fr: down since');
    expect(en.text).not.toContain('service-04');
    expect(en.headers.get('list-unsubscribe-post')).toBe('List-Unsubscribe=One-Click');
    // One-click first, then a mailto: for clients without it, whose body is the same link.
    const oneClick =
      /^<(https:\/\/vigie\.example\.test\/unsubscribe\?t=([\w-]{43}))>, <mailto:vigie@example\.test\?subject=unsubscribe&body=([^>]+)>$/.exec(
        en.headers.get('list-unsubscribe') ?? '',
      );
    expect(oneClick).not.toBeNull();
    expect(decodeURIComponent(oneClick![3]!)).toBe(oneClick![1]);
    expect([fr.headers.get('content-language'), en.headers.get('content-language')]).toEqual(['fr', 'en']);
    // Official names kept in French in the English message are marked French.
    expect(en.html).toContain('<span lang="fr">service-03.gouv.fr</span>');
    expect(fr.html).not.toContain('lang="fr">service');
    if (javaAvailable || process.env.CI) expect(await nuProblems({ fr: fr.html, en: en.html })).toEqual([]);
    expect((await store.subscriptions.subscriberByToken(hashToken(oneClick![2]!)))?.email).toBe('two@example.test');
    expect(en.text).toContain(`https://vigie.example.test/en/subscribe/manage?t=${oneClick![2]}`);
    expect(await store.subscriptions.deliveryStats()).toMatchObject({ backlog: 0, failed: 0 });
    s.close();
  });

  it('gives up at once on a refused mailbox, retries a server that says later', async () => {
    let busy = true;
    sink = await startSmtpSink({
      refuse: (to) => {
        if (to.startsWith('gone')) return Object.assign(new Error('550 no such user gone@example.test'), { responseCode: 550 });
        if (to.startsWith('later') && busy) return Object.assign(new Error('451 try again'), { responseCode: 451 });
        return null;
      },
    });
    await addSubscriber(store, 'gone@example.test', 'fr', null);
    await addSubscriber(store, 'later@example.test', 'fr', null);
    await massOutage(store);
    const s = sender();
    clock.set(at(200));
    await s.tick();
    expect(sink.received).toHaveLength(0);
    expect(await store.subscriptions.deliveryStats()).toMatchObject({ backlog: 1, failed: 1 });
    busy = false;
    clock.set(at(200 + 29));
    await s.tick();
    expect(sink.received).toHaveLength(0);
    clock.set(at(200 + 30));
    await s.tick();
    expect(sink.received.map((m) => m.to)).toEqual(['later@example.test']);
    expect(s.counters().emails).toEqual({ sent: 1, retried: 1, failed: 1 });
    s.close();
  });

  describe('webhooks', () => {
    let receiver: Server;
    let got: { headers: Record<string, string>; body: string }[];
    beforeEach(async () => {
      got = [];
      receiver = createServer((req, res) => {
        let body = '';
        req.on('data', (c: Buffer) => (body += c.toString()));
        req.on('end', () => {
          got.push({ headers: req.headers as Record<string, string>, body });
          res.end('ok');
        });
      });
      await new Promise<void>((r) => receiver.listen(0, '127.0.0.1', r));
    });
    afterEach(() => new Promise<void>((r) => receiver.close(() => r())));

    async function hook(url: string) {
      return store.subscriptions.createWebhook({
        url,
        serviceIds: [SERVICE_IDS[0]!],
        eventKinds: ['outage_confirmed'],
        secret: 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw',
        createdAt: at(0),
        createdBy: 'agent',
      });
    }

    it('posts JSON the Standard Webhooks verifier accepts, once per event', async () => {
      sink = await startSmtpSink();
      const { port } = receiver.address() as AddressInfo;
      const { secret } = await hook(`http://127.0.0.1:${port}/hook`);
      await massOutage(store);
      // The test receiver is on loopback, which the real guard refuses (next test): this one allows it.
      const s = sender({ policy: null });
      // The receiver checks the signature's timestamp against its own clock.
      clock.set(new Date());
      await s.tick();
      await s.tick();
      expect(got).toHaveLength(1);
      const verified = new Webhook(secret).verify(got[0]!.body, got[0]!.headers) as { type: string; data: { serviceId: string } };
      expect(verified).toMatchObject({ type: 'outage.confirmed', data: { serviceId: SERVICE_IDS[0] } });
      expect(got[0]!.headers['user-agent']).toBe('Vigie-webhooks (+https://vigie.example.test)');
      expect(() =>
        new Webhook('whsec_' + Buffer.from('another secret, 24 bytes!').toString('base64')).verify(got[0]!.body, got[0]!.headers),
      ).toThrow();
      s.close();
    });

    it('makes one batch of webhook calls a pass, so a receiver that hangs holds a pass for one timeout at most', async () => {
      sink = await startSmtpSink();
      const { port } = receiver.address() as AddressInfo;
      // More hooks than a batch, all on one receiver that answers only when the test lets it.
      for (let i = 0; i <= WEBHOOKS_PER_PASS; i++) await hook(`http://127.0.0.1:${port}/hook${i}`);
      let release = () => {};
      const held = new Promise<void>((resolve) => (release = resolve));
      receiver.removeAllListeners('request');
      receiver.on('request', (req, res) => {
        got.push({ headers: req.headers as Record<string, string>, body: '' });
        if (got.length === WEBHOOKS_PER_PASS) release();
        void held.then(() => res.writeHead(500).end());
      });
      await massOutage(store);
      const s = sender({ policy: null });
      clock.set(new Date());
      await s.tick();
      // The pass ended after its one batch; the hook left over waits for the next pass.
      expect(got).toHaveLength(WEBHOOKS_PER_PASS);
      await s.tick();
      expect(got).toHaveLength(WEBHOOKS_PER_PASS + 1);
      s.close();
    });

    it('refuses a webhook that leads to a private address, through the probe’s SSRF guard', async () => {
      sink = await startSmtpSink();
      const { port } = receiver.address() as AddressInfo;
      const { id } = await hook(`http://127.0.0.1:${port}/hook`);
      await hook(`http://localhost:${port}/hook`);
      await massOutage(store);
      const s = sender();
      clock.set(at(200));
      await s.tick();
      expect(got).toHaveLength(0);
      expect(s.counters().webhooks).toMatchObject({ sent: 0, retried: 2 });
      expect((await store.subscriptions.listWebhooks()).find((w) => w.id === id)?.failingSince).toEqual(at(200));
      s.close();
    });
  });
});
