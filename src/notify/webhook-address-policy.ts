import { type AddressPolicy, unsafeAddressReason } from '../net/address-policy.ts';

/**
 * The SSRF guard for webhook targets. Only the exact hosts the operator listed in
 * `VIGIE_WEBHOOK_PRIVATE_HOSTS` may resolve to a private address (an internal receiver); a redirect
 * is never followed, so nothing else can ride on that exception.
 */
export function webhookAddressPolicy(privateHosts: readonly string[]): AddressPolicy {
  const allowed = new Set(privateHosts.map(bare));
  return (address, host) => (allowed.has(bare(host)) ? null : unsafeAddressReason(address));
}

function bare(host: string): string {
  return host.replace(/^\[|\]$/g, '').toLowerCase();
}
