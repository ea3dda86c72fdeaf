import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createMailTransport, type MailTransport } from '../../src/notify/mail-transport.ts';
import { confirmationsLastHour, requestSubscription, type SubscribeDeps } from '../../src/notify/subscribe-actions.ts';
import { mailboxOf } from '../../src/notify/tokens.ts';
import { networkSubject, throttleSubject } from '../../src/web/client-address.ts';
import type { Store } from '../../src/store/store.ts';
import { tempStore } from '../admin/support/temp-store.ts';
import { CATALOGUE } from '../incidents/support/service-fixture.ts';
import { manualClock } from '../support/manual-clock.ts';
import { checkResult, downTracking } from '../support/records.ts';
import { startSmtpSink, type SmtpSink } from './support/smtp-sink.ts';
import { javaAvailable, nuProblems } from '../support/nu-checker.ts';

/** The hourly limits come from the settings; a real store counts, a real SMTP server receives. */
let store: Store;
let dispose: () => Promise<void>;
let sink: SmtpSink;
let mail: MailTransport;
const clock = manualClock();
let mailErrors: unknown[];

beforeEach(async () => {
  ({ store, dispose } = await tempStore());
  mailErrors = [];
  sink = await startSmtpSink();
  mail = createMailTransport({ url: sink.url, from: 'Vigie <vigie@example.test>', maxConnections: 1 });
});
afterEach(async () => {
  expect(mailErrors).toEqual([]);
  mail.close();
  await sink.close();
  await dispose();
});

const LOOSE = { perClient: 100, perNetwork: 1000, perAddress: 100, confirmationsPerHour: 10_000 };

/** The client as the page handler hands it over: its /64 (or IPv4 address) and its /48. */
const from = (address: string) => ({ subject: throttleSubject(address), network: networkSubject(address) });

function deps(limits: Partial<SubscribeDeps['limits']>): SubscribeDeps {
  return {
    store,
    catalogue: CATALOGUE,
    mail,
    publicUrl: 'https://vigie.example.test',
    clock: clock.now,
    limits: { ...LOOSE, ...limits },
    onMailError: (error) => mailErrors.push(error),
  };
}

const form = (email: string) => ({ email, scope: 'all', language: 'fr' });

