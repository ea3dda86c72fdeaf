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

const ctx = { location: 'test' };

describe('body cap', () => {
  it('stops a gzip bomb at the cap, counted after decompression, without inflating it all', async () => {
    gov.set('bomb', b.gzipBomb());
    const before = process.memoryUsage().rss;
    const result = await createChecker({ userAgent: 'test' })(fakeService('bomb', gov.url('bomb')), ctx);
    const grownMiB = (process.memoryUsage().rss - before) / 2 ** 20;
    expect(result).toMatchObject({ outcome: 'body_too_large', httpStatus: 200 });
    // The bomb is endless: reading it whole would never finish; buffering past the cap would show here.
    expect(grownMiB).toBeLessThan(128);
  });

  it('counts decoded bytes, not wire bytes, and finds the keyword in a gzip-encoded page', async () => {
    gov.set('gzipped', b.up());
    const plain = await fetch(gov.url('gzipped'), { headers: { 'accept-encoding': 'identity' } });
    const decodedLength = (await plain.arrayBuffer()).byteLength;
    const page = fakeService('gzipped', gov.url('gzipped'));
    const exact = await createChecker({ userAgent: 'test', maxBodyBytes: decodedLength })(page, ctx);
    expect(exact.outcome).toBe('ok');
    expect(gov.lastRequest('gzipped')?.headers['accept-encoding']).toContain('gzip');
    const oneShort = await createChecker({ userAgent: 'test', maxBodyBytes: decodedLength - 1 })(page, ctx);
    expect(oneShort.outcome).toBe('body_too_large');
  });

  it('the deadline covers the body: a drip that never ends is a timeout even after 200 headers', async () => {
    gov.set('drip', b.slowDrip(100));
    const result = await createChecker({ userAgent: 'test' })(fakeService('drip', gov.url('drip'), { timeout: 0.8 }), ctx);
    expect(result).toMatchObject({ outcome: 'timeout', httpStatus: null });
  });
});

describe('redirects', () => {
  it('follows up to five redirects, each a real request, and reports where they ended', async () => {
    gov.set('five', b.redirects(5));
    const result = await createChecker({ userAgent: 'test' })(fakeService('five', gov.url('five')), ctx);
    expect(result).toMatchObject({ outcome: 'ok', httpStatus: 200, finalUrl: `${gov.url('five')}?hop=5` });
    expect(gov.hits('five')).toBe(6);
  });

  it('refuses a sixth redirect without requesting it', async () => {
    gov.set('six', b.redirects(6));
    const result = await createChecker({ userAgent: 'test' })(fakeService('six', gov.url('six')), ctx);
    expect(result).toMatchObject({ outcome: 'redirect_error', detail: 'more than 5 redirects' });
    expect(gov.hits('six')).toBe(6);
  });

  it('stops a redirect loop after the same number of hops', async () => {
    gov.set('loop', b.redirectLoop());
    const result = await createChecker({ userAgent: 'test', maxRedirects: 2 })(fakeService('loop', gov.url('loop')), ctx);
    expect(result).toMatchObject({ outcome: 'redirect_error', detail: 'more than 2 redirects' });
    expect(gov.hits('loop')).toBe(3);
  });

  it.each([
    ['a non-http scheme', 'ftp://files.example/'],
    ['an unparsable address', 'http://[oops/'],
  ])('reports a redirect to %s as a redirect error', async (label, location) => {
    const name = `bad-location-${label.length}`;
    gov.set(name, b.redirectTo(location));
    const result = await createChecker({ userAgent: 'test' })(fakeService(name, gov.url(name)), ctx);
    expect(result.outcome).toBe('redirect_error');
    expect(result.detail).toContain('unusable Location');
  });

  it('follows a redirect to another service on the fake and sends the User-Agent on every hop', async () => {
    gov.set('moved', b.redirectTo(gov.url('new-home')));
    gov.set('new-home', b.up());
    const result = await createChecker({ userAgent: 'Vigie-probe/test' })(fakeService('moved', gov.url('moved')), ctx);
    expect(result).toMatchObject({ outcome: 'ok', finalUrl: gov.url('new-home') });
    expect(gov.lastRequest('moved')?.headers['user-agent']).toBe('Vigie-probe/test');
    expect(gov.lastRequest('new-home')?.headers['user-agent']).toBe('Vigie-probe/test');
  });
});
