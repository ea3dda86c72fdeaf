/**
 * The address a request came from: the socket's peer, unless that peer is one of our own
 * proxies (settings VIGIE_TRUSTED_PROXIES), in which case X-Forwarded-For is read from the
 * right, skipping our proxies, so a client cannot choose its address by sending the header.
 */
export function clientAddress(socketAddress: string, forwardedFor: string | null, trustedProxies: readonly string[]): string {
  const peer = normalizeAddress(socketAddress);
  const trusted = new Set(trustedProxies.map(normalizeAddress));
  if (!trusted.has(peer) || !forwardedFor) return peer;
  const hops = forwardedFor.split(',').map((h) => normalizeAddress(h.trim())).filter(Boolean);
  for (let i = hops.length - 1; i >= 0; i--) {
    const hop = hops[i];
    if (hop && !trusted.has(hop)) return hop;
  }
  return peer;
}

/** `::ffff:10.0.0.1` and `10.0.0.1` are the same client. */
function normalizeAddress(address: string): string {
  const lower = address.trim().toLowerCase();
  return lower.startsWith('::ffff:') && lower.includes('.') ? lower.slice(7) : lower;
}
