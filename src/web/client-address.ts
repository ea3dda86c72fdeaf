import { isIPv6 } from 'node:net';
import { ipv6Bytes } from '../net/address-policy.ts';

/**
 * The address a request came from: the socket's peer, unless that peer is one of our own
 * proxies (settings VIGIE_TRUSTED_PROXIES), in which case X-Forwarded-For is read from the
 * right, skipping our proxies, so a client cannot choose its address by sending the header.
 */
export function clientAddress(socketAddress: string, forwardedFor: string | null, trustedProxies: readonly string[]): string {
  const peer = normalizeAddress(socketAddress);
  const trusted = new Set(trustedProxies.map(normalizeAddress));
  if (!trusted.has(peer) || !forwardedFor) return peer;
  const hops = forwardedFor
    .split(',')
    .map((h) => normalizeAddress(h.trim()))
    .filter(Boolean);
  for (let i = hops.length - 1; i >= 0; i--) {
    const hop = hops[i];
    if (hop && !trusted.has(hop)) return hop;
  }
  return peer;
}

/**
 * The socket's peer as Astro gives it, or null when the client hung up before its request was
 * handled: Astro's getter then throws `ClientAddressNotAvailable`, which was logged as an error.
 */
export function peerOf(request: { readonly clientAddress: string }): string | null {
  try {
    return request.clientAddress;
  } catch {
    return null;
  }
}

/**
 * `::ffff:10.0.0.1` and `10.0.0.1` are the same client; a proxy writing `10.0.0.1:51234` or
 * `[2001:db8::1]:443` names the client, not the connection, so the port goes.
 */
function normalizeAddress(address: string): string {
  let lower = address.trim().toLowerCase();
  const bracketed = /^\[([0-9a-f:.]+)(?:%[^\]]*)?\](?::\d+)?$/.exec(lower);
  if (bracketed?.[1]) lower = bracketed[1];
  else if (/^[\d.]+:\d+$/.test(lower)) lower = lower.slice(0, lower.indexOf(':'));
  lower = withoutZone(lower);
  if (!lower.startsWith('::ffff:') || !isIPv6(lower)) return lower;
  // `::ffff:203.0.113.77` and `::ffff:cb00:714d` are both that IPv4 client.
  const bytes = ipv6Bytes(lower);
  const mapped = bytes.slice(0, 10).every((b) => b === 0) && bytes[10] === 0xff && bytes[11] === 0xff;
  return mapped ? bytes.slice(12).join('.') : lower;
}

/**
 * Who the sign-in throttle counts: an IPv4 address, or the /64 an IPv6 address belongs to (one
 * subscriber gets a whole /64, so counting single IPv6 addresses would give them 2^64 fresh keys).
 */
export function throttleSubject(address: string): string {
  return isIPv6(address) ? ipv6Prefix(address, 64) : address;
}

/** The /48 an IPv6 address belongs to (what one site is usually given), or null for IPv4. */
export function networkSubject(address: string): string | null {
  return isIPv6(address) ? ipv6Prefix(address, 48) : null;
}

function ipv6Prefix(address: string, bits: 48 | 64): string {
  const bytes = ipv6Bytes(withoutZone(address));
  const groups = Array.from({ length: bits / 16 }, (_, i) => ((bytes[i * 2]! << 8) | bytes[i * 2 + 1]!).toString(16));
  return `${groups.join(':')}::/${bits}`;
}

/** `fe80::1%eth0`: the zone names an interface of the proxy's host, not a client. */
function withoutZone(address: string): string {
  const zone = address.indexOf('%');
  return zone < 0 ? address : address.slice(0, zone);
}
