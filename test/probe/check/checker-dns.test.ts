import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ServiceCheck } from '../../../src/config/service-check.ts';
import { createChecker } from '../../../src/probe/check/create-checker.ts';
import { fakeService } from './fake-service.ts';
import { answer, nxdomain, servfail, silent, startDnsServer, type DnsServer } from './support/dns-server.ts';

let dns: DnsServer;
beforeAll(async () => {
  dns = await startDnsServer();
});
afterAll(() => dns.stop());

const checker = createChecker({ userAgent: 'test' });

function dnsService(id: string, check: Partial<Extract<ServiceCheck, { kind: 'dns' }>> = {}) {
  return fakeService(id, `https://${id}.gouv.test/`, {
    timeout: 1,
    check: { kind: 'dns', name: `${id}.gouv.test`, record: 'A', resolvers: [dns.address], byLocation: {}, expect: null, ...check },
  });
}

describe('DNS checks against an authoritative server on loopback', () => {
  it('resolves a name and measures the time it took', async () => {
    dns.set('impots.gouv.test', answer({ a: ['192.0.2.10'] }));
    const result = await checker(dnsService('impots'), { location: 'test' });
    expect(result).toMatchObject({ outcome: 'ok', httpStatus: null, detail: null, tlsExpiresAt: null });
    expect(result.latencyMs).toBeGreaterThanOrEqual(0);
    expect(dns.queries('impots.gouv.test')).toBe(1);
  });

  it.each([
    ['NXDOMAIN', nxdomain(), 'dns_nxdomain', 'NXDOMAIN'],
    ['SERVFAIL', servfail(), 'dns_servfail', 'SERVFAIL'],
    ['no answer', silent(), 'dns_timeout', 'in time'],
    ['no record of the type', answer({ aaaa: ['2001:db8::1'] }), 'dns_wrong_answer', 'no record of this type'],
  ] as const)('tells %s apart', async (_, behaviour, outcome, detail) => {
    const id = `case-${outcome}`;
    dns.set(`${id}.gouv.test`, behaviour);
    const result = await checker(dnsService(id), { location: 'test' });
    expect(result.outcome).toBe(outcome);
    expect(result.detail).toContain(detail);
  });

  it('fails an answer outside the expected ones, whatever else it holds', async () => {
    dns.set('hijack.gouv.test', answer({ a: ['192.0.2.10', '198.51.100.66'] }));
    const wrong = await checker(dnsService('hijack', { expect: ['192.0.2.10'] }), { location: 'test' });
    expect(wrong).toMatchObject({ outcome: 'dns_wrong_answer', detail: 'A: answered 198.51.100.66, not among 192.0.2.10' });
    const right = await checker(dnsService('hijack', { expect: ['192.0.2.10', '198.51.100.66'] }), { location: 'test' });
    expect(right.outcome).toBe('ok');
  });

  it('compares IPv6 answers and names as written, whatever their spelling', async () => {
    dns.set('v6.gouv.test', answer({ aaaa: ['2001:db8:0:0::1'], cname: 'Front.CDN.test' }));
    expect((await checker(dnsService('v6', { record: 'AAAA', expect: ['2001:DB8::1'] }), { location: 'test' })).outcome).toBe('ok');
    expect((await checker(dnsService('v6', { record: 'CNAME', expect: ['front.cdn.test.'] }), { location: 'test' })).outcome).toBe('ok');
  });

  it('is slow above slowMs like any check', async () => {
    dns.set('lent.gouv.test', answer({ a: ['192.0.2.1'], delayMs: 60 }));
    const result = await checker({ ...dnsService('lent'), slowMs: 20 }, { location: 'test' });
    expect(result.outcome).toBe('slow');
    expect(result.latencyMs).toBeGreaterThanOrEqual(60);
  });

  it('asks each location its own resolvers, from its own source address', async () => {
    dns.set('geo.gouv.test', answer({ a: ['192.0.2.1'] }));
    dns.setFrom('127.0.0.4', 'geo.gouv.test', servfail());
    const service = dnsService('geo', { resolvers: null, byLocation: { paris: [dns.address], montreal: [dns.address] } });
    const paris = await createChecker({ userAgent: 'test', localAddress: '127.0.0.2' })(service, { location: 'paris' });
    const montreal = await createChecker({ userAgent: 'test', localAddress: '127.0.0.4' })(service, { location: 'montreal' });
    expect(paris.outcome).toBe('ok');
    expect(montreal.outcome).toBe('dns_servfail');
    expect(dns.queries('geo.gouv.test', '127.0.0.2')).toBe(1);
    expect(dns.queries('geo.gouv.test', '127.0.0.4')).toBe(1);
  });

  it('gives a refused resolver and a cancelled check as values, never as exceptions', async () => {
    const closed = await startDnsServer();
    const address = closed.address;
    await closed.stop();
    const refused = await checker(dnsService('nobody', { resolvers: [address] }), { location: 'test' });
    expect(refused.outcome).toBe('refused');
    dns.set('cancel.gouv.test', silent());
    const cancel = new AbortController();
    const pending = checker({ ...dnsService('cancel'), timeout: 30 }, { location: 'test', signal: cancel.signal });
    cancel.abort();
    expect((await pending).outcome).toBe('dns_timeout');
  });
});
