import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createMailTransport, type MailTransport } from '../../src/notify/mail-transport.ts';
import { requestSubscription, type SubscribeDeps } from '../../src/notify/subscribe-actions.ts';
import type { Store } from '../../src/store/store.ts';
import { tempStore } from '../admin/support/temp-store.ts';
import { CATALOGUE } from '../incidents/support/service-fixture.ts';
import { manualClock } from '../support/manual-clock.ts';
import { checkResult, downTracking } from '../support/records.ts';
import { startSmtpSink, type SmtpSink } from './support/smtp-sink.ts';

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

function deps(limits: SubscribeDeps['limits']): SubscribeDeps {
  return {
    store,
    catalogue: CATALOGUE,
    mail,
    publicUrl: 'https://vigie.example.test',
    clock: clock.now,
    limits,
    onMailError: (error) => mailErrors.push(error),
  };
}

const form = (email: string) => ({ email, scope: 'all', language: 'fr' });

describe('subscribe limits', () => {
  it.each([
    { perClient: 2, allowed: 2 },
    { perClient: 5, allowed: 5 },
  ])('answers "try later" past $perClient requests from one client in an hour, then lets it in again', async ({ perClient, allowed }) => {
    const d = deps({ perClient, perAddress: 100 });
    const answers = [];
    for (let i = 0; i <= allowed; i++) answers.push((await requestSubscription(d, form(`person${i}@example.test`), '198.51.100.7')).status);
    expect(answers).toEqual([...Array<string>(allowed).fill('sent'), 'too_many']);
    expect((await requestSubscription(d, form('other@example.test'), '198.51.100.8')).status).toBe('sent');
    clock.advance(3_600_001);
    expect((await requestSubscription(d, form('later@example.test'), '198.51.100.7')).status).toBe('sent');
    // Every accepted request, and only those, got its confirmation email.
    await sink.waitFor(allowed + 2);
    expect(sink.received.map((m) => m.to)).not.toContain(`person${allowed}@example.test`);
  });

  it.each([1, 3])('sends at most %i confirmation emails to one address in an hour, with the same answer past it', async (perAddress) => {
    const d = deps({ perClient: 100, perAddress });
    for (let i = 0; i < perAddress + 2; i++)
      expect((await requestSubscription(d, form('camille@example.test'), `198.51.100.${i}`)).status).toBe('sent');
    await sink.waitFor(perAddress);
    // The last one was refused silently; one more accepted request elsewhere proves the first ones all left.
    expect((await requestSubscription(d, form('alex@example.test'), '203.0.113.1')).status).toBe('sent');
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
    const d = { ...deps({ perClient: 10, perAddress: 10 }), publisher: 'Direction interministérielle du numérique' };
    await requestSubscription(d, form('crise@example.test'), '198.51.100.9');
    await requestSubscription(d, { email: 'ameli@example.test', scope: 'chosen', services: ['ameli'], language: 'en' }, '198.51.100.9');
    await sink.waitFor(2);
    const crisis = sink.received.find((m) => m.to === 'crise@example.test')!;
    expect(crisis.text).toContain('En ce moment, caf.fr est en panne ou ralenti. Vous recevrez un message quand son état changera.');
    expect(crisis.text).toContain('Message automatique de Vigie, publié par Direction interministérielle du numérique.');
    expect(crisis.headers.get('auto-submitted')).toBe('auto-generated');
    // ameli works: nothing to say about the services this one chose.
    const calm = sink.received.find((m) => m.to === 'ameli@example.test')!;
    expect(calm.text).not.toContain('Right now');
  });
});