describe('subscribe limits', () => {
  it.each([
    { perClient: 2, allowed: 2 },
    { perClient: 5, allowed: 5 },
  ])('answers "try later" past $perClient requests from one client in an hour, then lets it in again', async ({ perClient, allowed }) => {
    const d = deps({ perClient });
    const answers = [];
    for (let i = 0; i <= allowed; i++)
      answers.push((await requestSubscription(d, form(`person${i}@example.test`), from('198.51.100.7'))).status);
    expect(answers).toEqual([...Array<string>(allowed).fill('sent'), 'too_many']);
    expect((await requestSubscription(d, form('other@example.test'), from('198.51.100.8'))).status).toBe('sent');
    clock.advance(3_600_001);
    expect((await requestSubscription(d, form('later@example.test'), from('198.51.100.7'))).status).toBe('sent');
    // Every accepted request, and only those, got its confirmation email.
    await sink.waitFor(allowed + 2);
    expect(sink.received.map((m) => m.to)).not.toContain(`person${allowed}@example.test`);
  });

  it.each([1, 3])('sends at most %i confirmation emails to one address in an hour, with the same answer past it', async (perAddress) => {
    const d = deps({ perAddress });
    for (let i = 0; i < perAddress + 2; i++)
      expect((await requestSubscription(d, form('camille@example.test'), from(`198.51.100.${i}`))).status).toBe('sent');
    await sink.waitFor(perAddress);
    // The last one was refused silently; one more accepted request elsewhere proves the first ones all left.
    expect((await requestSubscription(d, form('alex@example.test'), from('203.0.113.1'))).status).toBe('sent');
    await sink.waitFor(perAddress + 1);
    expect(sink.received.filter((m) => m.to === 'camille@example.test')).toHaveLength(perAddress);
  });

  it('lists in the confirmation email what is down right now among the services chosen, and says who sends it', async () => {
    const now = clock.now();
    await store.recordHeartbeat({ location: 'local', process: 'p1', at: now, canariesHealthy: true, version: 'test' });
    const at = new Date(now.getTime() - 30_000);
    await store.recordCheck({
      result: checkResult({ serviceId: 'caf', location: 'local', startedAt: at, outcome: 'http_5xx', httpStatus: 503 }),
      tracking: downTracking('caf', new Date(now.getTime() - 600_000), at, { location: 'local' }),
      rollups: [],
      event: null,
    });
    const d = { ...deps({}), publisher: 'Direction interministérielle du numérique' };
    await requestSubscription(d, form('crise@example.test'), from('198.51.100.9'));
    await requestSubscription(
      d,
      { email: 'ameli@example.test', scope: 'chosen', services: ['ameli'], language: 'en' },
      from('198.51.100.10'),
    );
    await sink.waitFor(2);
    const crisis = sink.received.find((m) => m.to === 'crise@example.test')!;
    expect(crisis.text).toContain('En ce moment, caf.fr est en panne ou ralenti. Vous recevrez un message quand son état changera.');
    expect(crisis.text).toContain('Message automatique de Vigie, publié par Direction interministérielle du numérique.');
    expect(crisis.headers.get('auto-submitted')).toBe('auto-generated');
    // ameli works: nothing to say about the services this one chose.
    const calm = sink.received.find((m) => m.to === 'ameli@example.test')!;
    expect(calm.text).not.toContain('Right now');
  });

  it('sends confirmation emails in valid HTML, with a head and title, and says their language in Content-Language', async () => {
    const d = deps({});
    expect((await requestSubscription(d, { ...form('camille@example.test'), language: 'fr' }, from('198.51.100.1'))).status).toBe('sent');
    expect((await requestSubscription(d, { ...form('alex@example.test'), language: 'en' }, from('198.51.100.2'))).status).toBe('sent');
    await sink.waitFor(2);
    const byTo = new Map(sink.received.map((m) => [m.to, m]));
    expect(byTo.get('camille@example.test')?.headers.get('content-language')).toBe('fr');
    expect(byTo.get('alex@example.test')?.headers.get('content-language')).toBe('en');
    for (const mail of sink.received) expect(mail.html).toMatch(/<head><meta charset="utf-8"><title>[^<]+<\/title><\/head>/);
    if (javaAvailable || process.env.CI) expect(await nuProblems(Object.fromEntries(sink.received.map((m) => [m.to, m.html])))).toEqual([]);
  });

  it('counts every address of one IPv6 /64 as one client', async () => {
    const d = deps({ perClient: 3 });
    const answers = [];
    for (let i = 1; i <= 5; i++)
      answers.push((await requestSubscription(d, form(`p${i}@example.test`), from(`2001:db8:1:2::${i.toString(16)}`))).status);
    expect(answers).toEqual(['sent', 'sent', 'sent', 'too_many', 'too_many']);
    await sink.waitFor(3);
  });

  it('counts the /64s of one /48 together past their own limits', async () => {
    const d = deps({ perClient: 2, perNetwork: 5 });
    const answers = [];
    for (let i = 1; i <= 7; i++)
      answers.push((await requestSubscription(d, form(`p${i}@example.test`), from(`2001:db8:a3:${i.toString(16)}::1`))).status);
    expect(answers).toEqual(['sent', 'sent', 'sent', 'sent', 'sent', 'too_many', 'too_many']);
    expect((await requestSubscription(d, form('other@example.test'), from('2001:db8:a4:1::1'))).status).toBe('sent');
    await sink.waitFor(6);
  });

  it('counts `+tag` sub-addresses, case and Gmail dots as the same mailbox', async () => {
    const d = deps({ perAddress: 2 });
    for (const [i, email] of ['victim+1@example.org', 'Victim+2@Example.org', 'VICTIM@example.org', 'victim+3@example.org'].entries())
      expect((await requestSubscription(d, form(email), from(`198.51.100.${i + 1}`))).status).toBe('sent');
    expect((await requestSubscription(d, form('other@example.org'), from('203.0.113.1'))).status).toBe('sent');
    await sink.waitFor(3);
    expect(sink.received.map((m) => m.to).sort()).toEqual(['Victim+2@example.org', 'other@example.org', 'victim+1@example.org']);
    expect(mailboxOf('j.doe+news@GMail.com')).toBe(mailboxOf('jdoe@gmail.com'));
    expect(mailboxOf('j.doe@example.org')).not.toBe(mailboxOf('jdoe@example.org'));
  });

  it('stops every confirmation email past the site-wide hourly cap, says so to staff, and stores no request past it', async () => {
    const d = deps({ confirmationsPerHour: 3 });
    const answers = [];
    for (let i = 1; i <= 5; i++) answers.push((await requestSubscription(d, form(`p${i}@example.test`), from(`198.51.100.${i}`))).status);
    expect(answers).toEqual(['sent', 'sent', 'sent', 'too_many', 'too_many']);
    expect(await confirmationsLastHour(store, 3, clock.now())).toEqual({ lastHour: 3, cap: 3, capReached: true });
    await sink.waitFor(3);
    expect(sink.received).toHaveLength(3);
    clock.advance(3_600_001);
    expect(await confirmationsLastHour(store, 3, clock.now())).toEqual({ lastHour: 0, cap: 3, capReached: false });
    expect((await requestSubscription(d, form('later@example.test'), from('198.51.100.9'))).status).toBe('sent');
  });
});
