import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadCatalogue } from '../../src/config/load-catalogue.ts';
import type { Incident } from '../../src/domain/incident-records.ts';
import { loadSnapshot } from '../../src/status/load.ts';
import { openStore } from '../../src/store/open-store.ts';
import type { Store } from '../../src/store/store.ts';
import { startFakeGov, status, up, type FakeGov } from '../fake-gov/index.ts';
import { eventually, startProcess, type RunningProcess } from '../notify/support/processes.ts';
import { startSmtpSink, type SmtpSink } from '../notify/support/smtp-sink.ts';
import { addSubscriber } from '../notify/support/subscribers.ts';
import { freePort } from '../support/site-server.ts';

/**
 * A shared upstream end to end, against the fake government: real probe and sender processes on
 * one SQLite file. FranceConnect and its five dependents fail together: one root incident lists
 * them, and a subscriber of the five is told one story. A dependent failing alone gets its own
 * incident. When FranceConnect recovers and one dependent stays down, that one's incident opens then.
 */

const DEPENDENTS = ['d1', 'd2', 'd3', 'd4', 'd5'];
let gov: FakeGov;
let dir: string;
let store: Store;
let sink: SmtpSink;
let probe: RunningProcess;
let sender: RunningProcess;
let env: Record<string, string>;

beforeAll(async () => {
  gov = await startFakeGov({ tls: false });
  dir = mkdtempSync(join(tmpdir(), 'vigie-root-incident-'));
  const service = (id: string, name: string, extra: Record<string, unknown> = {}) => ({
    id,
    name,
    category: 'tests',
    url: gov.url(id),
    ...extra,
  });
  writeFileSync(
    join(dir, 'services.json'),
    JSON.stringify({
      categories: [{ id: 'tests', name: { fr: 'Essais', en: 'Tests' } }],
      defaults: { allowPrivateNetwork: true, interval: 1, timeout: 5 },
      detection: { failuresBeforeDown: 2, successesBeforeUp: 2 },
      services: [
        service('fc', 'FranceConnect'),
        ...DEPENDENTS.map((id) => service(id, `Démarche ${id}`, { dependsOn: ['fc'] })),
        service('api', 'API Particulier'),
        service('alone', 'Démarche seule', { dependsOn: ['api'] }),
      ],
    }),
  );
  env = { DATABASE_URL: join(dir, 'vigie.db'), VIGIE_SERVICES: join(dir, 'services.json') };
  store = await openStore(env.DATABASE_URL!);
  await addSubscriber(store, 'cinq@example.test', 'fr', DEPENDENTS);
  sink = await startSmtpSink();
  for (const id of ['fc', ...DEPENDENTS, 'alone']) gov.set(id, status(503));
  sender = startProcess('src/cli/sender.ts', {
    ...env,
    VIGIE_SMTP_URL: sink.url,
    VIGIE_MAIL_FROM: 'Vigie <vigie@example.test>',
    VIGIE_SENDER_PORT: String(await freePort()),
    VIGIE_PUBLIC_URL: 'https://vigie.example.test',
    VIGIE_NOTIFY_QUIET_SECONDS: '1',
  });
  probe = startProcess('src/cli/probe.ts', { ...env, PROBE_PORT: String(await freePort()) });
}, 60_000);

afterAll(async () => {
  await probe?.stop();
  await sender?.stop();
  await sink?.close();
  await store?.close();
  await gov?.stop();
  rmSync(dir, { recursive: true, force: true });
});

const openAuto = async (): Promise<Incident[]> =>
  (await store.listIncidents({ state: 'open', limit: 50 })).items.filter((i) => i.kind === 'auto');
const toFive = () => sink.received.filter((m) => m.to === 'cinq@example.test');
const outageStories = (name: string) => toFive().filter((m) => m.text.includes(`${name}\u00a0: panne confirmée`)).length;

describe('one root incident for a shared upstream (real processes)', () => {
  let messagesForTheRoot = 0;

  it('upstream and dependents down together: one incident for the upstream lists the five, none of their own; one message to a subscriber of the five', async () => {
    const root = await eventually(
      'FranceConnect’s incident listing its five dependents',
      async () => (await openAuto()).find((i) => i.serviceId === 'fc' && i.affected.length === 1 + DEPENDENTS.length),
      90_000,
    );
    expect(root.affected.map((a) => a.serviceId).sort()).toEqual([...DEPENDENTS, 'fc']);
    expect((await openAuto()).filter((i) => DEPENDENTS.includes(i.serviceId ?? ''))).toEqual([]);
    await sink.waitFor(1);
    await eventually('the message to the subscriber of the five', () => toFive().length > 0);
    messagesForTheRoot = toFive().length;
    expect(outageStories('FranceConnect')).toBe(1);
    expect(toFive()[0]!.text).toContain(
      'Services qui en dépendent\u00a0: Démarche d1, Démarche d2, Démarche d3, Démarche d4, Démarche d5.',
    );
    // Read as the pages read it: a check running late on a loaded machine makes it stale for a moment, hence waited for.
    const catalogue = await loadCatalogue(env.VIGIE_SERVICES!);
    await eventually('every dependent labelled with FranceConnect down', async () => {
      const snapshot = await loadSnapshot({ store, catalogue }, new Date());
      return DEPENDENTS.every((id) => snapshot.services.find((s) => s.id === id)?.upstreamsDown.some((u) => u.id === 'fc'));
    });
  });

  it('a dependent down alone (its upstream fine) opens its own incident, as any service', async () => {
    const own = await eventually(
      'the lone dependent’s own incident',
      async () => (await openAuto()).find((i) => i.serviceId === 'alone'),
      60_000,
    );
    expect(own.affected.map((a) => a.serviceId)).toEqual(['alone']);
  });

  it('upstream recovers, one dependent stays down: the root resolves and that dependent’s own incident opens then', async () => {
    gov.set('fc', up());
    for (const id of DEPENDENTS.slice(0, 4)) gov.set(id, up());
    const own = await eventually('d5’s own incident', async () => (await openAuto()).find((i) => i.serviceId === 'd5'), 90_000);
    const root = (await store.listIncidents({ state: 'all', serviceId: 'fc', limit: 5 })).items.find((i) => i.serviceId === 'fc');
    expect(root?.resolvedAt).not.toBeNull();
    expect(own.startedAt.getTime()).toBeGreaterThanOrEqual(root!.startedAt.getTime());
    expect((await openAuto()).filter((i) => ['d1', 'd2', 'd3', 'd4'].includes(i.serviceId ?? ''))).toEqual([]);
    await eventually('the story of d5’s own outage', () => outageStories('Démarche d5') > 0, 60_000);
    // Every story the subscriber of the five got: FranceConnect's outage once, no dependent's but d5's own.
    expect(outageStories('FranceConnect')).toBe(1);
    for (const id of ['d1', 'd2', 'd3', 'd4']) expect(outageStories(`Démarche ${id}`)).toBe(0);
    console.log(
      `A subscriber of the 5 dependents received ${messagesForTheRoot} message(s) for the shared outage (${toFive().length} in all, with the recovery and d5's own outage).`,
    );
  });
});
