import type { LookupFunction } from 'node:net';
import { createSecureContext, rootCertificates } from 'node:tls';
import { checkKindOf } from '../../config/service-check.ts';
import type { CheckKind } from '../../domain/vocabulary.ts';
import { type AddressPolicy, unsafeAddressReason } from '../../net/address-policy.ts';
import type { CheckEnv, CheckRun, KindCheck, Measured } from './check-env.ts';
import { createDnsCheck } from './dns-check.ts';
import { createHeartbeatCheck } from './heartbeat-check.ts';
import { createHttpCheck, explainFailure } from './http-check.ts';
import { createJourneyCheck } from './journey-check.ts';
import { createStatuspageCheck } from './statuspage-check.ts';
import { createTcpCheck } from './tcp-check.ts';
import type { Checker } from './types.ts';

export interface CheckerOptions {
  /** `Vigie-probe/<version> (+<public URL>)`: site owners can see who is knocking. */
  userAgent: string;
  /** DNS resolution; tests inject one to make a "public" name resolve to loopback. */
  lookup?: LookupFunction;
  /** Cap on the decompressed body. Default 1 MiB. */
  maxBodyBytes?: number;
  /** Default 5. */
  maxRedirects?: number;
  /** Epoch milliseconds. Default `Date.now`. */
  clock?: () => number;
  /** An extra trusted CA (PEM), added to the system roots: the fake government's test CA. */
  extraCa?: string | Buffer;
  /** Which addresses are off limits unless a service allows private networks. Default: the SSRF policy. */
  addressPolicy?: AddressPolicy;
  /** Local address every check leaves from (settings VIGIE_PROBE_SOURCE_ADDRESS), DNS queries included. */
  localAddress?: string;
  /** When a service last pushed a heartbeat (the store); without it a heartbeat check cannot be carried out. */
  lastBeat?: (serviceId: string) => Promise<Date | null>;
}

const MIB = 1024 * 1024;

/**
 * One check of one service, whatever its kind. Never throws: each kind turns what it meets into an
 * outcome, and anything a kind still throws is classified here. The deadline covers the whole check.
 */
export function createChecker(options: CheckerOptions): Checker {
  const env: CheckEnv = {
    userAgent: options.userAgent,
    lookup: options.lookup,
    maxBodyBytes: options.maxBodyBytes ?? MIB,
    maxRedirects: options.maxRedirects ?? 5,
    clock: options.clock ?? Date.now,
    addressPolicy: options.addressPolicy ?? unsafeAddressReason,
    secureContext: options.extraCa === undefined ? undefined : createSecureContext({ ca: [...rootCertificates, options.extraCa] }),
    localAddress: options.localAddress,
    lastBeat: options.lastBeat,
  };
  const kinds: Record<CheckKind, KindCheck> = {
    http: createHttpCheck(env),
    dns: createDnsCheck(env),
    tcp: createTcpCheck(env),
    journey: createJourneyCheck(env),
    heartbeat: createHeartbeatCheck(env),
    statuspage: createStatuspageCheck(env),
  };

  return async (service, context) => {
    const startedAtMs = env.clock();
    const timeoutMs = Math.round(service.timeout * 1000);
    // Cleared when the check ends: AbortSignal.timeout would stay armed for the whole timeout
    // after a fast check, thousands of idle timers at 5,000 services.
    const deadlineController = new AbortController();
    const deadline = deadlineController.signal;
    const timer = setTimeout(() => deadlineController.abort(new DOMException('check deadline', 'TimeoutError')), timeoutMs);
    const signal = context.signal ? AbortSignal.any([deadline, context.signal]) : deadline;
    const run: CheckRun = { location: context.location, startedAtMs, timeoutMs, signal, deadline };
    let measured: Measured;
    try {
      measured = await kinds[checkKindOf(service)](service, run);
    } catch (error) {
      measured = explainFailure(error, run, service.timeout);
    } finally {
      clearTimeout(timer);
    }
    return {
      serviceId: service.id,
      location: context.location,
      startedAt: new Date(startedAtMs),
      latencyMs: Math.max(0, env.clock() - startedAtMs),
      httpStatus: null,
      finalUrl: null,
      tlsExpiresAt: null,
      tlsIssuer: null,
      step: null,
      detail: null,
      probeOffline: context.probeOffline ?? false,
      ...measured,
    };
  };
}
