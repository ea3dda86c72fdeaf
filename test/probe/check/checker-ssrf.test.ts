import type { LookupAddress } from 'node:dns';
import type { LookupFunction } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { unsafeAddressReason } from '../../../src/net/address-policy.ts';
import { createChecker } from '../../../src/probe/check/create-checker.ts';
import * as b from '../../fake-gov/behaviours.ts';
import { type FakeGov, startFakeGov } from '../../fake-gov/index.ts';
import { fakeService } from './fake-service.ts';

let gov: FakeGov;
let port = '';
beforeAll(async () => {
  gov = await startFakeGov({ tls: false });
  port = new URL(gov.http).port;
});
afterAll(() => gov.stop());

const ctx = { location: 'test' };
const guarded = { allowPrivateNetwork: false };

/** A resolver that answers `answers[n]` on its n-th call (the last one after that). */
function scriptedLookup(...answers: string[][]): LookupFunction & { calls: number } {
  const lookup = ((_hostname, options, callback) => {
    const addresses = answers[Math.min(lookup.calls, answers.length - 1)] ?? [];
    lookup.calls += 1;
    const all: LookupAddress[] = addresses.map((address) => ({ address, family: address.includes(':') ? 6 : 4 }));
    if (options.all) callback(null, all);
    else callback(null, all[0]?.address ?? '', all[0]?.family ?? 4);
  }) as LookupFunction & { calls: number };
  lookup.calls = 0;
  return lookup;
}

/** Only 127.0.0.1 itself passes for public: lets a test reach the fake, then be refused elsewhere. */
const loopbackIsPublic = (address: string) => (address === '127.0.0.1' ? null : unsafeAddressReason(address));

