import { connect } from 'node:net';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONFIRMATIONS_KEY } from '../../src/notify/subscribe-actions.ts';
import { openStore } from '../../src/store/open-store.ts';
import type { Store } from '../../src/store/store.ts';
import { freePort } from '../support/site-server.ts';
import { eventually, startProcess, type RunningProcess } from './support/processes.ts';

/**
 * The sender's /healthz and /metrics are operators' endpoints: on PROBE_HOST, never the site's
 * HOST, cutting clients that never finish their headers within seconds, and saying when the
 * site-wide cap on confirmation emails is reached. A real sender process on a real SQLite file.
 */
let dir: string;
let store: Store;
let sender: RunningProcess;
let port: number;
// Two loopback addresses (Linux routes all of 127/8 to lo): the site's HOST and the operators' PROBE_HOST.
const HOST = '127.0.0.3';
const PROBE_HOST = '127.0.0.2';

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'vigie-sender-endpoints-'));
  writeFileSync(
    join(dir, 'services.json'),
    JSON.stringify({
      categories: [{ id: 'c', name: { fr: 'C', en: 'C' } }],
      services: [{ id: 'caf', name: { fr: 'CAF', en: 'CAF' }, category: 'c', url: 'https://www.caf.fr/' }],
    }),
  );
  store = await openStore(join(dir, 'vigie.db'));
  for (let i = 0; i < 2; i++) await store.subscriptions.recordAttempt(CONFIRMATIONS_KEY, new Date());
  port = await freePort();
  sender = startProcess('src/cli/sender.ts', {
    DATABASE_URL: join(dir, 'vigie.db'),
    VIGIE_SERVICES: join(dir, 'services.json'),
    HOST,
    PROBE_HOST,
    VIGIE_SENDER_PORT: String(port),
    VIGIE_CONFIRMATION_EMAILS_PER_HOUR: '2',
    // Emails on, with the default plain-http public address: the sender must say so.
    VIGIE_SMTP_URL: 'smtp://127.0.0.1:9',
    VIGIE_MAIL_FROM: 'Vigie <vigie@example.test>',
  });
  await eventually('the sender to listen', () => sender.output().includes('health on'));
}, 120_000);

afterAll(async () => {
  await sender?.stop();
  await store?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('the sender’s operational endpoints', () => {
  it('listen on PROBE_HOST only, not on the site’s HOST', async () => {
    expect(sender.output()).toContain(`http://${PROBE_HOST}:${port}/healthz`);
    expect((await fetch(`http://${PROBE_HOST}:${port}/healthz`)).status).toBeLessThan(600);
    await expect(fetch(`http://${HOST}:${port}/healthz`)).rejects.toThrow();
  });

  it('warns at start-up that emails link to a public address that is not https', () => {
    expect(sender.output()).toMatch(/VIGIE_PUBLIC_URL is http:\/\/[^ ]+, not https/);
  });

  it('say when the hourly cap on confirmation emails is reached', async () => {
    const health = (await (await fetch(`http://${PROBE_HOST}:${port}/healthz`)).json()) as { confirmationEmails: unknown };
    expect(health.confirmationEmails).toEqual({ lastHour: 2, cap: 2, capReached: true });
    const metrics = await (await fetch(`http://${PROBE_HOST}:${port}/metrics`)).text();
    expect(metrics).toContain('vigie_notify_confirmations_cap_reached 1');
    expect(metrics).toContain('vigie_notify_confirmations_last_hour 2');
  });

  // Bounded by the test's own limit: Node's default check (every 30 s) would keep it open past it.
  it('closes a connection that never finishes its headers within seconds', { timeout: 20_000 }, async () => {
    const socket = connect(port, PROBE_HOST, () => socket.write('GET /healthz HTTP/1.1\r\nHost: x\r\n'));
    socket.on('error', () => undefined);
    socket.resume();
    await new Promise((resolve) => socket.on('close', resolve));
  });
});
