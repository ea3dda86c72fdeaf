import { createServer, type Server } from 'node:net';
import type { LookupFunction } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createChecker } from '../../../src/probe/check/create-checker.ts';
import * as b from '../../fake-gov/behaviours.ts';
import { type FakeGov, startFakeGov } from '../../fake-gov/index.ts';
import { fakeService } from './fake-service.ts';

let gov: FakeGov;
beforeAll(async () => {
  gov = await startFakeGov({ tls: false });
});
afterAll(() => gov.stop());

const UA = 'Vigie-probe/0.1.0 (+https://statut.example.gouv.fr)';
const ctx = { location: 'test' };

describe('checker outcomes against the fake government', () => {
  it.each<[string, b.Behaviour, string, number | null]>([
    ['up', b.up(), 'ok', 200],
    ['slow', b.slow(400), 'slow', 200],
    ['status-500', b.status(500), 'http_5xx', 500],
    ['status-503', b.status(503), 'http_5xx', 503],
    ['status-404', b.status(404), 'http_4xx', 404],
    ['status-403', b.status(403), 'blocked', 403],
    ['status-429', b.status(429), 'blocked', 429],
    ['challenge', b.challenge(), 'blocked', 403],
    ['challenge-200', b.challenge(200), 'blocked', 200],
    ['missing-keyword', b.missingKeyword(), 'keyword_missing', 200],
    ['hang', b.hang(), 'timeout', null],
    ['slow-drip', b.slowDrip(200), 'timeout', null],
    ['refuse', b.refuse(), 'refused', null],
    ['reset', b.reset(), 'reset', null],
    ['redirect-loop', b.redirectLoop(), 'redirect_error', 302],
    ['huge-body', b.hugeBody(), 'body_too_large', 200],
    ['gzip-bomb', b.gzipBomb(), 'body_too_large', 200],
  ])('%s', async (name, behaviour, outcome, httpStatus) => {
    gov.set(name, behaviour);
    const check = createChecker({ userAgent: UA });
    // Only the slow service gets a low threshold: a loaded machine must not turn `up` into `slow`.
    const slowMs = behaviour.kind === 'slow' ? 200 : 5000;
    const result = await check(fakeService(name, gov.url(name), { timeout: 1.5, slowMs }), ctx);
    expect(result.outcome).toBe(outcome);
    expect(result.httpStatus).toBe(httpStatus);
    expect(result.serviceId).toBe(name);
    expect(result.location).toBe('test');
    expect(result.probeOffline).toBe(false);
    expect(result.latencyMs).toBeGreaterThanOrEqual(0);
    if (outcome === 'ok') expect(result.detail).toBeNull();
    else expect(result.detail).toMatch(/\S/);
  });

  it('sends the identifying User-Agent', async () => {
    gov.set('ua', b.up());
    await createChecker({ userAgent: UA })(fakeService('ua', gov.url('ua')), ctx);
    expect(gov.lastRequest('ua')?.headers['user-agent']).toBe(UA);
  });

  it('measures latency up to the last body byte, with the injected clock', async () => {
    let now = 1_000_000;
    const clock = () => (now += 7);
    gov.set('clocked', b.up());
    const result = await createChecker({ userAgent: UA, clock })(fakeService('clocked', gov.url('clocked')), ctx);
    expect(result.startedAt).toEqual(new Date(1_000_007));
    expect(result.latencyMs).toBe(7);
  });

  it('passes probeOffline through and records the final URL', async () => {
    gov.set('offline', b.up());
    const result = await createChecker({ userAgent: UA })(fakeService('offline', gov.url('offline')), {
      location: 'paris',
      probeOffline: true,
    });
    expect(result).toMatchObject({ probeOffline: true, location: 'paris', finalUrl: gov.url('offline') });
  });

  it('a refused connection reports where it was refused', async () => {
    const result = await createChecker({ userAgent: UA })(fakeService('closed', `${gov.refused}/svc/closed`), ctx);
    expect(result).toMatchObject({ outcome: 'refused', finalUrl: `${gov.refused}/svc/closed` });
  });

  it('turns the probe cancelling a check (shutdown) into a value, not an exception', async () => {
    gov.set('cancelled', b.hang());
    const controller = new AbortController();
    const pending = createChecker({ userAgent: UA })(fakeService('cancelled', gov.url('cancelled')), {
      ...ctx,
      signal: controller.signal,
    });
    setTimeout(() => controller.abort(), 100);
    expect(await pending).toMatchObject({ outcome: 'timeout', detail: 'check cancelled by the probe before it finished' });
  });

  it('classifies DNS answers from the resolver', async () => {
    const failing =
      (code: string): LookupFunction =>
      (hostname, _options, callback) =>
        callback(Object.assign(new Error(`getaddrinfo ${code} ${hostname}`), { code }), '', 0);
    const url = 'http://impots.example.test/';
    const nx = await createChecker({ userAgent: UA, lookup: failing('ENOTFOUND') })(fakeService('nx', url), ctx);
    const again = await createChecker({ userAgent: UA, lookup: failing('EAI_AGAIN') })(fakeService('again', url), ctx);
    const empty = await createChecker({ userAgent: UA, lookup: (_h, _o, callback) => callback(null, []) })(fakeService('empty', url), ctx);
    expect(nx.outcome).toBe('dns_nxdomain');
    expect(empty.outcome).toBe('dns_nxdomain');
    expect(again.outcome).toBe('dns_temporary');
  });
});

describe('a server that does not speak HTTP', () => {
  let server: Server;
  let port = 0;
  beforeAll(async () => {
    server = createServer((socket) => socket.resume().end('SSH-2.0-OpenSSH_9.6\r\n\r\n'));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as { port: number }).port;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('is a network error with the parser code in the detail', async () => {
    const result = await createChecker({ userAgent: UA })(fakeService('ssh', `http://127.0.0.1:${port}/`), ctx);
    expect(result.outcome).toBe('network_error');
    expect(result.detail).toMatch(/HPE_|parse|Parse/);
  });
});
