import { lookup as dnsLookup } from 'node:dns';
import { isIP, type LookupFunction, type Socket } from 'node:net';
import { type SecureContext, TLSSocket } from 'node:tls';
import { Agent, buildConnector } from 'undici';
import type { AddressPolicy } from './address-policy.ts';
import { certificateFacts, refusedCertificate } from './tls-facts.ts';

/**
 * The dispatcher one check uses. The SSRF guard lives here, at connect time: every address a name
 * resolves to is checked before any socket opens, so a name that re-resolves to a private address
 * between two requests (DNS rebinding) or a redirect to one is caught on the hop that would use it.
 * It also reads the peer certificate's expiry and issuer, including when the certificate is refused
 * (the socket is then destroyed before any byte of the request is sent).
 */

export interface ConnectionRecord {
  tlsExpiresAt: Date | null;
  /** Set when a certificate was read. */
  tlsIssuer?: string | null;
}

export interface GuardedAgentOptions {
  /** Null when the service may reach private networks. */
  policy: AddressPolicy | null;
  lookup: LookupFunction | undefined;
  /** Built once per checker: parsing the root store for every connection costs more than the check. */
  secureContext: SecureContext | undefined;
  connectTimeoutMs: number;
  record: ConnectionRecord;
  /** Local address connections leave from (a multi-homed host's vantage point); default: the system's choice. */
  localAddress?: string;
}

/** Code our own connector gives to a refused address, so it survives undici's wrapping. */
export const UNSAFE_TARGET_CODE = 'VIGIE_UNSAFE_TARGET';

export function unsafeTargetError(host: string, address: string, reason: string): Error {
  const error = new Error(`refused to connect to ${address} (${reason}) for ${host}`);
  return Object.assign(error, { code: UNSAFE_TARGET_CODE });
}

/** Resolves every address, refuses them all if any one is unsafe, then answers in the asked form. */
export function guardedLookup(base: LookupFunction, policy: AddressPolicy | null): LookupFunction {
  return (hostname, options, callback) => {
    base(hostname, { ...options, all: true }, (error, result, family) => {
      if (error) return callback(error, '', 0);
      const all = typeof result === 'string' ? [{ address: result, family: family ?? isIP(result) }] : result;
      const refused = policy === null ? undefined : all.find((a) => policy(a.address, hostname) !== null);
      if (refused !== undefined && policy !== null) {
        return callback(unsafeTargetError(hostname, refused.address, policy(refused.address, hostname) ?? ''), '', 0);
      }
      const first = all[0];
      if (first === undefined) return callback(Object.assign(new Error(`no address for ${hostname}`), { code: 'ENOTFOUND' }), '', 0);
      if (options.all) return callback(null, all);
      callback(null, first.address, first.family);
    });
  };
}

/** A policy that throws refuses (fails closed) instead of throwing inside a resolver callback. */
export function failClosed(policy: AddressPolicy | null): AddressPolicy | null {
  if (policy === null) return null;
  return (address, host) => {
    try {
      return policy(address, host);
    } catch (error) {
      return `address policy failed: ${error instanceof Error ? error.message : String(error)}`;
    }
  };
}

export function createGuardedAgent(options: GuardedAgentOptions): Agent {
  const { record } = options;
  const policy = failClosed(options.policy);
  const base = buildConnector({
    lookup: guardedLookup(options.lookup ?? (dnsLookup as LookupFunction), policy),
    timeout: options.connectTimeoutMs,
    allowH2: false,
    rejectUnauthorized: false,
    ...(options.secureContext === undefined ? {} : { secureContext: options.secureContext }),
  });
  const connect: buildConnector.connector = (target, callback) => {
    const reason = policy !== null && isIP(target.hostname) ? policy(target.hostname, target.hostname) : null;
    if (reason !== null) {
      callback(unsafeTargetError(target.hostname, target.hostname, reason), null);
      return;
    }
    base(target, (error, socket) => {
      if (error || socket === null) return callback(error ?? new Error('connect failed'), null);
      const failure = checkConnected(socket, target, policy, record);
      if (failure === null) return callback(null, socket);
      socket.destroy();
      callback(failure, null);
    });
  };
  return new Agent({
    connect,
    headersTimeout: 0,
    bodyTimeout: 0,
    keepAliveTimeout: 1000,
    ...(options.localAddress === undefined ? {} : { localAddress: options.localAddress }),
  });
}

/** The address actually connected is checked again: lookups are not the only way to reach a host. */
function checkConnected(
  socket: Socket,
  target: buildConnector.Options,
  policy: AddressPolicy | null,
  record: ConnectionRecord,
): Error | null {
  const remote = socket.remoteAddress ?? '';
  const reason = policy === null ? null : policy(remote, target.hostname);
  if (reason !== null) return unsafeTargetError(target.hostname, remote, reason);
  if (!(socket instanceof TLSSocket)) return null;
  const facts = certificateFacts(socket);
  record.tlsExpiresAt = facts.expiresAt;
  record.tlsIssuer = facts.issuer;
  return refusedCertificate(socket);
}
