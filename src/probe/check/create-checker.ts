import type { LookupFunction } from 'node:net';
import { createSecureContext, rootCertificates } from 'node:tls';
import ky from 'ky';
import { fetch as undiciFetch, type Agent } from 'undici';
import type { ServiceConfig } from '../../config/services-schema.ts';
import type { CheckResult } from '../../domain/records.ts';
import { type AddressPolicy, ownHostOnly, unsafeAddressReason } from '../../net/address-policy.ts';
import { classifyError, type ErrorClassification } from './classify-error.ts';
import { classifyResponse } from './classify-response.ts';
import { followRedirects, type HopTrail } from './follow-redirects.ts';
import { createGuardedAgent, type ConnectionRecord } from '../../net/guarded-agent.ts';
import { readCappedBody } from './read-body.ts';
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
  /** Local address every check leaves from (settings VIGIE_PROBE_SOURCE_ADDRESS). */
  localAddress?: string;
}

const MIB = 1024 * 1024;

type Measured = Partial<CheckResult> & Pick<CheckResult, 'outcome'>;

interface Exchange {
  service: ServiceConfig;
  trail: HopTrail;
  dispatcher: Agent;
  signal: AbortSignal;
  startedAtMs: number;
}

/**
 * One request per check with its own connection pool: every check measures a fresh DNS lookup,
 * connect and TLS handshake (as a citizen's first visit does) and re-applies the address policy.
 * One deadline covers everything from DNS to the last body byte.
 */
export function createChecker(options: CheckerOptions): Checker {
  const maxBodyBytes = options.maxBodyBytes ?? MIB;
  const maxRedirects = options.maxRedirects ?? 5;
  const clock = options.clock ?? Date.now;
  const addressPolicy = options.addressPolicy ?? unsafeAddressReason;
  const secureContext = options.extraCa === undefined ? undefined : createSecureContext({ ca: [...rootCertificates, options.extraCa] });

  /** Redirects, then the capped body, then the verdict; anything thrown is left to the caller. */
  async function exchange({ service, trail, dispatcher, signal, startedAtMs }: Exchange): Promise<Measured> {
    const followed = await followRedirects(trail, maxRedirects, (url) =>
      request(url, { dispatcher, signal, userAgent: options.userAgent }),
    );
    if (followed.kind === 'redirect_error') {
      return { outcome: 'redirect_error', detail: followed.detail, httpStatus: followed.status };
    }
    const { response } = followed;
    const body = await readCappedBody(response, maxBodyBytes);
    const latencyMs = Math.max(0, clock() - startedAtMs);
    const verdict = classifyResponse(
      { status: response.status, headers: response.headers, body: body.text, tooLarge: body.tooLarge, latencyMs },
      service,
    );
    return { ...verdict, latencyMs, httpStatus: response.status };
  }

  return async (service, context) => {
    const startedAtMs = clock();
    const timeoutMs = Math.round(service.timeout * 1000);
    // Cleared when the check ends: AbortSignal.timeout would stay armed for the whole timeout
    // after a fast check, thousands of idle timers at 5,000 services.
    const deadlineController = new AbortController();
    const deadline = deadlineController.signal;
    const timer = setTimeout(() => deadlineController.abort(new DOMException('check deadline', 'TimeoutError')), timeoutMs);
    const signal = context.signal ? AbortSignal.any([deadline, context.signal]) : deadline;
    const trail: HopTrail = { url: service.url, redirects: 0 };
    const connection: ConnectionRecord = { tlsExpiresAt: null };
    let agent: Agent | undefined;
    let measured: Measured;
    try {
      agent = createGuardedAgent({
        policy: policyFor(service, addressPolicy),
        lookup: options.lookup,
        secureContext,
        connectTimeoutMs: timeoutMs,
        record: connection,
        localAddress: options.localAddress,
      });
      measured = await exchange({ service, trail, dispatcher: agent, signal, startedAtMs });
    } catch (error) {
      measured = explainFailure(error, deadline, context.signal, service);
    } finally {
      clearTimeout(timer);
      agent?.destroy().catch(() => undefined);
    }
    return {
      serviceId: service.id,
      location: context.location,
      startedAt: new Date(startedAtMs),
      latencyMs: Math.max(0, clock() - startedAtMs),
      httpStatus: null,
      finalUrl: trail.url,
      tlsExpiresAt: connection.tlsExpiresAt,
      detail: null,
      probeOffline: context.probeOffline ?? false,
      ...measured,
    };
  };
}

function policyFor(service: ServiceConfig, addressPolicy: AddressPolicy): AddressPolicy | null {
  if (service.allowPrivateNetwork === 'own-host') return ownHostOnly(service.url, addressPolicy);
  return service.allowPrivateNetwork ? null : addressPolicy;
}

/** The deadline and the probe's own cancellation win over whatever error they caused downstream. */
function explainFailure(
  error: unknown,
  deadline: AbortSignal,
  cancel: AbortSignal | undefined,
  service: ServiceConfig,
): ErrorClassification {
  if (deadline.aborted) return { outcome: 'timeout', detail: `no complete answer within ${service.timeout} s` };
  if (cancel?.aborted) return { outcome: 'timeout', detail: 'check cancelled by the probe before it finished' };
  return classifyError(error);
}

interface RequestOptions {
  dispatcher: Agent;
  signal: AbortSignal;
  userAgent: string;
}

/**
 * ky builds a global Request; the dispatcher belongs to the `undici` package, whose fetch must
 * carry it (Node's bundled fetch speaks an older dispatcher protocol), so the request is re-made.
 */
const fetchWithUndici = (input: Request, init?: RequestInit): Promise<Response> =>
  undiciFetch(input.url, {
    method: input.method,
    headers: [...input.headers],
    signal: input.signal,
    redirect: input.redirect,
    ...(init as object),
  }) as unknown as Promise<Response>;

function request(url: string, { dispatcher, signal, userAgent }: RequestOptions): Promise<Response> {
  return ky(url, {
    fetch: fetchWithUndici as (input: unknown, init?: RequestInit) => Promise<Response>,
    retry: 0,
    throwHttpErrors: false,
    timeout: false,
    redirect: 'manual',
    signal,
    headers: {
      'user-agent': userAgent,
      accept: 'text/html,application/xhtml+xml,*/*;q=0.8',
      // The catalogue's keywords are French, like the pages citizens get.
      'accept-language': 'fr-FR,fr;q=0.9,en;q=0.5',
    },
    dispatcher,
  } as Parameters<typeof ky>[1]);
}
