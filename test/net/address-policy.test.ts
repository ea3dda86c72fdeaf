import { describe, expect, it } from 'vitest';
import { embeddedIpv4, unsafeAddressReason } from '../../src/net/address-policy.ts';

/** What a URL's host becomes once WHATWG URL parsing (what fetch does) has normalised it. */
const hostOf = (url: string) => new URL(url).hostname;

describe('unsafeAddressReason', () => {
  it.each([
    ['127.0.0.1', 'loopback'],
    ['127.255.255.254', 'loopback'],
    ['10.1.2.3', 'private'],
    ['172.16.0.1', 'private'],
    ['172.31.255.255', 'private'],
    ['192.168.1.1', 'private'],
    ['169.254.10.10', 'link-local'],
    ['169.254.169.254', 'cloud metadata'],
    ['100.64.0.1', 'carrier-grade NAT'],
    ['100.127.255.255', 'carrier-grade NAT'],
    ['0.0.0.0', 'unspecified'],
    ['224.0.0.251', 'multicast'],
    ['239.255.255.250', 'multicast'],
    ['255.255.255.255', 'broadcast'],
    ['240.0.0.1', 'reserved'],
    ['::1', 'loopback'],
    ['::', 'unspecified'],
    ['fe80::1', 'link-local'],
    ['febf::1', 'link-local'],
    ['fc00::1', 'unique-local'],
    ['fd12:3456::1', 'unique-local'],
    ['fd00:ec2::254', 'cloud metadata'],
    ['ff02::1', 'multicast'],
    ['::ffff:127.0.0.1', 'loopback (embedded in IPv6)'],
    ['::ffff:7f00:1', 'loopback (embedded in IPv6)'],
    ['::ffff:169.254.169.254', 'cloud metadata (embedded in IPv6)'],
    ['::ffff:10.0.0.1', 'private (embedded in IPv6)'],
    ['64:ff9b::127.0.0.1', 'loopback (embedded in IPv6)'],
    ['64:ff9b::a9fe:a9fe', 'cloud metadata (embedded in IPv6)'],
    ['64:ff9b::192.168.0.1', 'private (embedded in IPv6)'],
    ['64:ff9b:1::1', 'local NAT64'],
    ['2002:7f00:1::', 'loopback (embedded in IPv6)'],
    ['2002:c0a8:101::1', 'private (embedded in IPv6)'],
    ['::127.0.0.1', 'loopback (embedded in IPv6)'],
    ['[::1]', 'loopback'],
    ['fe80::1%eth0', 'link-local'],
    // The rest of IANA's special-purpose registries.
    ['192.88.99.1', '6to4 relay anycast'],
    ['192.31.196.1', 'AS112 service'],
    ['192.52.193.1', 'AMT relay anycast'],
    ['192.175.48.1', 'AS112 direct delegation'],
    ['2001::1', 'IETF protocol assignments'],
    ['2001:0:4136:e378:8000:63bf:3fff:fdd2', 'IETF protocol assignments'],
    ['2001:2::1', 'IETF protocol assignments'],
    ['2001:10::1', 'IETF protocol assignments'],
    ['2001:1ff::1', 'IETF protocol assignments'],
    ['3fff::1', 'documentation'],
    ['3fff:fff::1', 'documentation'],
    ['100:0:0:1::1', 'dummy prefix'],
    ['2620:4f:8000::1', 'AS112 direct delegation'],
    ['5f00::1', 'segment routing (SRv6) SIDs'],
    ['::ffff:127.0.0.1%lo', 'loopback (embedded in IPv6)'],
  ])('refuses %s (%s)', (address, reason) => {
    expect(unsafeAddressReason(address)).toBe(reason);
  });

  it.each([
    '8.8.8.8',
    '1.1.1.1',
    '185.24.184.1',
    '100.63.255.255',
    '100.128.0.0',
    '172.15.255.255',
    '172.32.0.0',
    '169.253.255.255',
    '11.0.0.1',
    '2606:4700:4700::1111',
    '2001:200::1',
    '3fff:1000::1',
    '2a01:e0a:1::1',
    '::ffff:8.8.8.8',
    '64:ff9b::808:808',
    '2002:808:808::1',
    '2606:4700::1%1',
  ])('allows the public address %s', (address) => {
    expect(unsafeAddressReason(address)).toBeNull();
  });

  it('treats something that is not an IP address as unsafe', () => {
    expect(unsafeAddressReason('localhost')).toBe('not an IP address');
    expect(unsafeAddressReason('')).toBe('not an IP address');
  });
});

describe('numeric spellings of loopback in URLs', () => {
  it.each([
    ['http://127.0.0.1/', '127.0.0.1'],
    ['http://2130706433/', '127.0.0.1'],
    ['http://0177.0.0.1/', '127.0.0.1'],
    ['http://0x7f.1/', '127.0.0.1'],
    ['http://0x7f000001/', '127.0.0.1'],
    ['http://127.1/', '127.0.0.1'],
    ['http://127.0.1/', '127.0.0.1'],
    ['http://017700000001/', '127.0.0.1'],
    ['http://0x7F.0.0.1/', '127.0.0.1'],
    ['http://[::ffff:127.0.0.1]/', '[::ffff:7f00:1]'],
    ['http://[0:0:0:0:0:ffff:7f00:1]/', '[::ffff:7f00:1]'],
    ['http://[::1]/', '[::1]'],
    ['http://[0000::1]/', '[::1]'],
    ['http://[64:ff9b::7f00:1]/', '[64:ff9b::7f00:1]'],
    ['http://0251.0376.0251.0376/', '169.254.169.254'],
    ['http://2852039166/', '169.254.169.254'],
    ['http://0/', '0.0.0.0'],
    ['http://0.0.0.0/', '0.0.0.0'],
    ['http://[::]/', '[::]'],
    ['http://127.0.0.1./', '127.0.0.1'],
    ['http://127.000.000.001/', '127.0.0.1'],
    ['http://0x7f.0x0.0x0.0x1/', '127.0.0.1'],
    ['http://0x7f.1./', '127.0.0.1'],
    ['http://0000000000177.1/', '127.0.0.1'],
    ['http://\u2460\u2461\u2466.0.0.1/', '127.0.0.1'],
    ['http://127\u30020\u30020\u30021/', '127.0.0.1'],
    ['http://public.example@127.0.0.1/', '127.0.0.1'],
    ['http://[::ffff:0:127.0.0.1]/', '[::ffff:0:7f00:1]'],
  ])('%s is normalised to %s and refused', (url, host) => {
    expect(hostOf(url)).toBe(host);
    expect(unsafeAddressReason(hostOf(url))).not.toBeNull();
  });
});

describe('embeddedIpv4', () => {
  it.each([
    ['::ffff:1.2.3.4', '1.2.3.4'],
    ['::ffff:0:1.2.3.4', '1.2.3.4'],
    ['64:ff9b::102:304', '1.2.3.4'],
    ['2002:102:304::', '1.2.3.4'],
    ['2606:4700::1', null],
  ])('%s carries %s', (address, v4) => {
    expect(embeddedIpv4(address)).toBe(v4);
  });
});
