import { BlockList, isIPv4, isIPv6 } from 'node:net';

/**
 * Which IP addresses a probe must never contact on behalf of a catalogue entry (SSRF guard).
 * Pure: the connector asks it about every address it is about to connect to. The ranges are every
 * entry of IANA's IPv4 and IPv6 special-purpose address registries that is not a public unicast
 * destination (NAT64 64:ff9b::/96, 6to4 2002::/16, mapped and compatible addresses are judged by
 * the IPv4 address they carry), plus multicast and cloud metadata addresses.
 */

type Range = readonly [network: string, prefix: number, reason: string];

const IPV4_RANGES: readonly Range[] = [
  ['169.254.169.254', 32, 'cloud metadata'],
  ['0.0.0.0', 8, 'unspecified'],
  ['10.0.0.0', 8, 'private'],
  ['100.64.0.0', 10, 'carrier-grade NAT'],
  ['127.0.0.0', 8, 'loopback'],
  ['169.254.0.0', 16, 'link-local'],
  ['172.16.0.0', 12, 'private'],
  ['192.0.0.0', 24, 'IETF protocol assignments'],
  ['192.0.2.0', 24, 'documentation'],
  ['192.31.196.0', 24, 'AS112 service'],
  ['192.52.193.0', 24, 'AMT relay anycast'],
  ['192.88.99.0', 24, '6to4 relay anycast'],
  ['192.175.48.0', 24, 'AS112 direct delegation'],
  ['192.168.0.0', 16, 'private'],
  ['198.18.0.0', 15, 'benchmarking'],
  ['198.51.100.0', 24, 'documentation'],
  ['203.0.113.0', 24, 'documentation'],
  ['224.0.0.0', 4, 'multicast'],
  ['255.255.255.255', 32, 'broadcast'],
  ['240.0.0.0', 4, 'reserved'],
];

const IPV6_RANGES: readonly Range[] = [
  ['fd00:ec2::254', 128, 'cloud metadata'],
  ['::', 128, 'unspecified'],
  ['::1', 128, 'loopback'],
  ['fe80::', 10, 'link-local'],
  ['fec0::', 10, 'site-local'],
  ['fc00::', 7, 'unique-local'],
  ['ff00::', 8, 'multicast'],
  ['64:ff9b:1::', 48, 'local NAT64'],
  ['100::', 64, 'discard-only'],
  ['100:0:0:1::', 64, 'dummy prefix'],
  // Teredo (2001::/32), benchmarking, AMT, AS112, ORCHID, DRIP: protocol space, no web sites.
  ['2001::', 23, 'IETF protocol assignments'],
  ['2001:db8::', 32, 'documentation'],
  ['2620:4f:8000::', 48, 'AS112 direct delegation'],
  ['3fff::', 20, 'documentation'],
  ['5f00::', 16, 'segment routing (SRv6) SIDs'],
];

function buildLists(ranges: readonly Range[], family: 'ipv4' | 'ipv6'): [BlockList, string][] {
  return ranges.map(([network, prefix, reason]) => {
    const list = new BlockList();
    list.addSubnet(network, prefix, family);
    return [list, reason];
  });
}

const V4_LISTS = buildLists(IPV4_RANGES, 'ipv4');
const V6_LISTS = buildLists(IPV6_RANGES, 'ipv6');

/** Expands any valid IPv6 text (with or without an embedded dotted quad) to its 16 bytes. */
export function ipv6Bytes(address: string): Uint8Array {
  const canonical = new URL(`http://[${address}]/`).hostname.slice(1, -1);
  const [head = '', tail] = canonical.split('::');
  const parse = (part: string) => (part === '' ? [] : part.split(':').map((g) => parseInt(g, 16)));
  const left = parse(head);
  const right = tail === undefined ? [] : parse(tail);
  const groups = [...left, ...new Array<number>(8 - left.length - right.length).fill(0), ...right];
  const bytes = new Uint8Array(16);
  groups.forEach((group, i) => {
    bytes[i * 2] = group >> 8;
    bytes[i * 2 + 1] = group & 0xff;
  });
  return bytes;
}

const dottedQuad = (bytes: Uint8Array, from: number) => Array.from(bytes.subarray(from, from + 4)).join('.');
const allZero = (bytes: Uint8Array, from: number, to: number) => bytes.subarray(from, to).every((b) => b === 0);

/** The IPv4 address an IPv6 address carries (mapped, translated, NAT64, 6to4, compatible), if any. */
export function embeddedIpv4(address: string): string | null {
  const b = ipv6Bytes(address);
  if (allZero(b, 0, 10) && b[10] === 0xff && b[11] === 0xff) return dottedQuad(b, 12);
  if (allZero(b, 0, 8) && b[8] === 0xff && b[9] === 0xff && allZero(b, 10, 12)) return dottedQuad(b, 12);
  const nat64 = [0x00, 0x64, 0xff, 0x9b];
  if (nat64.every((v, i) => b[i] === v) && allZero(b, 4, 12)) return dottedQuad(b, 12);
  if (b[0] === 0x20 && b[1] === 0x02) return dottedQuad(b, 2);
  if (allZero(b, 0, 12)) return dottedQuad(b, 12);
  return null;
}

/** Why an address must not be contacted, or null when it is a public unicast address. Never throws. */
export function unsafeAddressReason(address: string): string | null {
  const unbracketed = address.startsWith('[') && address.endsWith(']') ? address.slice(1, -1) : address;
  // A zone id (fe80::1%eth0) names an interface, not a different address.
  const bare = unbracketed.split('%')[0] ?? '';
  if (isIPv4(bare)) {
    return V4_LISTS.find(([list]) => list.check(bare, 'ipv4'))?.[1] ?? null;
  }
  if (isIPv6(bare)) {
    const v6Reason = V6_LISTS.find(([list]) => list.check(bare, 'ipv6'))?.[1];
    if (v6Reason) return v6Reason;
    const v4 = embeddedIpv4(bare);
    const v4Reason = v4 === null ? null : unsafeAddressReason(v4);
    return v4Reason === null ? null : `${v4Reason} (embedded in IPv6)`;
  }
  return 'not an IP address';
}

/** How the connector asks whether it may connect to an address for a host name: why not, or null. */
export type AddressPolicy = (address: string, host: string) => string | null;

/**
 * For a service allowed on private networks (an internal service, a canary): its own host may
 * resolve anywhere, but whatever it redirects to is held to `policy` like any other check, so a
 * redirect cannot turn the probe against the network it runs in.
 */
export function ownHostOnly(serviceUrl: string, policy: AddressPolicy): AddressPolicy {
  const own = new URL(serviceUrl).hostname;
  return (address, host) => (host === own ? null : policy(address, host));
}
