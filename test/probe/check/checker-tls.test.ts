import { X509Certificate } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createChecker } from '../../../src/probe/check/create-checker.ts';
import * as b from '../../fake-gov/behaviours.ts';
import { type FakeGov, startFakeGov } from '../../fake-gov/index.ts';
import { fakeService } from './fake-service.ts';

let gov: FakeGov;
beforeAll(async () => {
  gov = await startFakeGov();
});
afterAll(() => gov.stop());

const ctx = { location: 'test' };

describe('TLS checks against the fake government', () => {
  it('trusts the test CA only when told to, and records the certificate expiry on success', async () => {
    gov.set('tls-ok', b.up());
    const service = fakeService('tls-ok', gov.url('tls-ok', gov.https));
    const trusting = await createChecker({ userAgent: 'test', extraCa: gov.ca })(service, ctx);
    expect(trusting).toMatchObject({ outcome: 'ok', httpStatus: 200 });
    expect(trusting.tlsExpiresAt).toBeInstanceOf(Date);
    expect(trusting.tlsExpiresAt!.getTime()).toBeGreaterThan(Date.now());

    const untrusting = await createChecker({ userAgent: 'test' })(service, ctx);
    expect(untrusting.outcome).toBe('tls_untrusted');
    expect(untrusting.detail).toContain('UNABLE_TO_');
  });

  it.each([
    ['expired', () => gov.httpsExpired, 'tls_expired', 'CERT_HAS_EXPIRED'],
    ['wrong host', () => gov.httpsWrongHost, 'tls_hostname', 'ERR_TLS_CERT_ALTNAME_INVALID'],
    ['self-signed', () => gov.httpsSelfSigned, 'tls_untrusted', 'DEPTH_ZERO_SELF_SIGNED_CERT'],
  ])('a %s certificate is refused before any request is sent', async (label, base, outcome, code) => {
    const name = `tls-${label.replace(' ', '-')}`;
    gov.set(name, b.up());
    const result = await createChecker({ userAgent: 'test', extraCa: gov.ca })(fakeService(name, gov.url(name, base())), ctx);
    expect(result.outcome).toBe(outcome);
    expect(result.detail).toContain(code);
    expect(result.httpStatus).toBeNull();
    expect(gov.hits(name)).toBe(0);
  });

  it('records the expiry date of a certificate it refuses', async () => {
    gov.set('tls-expiry', b.up());
    const result = await createChecker({ userAgent: 'test', extraCa: gov.ca })(
      fakeService('tls-expiry', gov.url('tls-expiry', gov.httpsExpired)),
      ctx,
    );
    expect(result.tlsExpiresAt).toEqual(new Date('2021-01-01T00:00:00Z'));
  });

  it('gives the expiry the server certificate declares', async () => {
    gov.set('tls-date', b.up());
    const result = await createChecker({ userAgent: 'test', extraCa: gov.ca })(
      fakeService('tls-date', gov.url('tls-date', gov.https)),
      ctx,
    );
    const served = await fetchPeerCertificate(gov.https);
    expect(result.tlsExpiresAt).toEqual(new Date(new X509Certificate(served).validTo));
  });

  it('classifies HTTP outcomes behind TLS the same way', async () => {
    gov.set('tls-503', b.status(503));
    const result = await createChecker({ userAgent: 'test', extraCa: gov.ca })(fakeService('tls-503', gov.url('tls-503', gov.https)), ctx);
    expect(result).toMatchObject({ outcome: 'http_5xx', httpStatus: 503 });
    expect(result.tlsExpiresAt).not.toBeNull();
  });
});

/** The certificate the listener serves, read with a bare TLS connection (no verification). */
async function fetchPeerCertificate(base: string): Promise<Buffer> {
  const { connect } = await import('node:tls');
  const url = new URL(base);
  return new Promise((resolve, reject) => {
    const socket = connect({ host: url.hostname, port: Number(url.port), rejectUnauthorized: false }, () => {
      resolve(socket.getPeerCertificate().raw);
      socket.end();
    });
    socket.on('error', reject);
  });
}
