import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ServiceConfig } from '../../../src/config/services-schema.ts';
import { createChecker } from '../../../src/probe/check/create-checker.ts';
import { type FakeGovCertificates, makeCertificates } from '../../fake-gov/certificates.ts';
import { fakeService } from './fake-service.ts';
import { closedPort, type Listener, resetting, silentListener, stoppedListener, tlsListener } from './support/tcp-listeners.ts';

let certs: FakeGovCertificates;
const listeners: Listener[] = [];
beforeAll(async () => {
  certs = await makeCertificates();
});
afterAll(() => Promise.all(listeners.map((l) => l.stop())));

async function started<T extends Listener>(listener: Promise<T>): Promise<T> {
  const l = await listener;
  listeners.push(l);
  return l;
}

function tcpService(
  port: number,
  extra: { tls?: boolean; serverName?: string | null; host?: string } = {},
  patch: Partial<ServiceConfig> = {},
) {
  return fakeService(`tcp-${port}`, 'https://127.0.0.1/', {
    timeout: 1,
    check: { kind: 'tcp', host: extra.host ?? '127.0.0.1', port, tls: extra.tls ?? false, serverName: extra.serverName ?? null },
    ...patch,
  });
}

const DAY_MS = 86_400_000;
const ctx = { location: 'test' };

describe('TCP checks against loopback listeners', () => {
  it('connects and measures the connection', async () => {
    const open = await started(silentListener());
    const result = await createChecker({ userAgent: 'test' })(tcpService(open.port), ctx);
    expect(result).toMatchObject({ outcome: 'ok', detail: null, tlsExpiresAt: null });
    expect(result.latencyMs).toBeGreaterThanOrEqual(0);
  });

  it('tells refused, reset and timeout apart', async () => {
    const checker = createChecker({ userAgent: 'test', extraCa: certs.ca });
    expect((await checker(tcpService(await closedPort()), ctx)).outcome).toBe('refused');
    const reset = await started(resetting());
    expect((await checker(tcpService(reset.port, { tls: true }), ctx)).outcome).toBe('reset');
    const silent = await started(silentListener());
    const handshake = await checker(tcpService(silent.port, { tls: true }), ctx);
    expect(handshake).toMatchObject({ outcome: 'timeout', detail: 'no complete answer within 1 s' });
  });

  it('times out on a host that does not complete the connection', async () => {
    const stopped = await started(stoppedListener());
    const result = await createChecker({ userAgent: 'test' })(tcpService(stopped.port, {}, { timeout: 0.5 }), ctx);
    expect(result.outcome).toBe('timeout');
  });

  it('completes a TLS handshake with SNI, recording the certificate expiry and issuer', async () => {
    const soon = await started(tlsListener(certs.expiresInFiveDays));
    const result = await createChecker({ userAgent: 'test', extraCa: certs.ca })(
      tcpService(soon.port, { tls: true, host: '127.0.0.1', serverName: 'localhost' }),
      ctx,
    );
    expect(result).toMatchObject({ outcome: 'ok', tlsIssuer: 'Vigie fake-gov test CA' });
    const days = (result.tlsExpiresAt!.getTime() - Date.now()) / DAY_MS;
    expect(days).toBeGreaterThan(4.9);
    expect(days).toBeLessThanOrEqual(5);
  });

  it.each([
    ['expired', () => certs.expired, 'tls_expired', undefined],
    ['for another host', () => certs.wrongHost, 'tls_hostname', 'localhost'],
    ['self-signed', () => certs.selfSigned, 'tls_untrusted', undefined],
  ] as const)('refuses a certificate %s, still recording it', async (_, pair, outcome, serverName) => {
    const listener = await started(tlsListener(pair()));
    const result = await createChecker({ userAgent: 'test', extraCa: certs.ca })(
      tcpService(listener.port, { tls: true, serverName: serverName ?? null }),
      ctx,
    );
    expect(result.outcome).toBe(outcome);
    expect(result.tlsExpiresAt).toBeInstanceOf(Date);
  });

  it('is slow when the handshake takes longer than slowMs', async () => {
    const late = await started(tlsListener(certs.valid, 80));
    const result = await createChecker({ userAgent: 'test', extraCa: certs.ca })(tcpService(late.port, { tls: true }, { slowMs: 30 }), ctx);
    expect(result.outcome).toBe('slow');
  });

  it('holds the target to the SSRF guard unless the service allows private networks', async () => {
    const open = await started(silentListener());
    const checker = createChecker({ userAgent: 'test' });
    const guarded = await checker(tcpService(open.port, {}, { allowPrivateNetwork: false }), ctx);
    expect(guarded).toMatchObject({ outcome: 'unsafe_target' });
    expect(guarded.detail).toContain('loopback');
    const byName = await checker(tcpService(open.port, { host: 'localhost' }, { allowPrivateNetwork: false }), ctx);
    expect(byName.outcome).toBe('unsafe_target');
  });
});
