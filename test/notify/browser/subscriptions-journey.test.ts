import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Browser, type BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore } from '../../../src/store/open-store.ts';
import type { Store } from '../../../src/store/store.ts';
import { startFakeGov, status, up, type FakeGov } from '../../fake-gov/index.ts';
import { freePort, startSite, type RunningSite } from '../../support/site-server.ts';
import { axeViolations, chromiumAvailable, warnIfNoChromium, launchChromium } from '../../support/browser.ts';
import { eventually, startProcess, type RunningProcess } from '../support/processes.ts';
import { startSmtpSink, type ReceivedMail, type SmtpSink } from '../support/smtp-sink.ts';

/**
 * The whole journey with real parts: the built site, the probe and the sender as processes, a real
 * SMTP server on loopback, the fake government, and Chromium for the pages people use.
 */
warnIfNoChromium('the subscriptions journey');
const IDS = Array.from({ length: 16 }, (_, i) => `svc-${String(i).padStart(2, '0')}`);

describe.skipIf(!chromiumAvailable && !process.env.CI)('subscriptions, from the subscribe page to one-click unsubscribe', () => {
  let dir: string;
  let gov: FakeGov;
  let sink: SmtpSink;
  let site: RunningSite;
  let store: Store;
  let browser: Browser;
  let context: BrowserContext;
  const processes: RunningProcess[] = [];
  const to = (address: string) => sink.received.filter((m) => m.to === address);

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'vigie-subscriptions-'));
    gov = await startFakeGov({ tls: false });
    gov.setDefault(up());
    sink = await startSmtpSink();
    writeFileSync(
      join(dir, 'services.json'),
      JSON.stringify({
        categories: [
          { id: 'social', name: { fr: 'Social', en: 'Social' } },
          { id: 'impots', name: { fr: 'Impôts', en: 'Tax' } },
        ],
        defaults: { interval: 1, allowPrivateNetwork: true, detection: { failuresBeforeDown: 2, successesBeforeUp: 2 } },
        canaries: [gov.url('canary')],
        services: IDS.map((id, i) => ({
          id,
          name: { fr: `${id}.gouv.fr`, en: `${id}.gouv.fr` },
          category: i < 8 ? 'social' : 'impots',
          url: gov.url(id),
        })),
      }),
    );
    const env = {
      DATABASE_URL: join(dir, 'vigie.db'),
      VIGIE_SERVICES: join(dir, 'services.json'),
      VIGIE_SMTP_URL: sink.url,
      VIGIE_MAIL_FROM: 'Vigie <vigie@example.test>',
      VIGIE_NOTIFY_QUIET_SECONDS: '8',
    };
    site = await startSite(env);
    const shared = { ...env, VIGIE_PUBLIC_URL: site.url };
    processes.push(startProcess('src/cli/probe.ts', { ...shared, PROBE_PORT: String(await freePort()) }));
    processes.push(startProcess('src/cli/sender.ts', { ...shared, VIGIE_SENDER_PORT: String(await freePort()) }));
    store = await openStore(env.DATABASE_URL);
    browser = await launchChromium();
    context = await browser.newContext({ bypassCSP: true });
  }, 120_000);

  afterAll(async () => {
    await context?.close();
    await browser?.close();
    for (const p of processes) await p.stop();
    await site?.stop();
    await store?.close();
    await sink?.close();
    await gov?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  async function subscribe(path: string, email: string, chooseOnly?: string): Promise<string> {
    const page = await context.newPage();
    await page.goto(`${site.url}${path}`);
    expect(await axeViolations(page, 'light')).toEqual([]);
    await page.fill('#email', email);
    if (chooseOnly) {
      await page.check('#scope-chosen');
      expect(await page.isChecked(`#service-${chooseOnly}`)).toBe(true);
    }
    await page.click('button[type=submit]');
    const answer = (await page.locator('main').innerText()).trim();
    expect(await axeViolations(page, 'light')).toEqual([]);
    await page.close();
    return answer;
  }

  async function confirm(mail: ReceivedMail, expected: string): Promise<void> {
    const link = /https?:\/\/\S+\?t=[\w-]+/.exec(mail.text)?.[0];
    expect(link).toBeDefined();
    const page = await context.newPage();
    await page.goto(link!);
    expect(await axeViolations(page, 'light')).toEqual([]);
    await page.click('button[type=submit]');
    expect(await page.locator('h1').innerText()).toBe(expected);
    expect(await axeViolations(page, 'light')).toEqual([]);
    await page.close();
  }

  it('subscribes in both languages, with the same answer for a known address, and confirms by a button', async () => {
    const first = await subscribe('/fr/abonnement', 'camille@example.test');
    expect(first).toContain('Vérifiez votre messagerie');
    expect(await subscribe('/fr/abonnement', 'camille@example.test')).toBe(first);
    expect(await subscribe('/en/subscribe?service=svc-03', 'alex@example.test', 'svc-03')).toContain('Check your mailbox');
    await sink.waitFor(3);
    expect(to('alex@example.test').map((m) => m.subject)).toEqual(['Vigie – confirm your subscription']);
    // Opening the link confirms nothing (mail scanners open links): only the button does.
    expect(await store.subscriptions.countSubscribers()).toBe(0);
    await confirm(to('alex@example.test')[0]!, 'Subscription confirmed');
    await confirm(to('camille@example.test')[1]!, 'Abonnement confirmé');
    await confirm(to('camille@example.test')[1]!, 'Lien expiré ou déjà utilisé');
    expect(await store.subscriptions.countSubscribers()).toBe(2);
    const privacy = await (await fetch(`${site.url}/en/personal-data`)).text();
    expect(privacy).toContain('Email alerts');
    expect(await (await fetch(`${site.url}/fr/`)).text()).toContain('href="/fr/abonnement"');
    expect(await (await fetch(`${site.url}/en/services/svc-03`)).text()).toContain('href="/en/subscribe?service=svc-03"');
  }, 120_000);

  it('tells each subscriber of a mass outage in one message in their language, and one click unsubscribes', async () => {
    const before = sink.received.length;
    for (const id of IDS) gov.set(id, status(503));
    await sink.waitFor(before + 2);
    const [alex] = to('alex@example.test').slice(1);
    const [camille] = to('camille@example.test').slice(2);
    expect(alex?.subject).toBe('Vigie – svc-03.gouv.fr is down');
    expect(alex?.text).toContain('svc-03.gouv.fr: down since');
    expect(camille?.subject).toMatch(/^Vigie – En panne\u00a0: svc-\d+\.gouv\.fr, svc-\d+\.gouv\.fr et 14\u00a0autres services$/);
    expect(alex?.headers.get('list-unsubscribe-post')).toBe('List-Unsubscribe=One-Click');
    const oneClick = /^<([^>]+)>/.exec(alex?.headers.get('list-unsubscribe') ?? '')?.[1];
    expect(oneClick).toMatch(new RegExp(`^${site.url}/unsubscribe\\?t=`));
    // Opened in a browser (a client without one-click), it is the subscriber's manage page, in English.
    const opened = await fetch(oneClick!, { redirect: 'manual' });
    expect(opened.status).toBe(303);
    expect(opened.headers.get('location')).toMatch(/^\/en\/subscribe\/manage\?t=/);
    // A mail provider posts from no page: no Origin, the form body RFC 8058 prescribes.
    const response = await fetch(oneClick!, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'List-Unsubscribe=One-Click',
    });
    expect(response.status).toBe(200);
    expect(await store.subscriptions.countSubscribers()).toBe(1);

    const manage = /https?:\/\/\S+\/fr\/abonnement\/gerer\?t=[\w-]+/.exec(camille!.text)?.[0];
    const page = await context.newPage();
    await page.goto(manage!);
    expect(await page.locator('h1').innerText()).toBe('Gérer votre abonnement');
    expect(await axeViolations(page, 'light')).toEqual([]);
    await page.close();

    for (const id of IDS) gov.set(id, up());
    await eventually('the recovery message', () => to('camille@example.test').length === 4, 90_000);
    expect(to('camille@example.test')[3]!.text).toContain('de nouveau accessible');
    expect(to('alex@example.test')).toHaveLength(2);
  }, 180_000);
});
