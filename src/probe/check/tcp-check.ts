import { lookup as dnsLookup } from 'node:dns';
import { connect as netConnect, isIP, type LookupFunction, type Socket } from 'node:net';
import { connect as tlsConnect, type TLSSocket } from 'node:tls';
import type { ServiceCheck } from '../../config/service-check.ts';
import type { CheckEnv, KindCheck, Measured } from './check-env.ts';
import { failClosed, guardedLookup, unsafeTargetError } from '../../net/guarded-agent.ts';
import { explainFailure, policyFor } from './http-check.ts';
import { certificateFacts, refusedCertificate } from '../../net/tls-facts.ts';

/**
 * The TCP check: connect to host:port (every address the host resolves to held to the SSRF
 * guard, like a web check), optionally complete a TLS handshake with SNI, then close. Latency is
 * the connection, handshake included. Refused, reset and timeout come from the socket's error
 * codes and the deadline (see `classify-error.ts`).
 */

type TcpCheck = Extract<ServiceCheck, { kind: 'tcp' }>;

function opened(socket: Socket, event: 'connect' | 'secureConnect', signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    const fail = (error: unknown) => reject(error instanceof Error ? error : new Error(String(error)));
    const abort = () => fail(signal.reason);
    if (signal.aborted) return abort();
    signal.addEventListener('abort', abort, { once: true });
    socket.once('error', fail);
    socket.once(event, () => {
      signal.removeEventListener('abort', abort);
      socket.off('error', fail);
      resolve();
    });
  });
}

export function createTcpCheck(env: CheckEnv): KindCheck {
  return async (service, run) => {
    if (service.check?.kind !== 'tcp') return { outcome: 'probe_error', detail: 'not a TCP check' };
    const check: TcpCheck = service.check;
    const policy = failClosed(policyFor(service, env.addressPolicy));
    const literal = isIP(check.host) !== 0;
    const refusal = policy !== null && literal ? policy(check.host, check.host) : null;
    if (refusal !== null) return { outcome: 'unsafe_target', detail: unsafeTargetError(check.host, check.host, refusal).message };
    const lookup = guardedLookup(env.lookup ?? (dnsLookup as LookupFunction), policy);
    const socket = netConnect({
      host: check.host,
      port: check.port,
      lookup,
      ...(env.localAddress ? { localAddress: env.localAddress } : {}),
    });
    // An error after the check has its answer (a reset while closing) must not become an uncaught one.
    socket.on('error', () => undefined);
    let tls: TLSSocket | null = null;
    try {
      await opened(socket, 'connect', run.signal);
      const remote = socket.remoteAddress ?? '';
      const late = policy === null ? null : policy(remote, check.host);
      if (late !== null) return { outcome: 'unsafe_target', detail: unsafeTargetError(check.host, remote, late).message };
      if (!check.tls) return measured(env, run.startedAtMs, service.slowMs, {});
      tls = tlsConnect({
        socket,
        servername: check.serverName ?? (literal ? undefined : check.host),
        host: check.serverName ?? check.host,
        rejectUnauthorized: false,
        ...(env.secureContext ? { secureContext: env.secureContext } : {}),
      });
      tls.on('error', () => undefined);
      await opened(tls, 'secureConnect', run.signal);
      const facts = certificateFacts(tls);
      const certificate = { tlsExpiresAt: facts.expiresAt, tlsIssuer: facts.issuer };
      const refused = refusedCertificate(tls);
      if (refused !== null) return { ...explainFailure(refused, run, service.timeout), ...certificate };
      return measured(env, run.startedAtMs, service.slowMs, certificate);
    } catch (error) {
      return explainFailure(error, run, service.timeout);
    } finally {
      tls?.destroy();
      socket.destroy();
    }
  };
}

function measured(env: CheckEnv, startedAtMs: number, slowMs: number, extra: Partial<Measured>): Measured {
  const latencyMs = Math.max(0, env.clock() - startedAtMs);
  if (latencyMs > slowMs) return { outcome: 'slow', detail: `${Math.round(latencyMs)} ms, above ${slowMs} ms`, latencyMs, ...extra };
  return { outcome: 'ok', latencyMs, ...extra };
}
