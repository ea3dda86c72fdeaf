import { describe, expect, it } from 'vitest';
import { webhookAddressPolicy } from '../../src/notify/webhook-address-policy.ts';

describe('webhook address policy', () => {
  const policy = webhookAddressPolicy(['127.0.0.1', 'Hooks.Internal', '[::1]']);
  it.each([
    { host: 'hooks.example.fr', address: '93.184.216.34', allowed: true },
    { host: 'hooks.example.fr', address: '10.0.0.5', allowed: false },
    { host: 'localhost', address: '127.0.0.1', allowed: false },
    { host: '127.0.0.2', address: '127.0.0.2', allowed: false },
    { host: '127.0.0.1', address: '127.0.0.1', allowed: true },
    { host: 'hooks.internal', address: '10.0.0.5', allowed: true },
    { host: 'HOOKS.INTERNAL', address: '10.0.0.5', allowed: true },
    { host: '[::1]', address: '::1', allowed: true },
    { host: 'evil.hooks.internal', address: '10.0.0.5', allowed: false },
  ])('$host at $address: allowed $allowed', ({ host, address, allowed }) => {
    expect(policy(address, host) === null).toBe(allowed);
  });

  it('is the plain SSRF guard when the operator lists no host', () => {
    expect(webhookAddressPolicy([])('127.0.0.1', '127.0.0.1')).toMatch(/loopback/i);
  });
});
