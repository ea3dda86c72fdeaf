import type { ServiceConfig } from '../../config/services-schema.ts';
import type { Agent } from 'undici';
import { NO_ASSERTIONS } from '../../config/service-check.ts';
import { ownHostOnly, type AddressPolicy } from '../../net/address-policy.ts';
import type { CheckEnv, CheckRun, KindCheck, Measured } from './check-env.ts';
import { classifyError } from './classify-error.ts';
import { classifyResponse } from './classify-response.ts';
import { followRedirects, type HopTrail } from './follow-redirects.ts';
import { createGuardedAgent, type ConnectionRecord } from '../../net/guarded-agent.ts';
import { request } from './http-request.ts';
import { readCappedBody } from './read-body.ts';

/**
 * The HTTP check: one request per check with its own connection pool, so every check measures a
 * fresh DNS lookup, connect and TLS handshake (as a citizen's first visit does) and re-applies the
 * address policy. One deadline covers everything from DNS to the last body byte.
 */

export function policyFor(service: ServiceConfig, addressPolicy: AddressPolicy): AddressPolicy | null {
  if (service.allowPrivateNetwork === 'own-host') return ownHostOnly(service.url, addressPolicy);
  return service.allowPrivateNetwork ? null : addressPolicy;
}

/** The connection pool of one check, held to the service's address policy, recording the certificate seen. */
export function checkAgent(env: CheckEnv, service: ServiceConfig, run: CheckRun, record: ConnectionRecord): Agent {
  return createGuardedAgent({
    policy: policyFor(service, env.addressPolicy),
    lookup: env.lookup,
    secureContext: env.secureContext,
    connectTimeoutMs: run.timeoutMs,
    record,
    localAddress: env.localAddress,
  });
}

/** The deadline and the probe's own cancellation win over whatever error they caused downstream. */
export function explainFailure(error: unknown, run: CheckRun, timeoutS: number): Measured {
  if (run.deadline.aborted) return { outcome: 'timeout', detail: `no complete answer within ${timeoutS} s` };
  if (run.signal.aborted) return { outcome: 'timeout', detail: 'check cancelled by the probe before it finished' };
  return classifyError(error);
}

export function createHttpCheck(env: CheckEnv): KindCheck {
  return async (service, run) => {
    const trail: HopTrail = { url: service.url, redirects: 0 };
    const connection: ConnectionRecord = { tlsExpiresAt: null, tlsIssuer: null };
    const dispatcher = checkAgent(env, service, run, connection);
    const certificate = () => ({ finalUrl: trail.url, tlsExpiresAt: connection.tlsExpiresAt, tlsIssuer: connection.tlsIssuer ?? null });
    try {
      const followed = await followRedirects(trail, env.maxRedirects, (url) =>
        request(url, { dispatcher, signal: run.signal, userAgent: env.userAgent }),
      );
      if (followed.kind === 'redirect_error') {
        return { outcome: 'redirect_error', detail: followed.detail, httpStatus: followed.status, ...certificate() };
      }
      const { response } = followed;
      const body = await readCappedBody(response, env.maxBodyBytes);
      const latencyMs = Math.max(0, env.clock() - run.startedAtMs);
      const verdict = classifyResponse(
        { status: response.status, headers: response.headers, body: body.text, tooLarge: body.tooLarge, latencyMs },
        { ...service, assertions: service.check?.kind === 'http' ? service.check.expect : NO_ASSERTIONS },
      );
      return { ...verdict, latencyMs, httpStatus: response.status, ...certificate() };
    } catch (error) {
      return { ...explainFailure(error, run, service.timeout), ...certificate() };
    } finally {
      dispatcher.destroy().catch(() => undefined);
    }
  };
}
