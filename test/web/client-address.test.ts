import { describe, expect, it } from 'vitest';
import { clientAddress, networkSubject, peerOf, throttleSubject } from '../../src/web/client-address.ts';
import { addressKey } from '../../src/admin/throttle.ts';

describe('client address', () => {
  it('is the socket peer when no proxy is trusted, whatever X-Forwarded-For says', () => {
    expect(clientAddress('198.51.100.7', '203.0.113.9', [])).toBe('198.51.100.7');
  });

  it('ignores X-Forwarded-For from a peer that is not a listed proxy', () => {
    expect(clientAddress('198.51.100.7', '203.0.113.9', ['10.0.0.2'])).toBe('198.51.100.7');
  });

  it('reads X-Forwarded-For from the right, skipping trusted proxies, when the peer is one', () => {
    expect(clientAddress('10.0.0.2', '203.0.113.9', ['10.0.0.2'])).toBe('203.0.113.9');
    // A client-supplied first hop cannot pick the address: the rightmost untrusted hop wins.
    expect(clientAddress('10.0.0.2', '1.2.3.4, 203.0.113.9, 10.0.0.3', ['10.0.0.2', '10.0.0.3'])).toBe('203.0.113.9');
  });

  it('treats IPv4-mapped IPv6 and plain IPv4 as the same address', () => {
    expect(clientAddress('::ffff:10.0.0.2', '203.0.113.9', ['10.0.0.2'])).toBe('203.0.113.9');
    expect(clientAddress('::ffff:198.51.100.7', null, [])).toBe('198.51.100.7');
  });

  it('drops the port a proxy may write after the address', () => {
    expect(clientAddress('10.0.0.2', '203.0.113.9:51234', ['10.0.0.2'])).toBe('203.0.113.9');
    expect(clientAddress('10.0.0.2', '[2001:db8::1]:443', ['10.0.0.2'])).toBe('2001:db8::1');
    expect(clientAddress('10.0.0.2', '[2001:db8::1]', ['10.0.0.2'])).toBe('2001:db8::1');
    expect(clientAddress('10.0.0.2', '2001:db8::1', ['10.0.0.2'])).toBe('2001:db8::1');
  });

  it('throttles IPv6 clients by /64, IPv4 clients by address', () => {
    expect(throttleSubject('2001:db8:1:2:aaaa::1')).toBe('2001:db8:1:2::/64');
    expect(throttleSubject('2001:db8:1:2:ffff:ffff:ffff:ffff')).toBe('2001:db8:1:2::/64');
    expect(throttleSubject('2001:db8:1:3::1')).toBe('2001:db8:1:3::/64');
    expect(throttleSubject('203.0.113.9')).toBe('203.0.113.9');
    expect(addressKey('2001:db8::1')).toBe(addressKey('2001:db8::2'));
  });

  it('counts IPv6 clients by /48 too, above their /64, and IPv4 clients not at all there', () => {
    expect(networkSubject('2001:db8:a3:1::1')).toBe('2001:db8:a3::/48');
    expect(networkSubject('2001:db8:a3:ffff::1')).toBe('2001:db8:a3::/48');
    expect(networkSubject('203.0.113.9')).toBeNull();
  });

  it('reads a zoned address a proxy forwards as the address without its zone, never throwing', () => {
    expect(clientAddress('10.0.0.2', 'fe80::1%eth0', ['10.0.0.2'])).toBe('fe80::1');
    expect(clientAddress('10.0.0.2', '[fe80::1%eth0]:443', ['10.0.0.2'])).toBe('fe80::1');
    expect(throttleSubject('fe80::1%eth0')).toBe('fe80:0:0:0::/64');
  });

  it('folds an IPv4-mapped address written in hex to its IPv4 address', () => {
    expect(clientAddress('10.0.0.2', '::ffff:cb00:714d', ['10.0.0.2'])).toBe('203.0.113.77');
    expect(clientAddress('::ffff:cb00:714d', null, [])).toBe('203.0.113.77');
    expect(clientAddress('10.0.0.2', '::ffff:0:cb00:714d', ['10.0.0.2'])).toBe('::ffff:0:cb00:714d');
  });

  it('reads a hung-up client’s missing address as null instead of throwing', () => {
    const gone = {
      get clientAddress(): string {
        throw new Error('ClientAddressNotAvailable');
      },
    };
    expect(peerOf(gone)).toBeNull();
    expect(peerOf({ clientAddress: '198.51.100.7' })).toBe('198.51.100.7');
  });

  it('falls back to the peer when the header has only proxies', () => {
    expect(clientAddress('10.0.0.2', '10.0.0.2', ['10.0.0.2'])).toBe('10.0.0.2');
  });
});
