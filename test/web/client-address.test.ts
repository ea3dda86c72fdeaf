import { describe, expect, it } from 'vitest';
import { clientAddress, throttleSubject } from '../../src/web/client-address.ts';
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

  it('falls back to the peer when the header has only proxies', () => {
    expect(clientAddress('10.0.0.2', '10.0.0.2', ['10.0.0.2'])).toBe('10.0.0.2');
  });
});
