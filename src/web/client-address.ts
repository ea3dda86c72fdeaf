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
 * `::ffff:10.0.0.1` and `10.0.0.1` are the same client; a proxy writing `10.0.0.1:51234` or
 * `[2001:db8::1]:443` names the client, not the connection, so the port goes.
 */
function normalizeAddress(address: string): string {
  let lower = address.trim().toLowerCase();
  const bracketed = /^\[([0-9a-f:.]+)\](?::\d+)?$/.exec(lower);
  if (bracketed?.[1]) lower = bracketed[1];
  else if (/^[\d.]+:\d+$/.test(lower)) lower = lower.slice(0, lower.indexOf(':'));
  return lower.startsWith('::ffff:') && lower.includes('.') ? lower.slice(7) : lower;
}

/**
 * Who the sign-in throttle counts: an IPv4 address, or the /64 an IPv6 address belongs to (one
 * subscriber gets a whole /64, so counting single IPv6 addresses would give them 2^64 fresh keys).
 */
export function throttleSubject(address: string): string {
  if (!isIPv6(address)) return address;
  const bytes = ipv6Bytes(address);
  const groups = Array.from({ length: 4 }, (_, i) => ((bytes[i * 2]! << 8) | bytes[i * 2 + 1]!).toString(16));
  return `${groups.join(':')}::/64`;
}