describe('SSRF guard at connect time', () => {
  it('refuses the fake government itself unless the service allows private networks', async () => {
    gov.set('private', b.up());
    const check = createChecker({ userAgent: 'test' });
    const refused = await check(fakeService('private', gov.url('private'), guarded), ctx);
    expect(refused).toMatchObject({ outcome: 'unsafe_target', httpStatus: null });
    expect(refused.detail).toContain('loopback');
    expect(gov.hits('private')).toBe(0);
    expect((await check(fakeService('private', gov.url('private')), ctx)).outcome).toBe('ok');
  });

  it.each([
    ['2130706433', true],
    ['0177.0.0.1', true],
    ['0x7f.1', true],
    ['0x7f000001', true],
    ['127.1', true],
    ['127.0.1', true],
    ['[::ffff:127.0.0.1]', true],
    ['[::ffff:7f00:1]', true],
    ['localhost', true],
    ['[::1]', false],
    ['[64:ff9b::7f00:1]', false],
  ])('refuses http://%s:PORT/ before connecting', async (host, reachable) => {
    const name = `spelling-${host.replace(/[^a-z0-9]/gi, '')}`;
    gov.set(name, b.up());
    const url = `http://${host}:${port}/svc/${name}`;
    const check = createChecker({ userAgent: 'test' });
    const result = await check(fakeService(name, url, guarded), ctx);
    expect(result.outcome).toBe('unsafe_target');
    expect(gov.hits(name)).toBe(0);
    if (reachable) {
      // The same spelling does reach the fake when allowed: the refusal above was the guard's.
      expect((await check(fakeService(name, url), ctx)).outcome).toBe('ok');
      expect(gov.hits(name)).toBe(1);
    }
  });

  it('checks the address a public-looking name resolves to, when connecting', async () => {
    gov.set('public-name', b.up());
    const lookup = scriptedLookup(['127.0.0.1']);
    const result = await createChecker({ userAgent: 'test', lookup })(
      fakeService('public-name', `http://public.test:${port}/svc/public-name`, guarded),
      ctx,
    );
    expect(result.outcome).toBe('unsafe_target');
    expect(result.detail).toContain('127.0.0.1');
    expect(lookup.calls).toBe(1);
    expect(gov.hits('public-name')).toBe(0);
  });

  it('refuses a name when any one of its addresses is unsafe', async () => {
    gov.set('mixed', b.up());
    const lookup = scriptedLookup(['127.0.0.1', '8.8.8.8']);
    const result = await createChecker({ userAgent: 'test', lookup })(
      fakeService('mixed', `http://public.test:${port}/svc/mixed`, guarded),
      ctx,
    );
    expect(result.outcome).toBe('unsafe_target');
    expect(gov.hits('mixed')).toBe(0);
  });

  it('catches DNS rebinding: the next check re-resolves and is refused', async () => {
    gov.set('rebind', b.up());
    const lookup = scriptedLookup(['127.0.0.1'], ['::ffff:127.0.0.1']);
    const check = createChecker({ userAgent: 'test', lookup, addressPolicy: loopbackIsPublic });
    const service = fakeService('rebind', `http://public.test:${port}/svc/rebind`, guarded);
    expect((await check(service, ctx)).outcome).toBe('ok');
    const second = await check(service, ctx);
    expect(second.outcome).toBe('unsafe_target');
    expect(second.detail).toContain('::ffff:127.0.0.1');
    expect(lookup.calls).toBe(2);
    expect(gov.hits('rebind')).toBe(1);
  });

  it('lets a canary reach its own private address, but not a private address it redirects to', async () => {
    gov.set('canary', b.redirectTo(`http://[::ffff:127.0.0.1]:${port}/svc/behind-canary`));
    gov.set('behind-canary', b.up());
    const check = createChecker({ userAgent: 'test' });
    const own = await check(
      fakeService('canary-own', `http://127.0.0.1:${port}/svc/behind-canary`, { allowPrivateNetwork: 'own-host' }),
      ctx,
    );
    expect(own.outcome).toBe('ok');
    const redirected = await check(fakeService('canary', `http://localhost:${port}/svc/canary`, { allowPrivateNetwork: 'own-host' }), ctx);
    expect(redirected).toMatchObject({ outcome: 'unsafe_target', finalUrl: `http://[::ffff:7f00:1]:${port}/svc/behind-canary` });
    expect(gov.hits('behind-canary')).toBe(1);
  });

  it('re-validates every redirect hop: a redirect to a private address is refused', async () => {
    const target = `http://[::ffff:127.0.0.1]:${port}/svc/inside`;
    gov.set('outside', b.redirectTo(target));
    gov.set('inside', b.up());
    const check = createChecker({ userAgent: 'test', lookup: scriptedLookup(['127.0.0.1']), addressPolicy: loopbackIsPublic });
    const url = `http://public.test:${port}/svc/outside`;
    const refused = await check(fakeService('outside', url, guarded), ctx);
    expect(refused).toMatchObject({ outcome: 'unsafe_target', finalUrl: `http://[::ffff:7f00:1]:${port}/svc/inside` });
    expect(gov.hits('outside')).toBe(1);
    expect(gov.hits('inside')).toBe(0);

    const allowed = await check(fakeService('outside', url), ctx);
    expect(allowed.outcome).toBe('ok');
    expect(gov.hits('inside')).toBe(1);
  });

  it('re-validates a redirect to a name that resolves to a private address', async () => {
    gov.set('to-name', b.redirectTo(`http://intranet.test:${port}/svc/intranet`));
    gov.set('intranet', b.up());
    const lookup = scriptedLookup(['127.0.0.1'], ['::ffff:127.0.0.1']);
    const check = createChecker({ userAgent: 'test', lookup, addressPolicy: loopbackIsPublic });
    const result = await check(fakeService('to-name', `http://public.test:${port}/svc/to-name`, guarded), ctx);
    expect(result.outcome).toBe('unsafe_target');
    expect(lookup.calls).toBe(2);
    expect(gov.hits('intranet')).toBe(0);
  });

  it('a policy that throws refuses the target instead of crashing the probe', async () => {
    gov.set('broken-policy', b.up());
    const addressPolicy = () => {
      throw new Error('policy broke');
    };
    for (const url of [`http://public.test:${port}/svc/broken-policy`, gov.url('broken-policy')]) {
      const check = createChecker({ userAgent: 'test', lookup: scriptedLookup(['127.0.0.1']), addressPolicy });
      const result = await check(fakeService('broken-policy', url, guarded), ctx);
      expect(result).toMatchObject({ outcome: 'unsafe_target' });
      expect(result.detail).toContain('policy broke');
    }
    expect(gov.hits('broken-policy')).toBe(0);
  });
});
