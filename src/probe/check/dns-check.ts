import { Resolver } from 'node:dns/promises';
import { isIPv6 } from 'node:net';
import { resolverParts } from '../../config/check-schema.ts';
import type { DnsRecordType, ServiceCheck } from '../../config/service-check.ts';
import type { CheckEnv, KindCheck } from './check-env.ts';
import { classifyDnsAnswers, classifyDnsError } from './classify-dns.ts';

/**
 * The DNS check: one question to the resolvers of this location (the catalogue's, or the
 * system's), asked from the probe's source address, with the check's deadline. A resolver per
 * check: its servers, timeout and source address are the check's own.
 */

type DnsCheck = Extract<ServiceCheck, { kind: 'dns' }>;

async function ask(resolver: Resolver, name: string, record: DnsRecordType): Promise<string[]> {
  switch (record) {
    case 'A':
      return resolver.resolve4(name);
    case 'AAAA':
      return resolver.resolve6(name);
    case 'CNAME':
      return resolver.resolveCname(name);
    case 'NS':
      return resolver.resolveNs(name);
    case 'MX':
      return (await resolver.resolveMx(name)).map((mx) => mx.exchange);
    case 'TXT':
      return (await resolver.resolveTxt(name)).map((chunks) => chunks.join(''));
  }
}

/** c-ares takes "1.2.3.4:53" and "[::1]:53". */
function serverText(text: string): string {
  const parts = resolverParts(text);
  if (parts === null) return text;
  return isIPv6(parts.address) ? `[${parts.address}]:${parts.port}` : `${parts.address}:${parts.port}`;
}

export function resolversAt(check: DnsCheck, location: string): string[] | null {
  return check.byLocation[location] ?? check.resolvers;
}

export function createDnsCheck(env: CheckEnv): KindCheck {
  return async (service, run) => {
    if (service.check?.kind !== 'dns') return { outcome: 'probe_error', detail: 'not a DNS check' };
    const check = service.check;
    const resolver = new Resolver({ timeout: run.timeoutMs, tries: 1 });
    const servers = resolversAt(check, run.location);
    if (servers !== null) resolver.setServers(servers.map(serverText));
    if (env.localAddress !== undefined) {
      if (isIPv6(env.localAddress)) resolver.setLocalAddress('0.0.0.0', env.localAddress);
      else resolver.setLocalAddress(env.localAddress);
    }
    const cancel = () => resolver.cancel();
    run.signal.addEventListener('abort', cancel, { once: true });
    try {
      const answers = await ask(resolver, check.name, check.record);
      const latencyMs = Math.max(0, env.clock() - run.startedAtMs);
      return { ...classifyDnsAnswers(answers, { ...check, latencyMs, slowMs: service.slowMs }), latencyMs };
    } catch (error) {
      const code = (error as { code?: unknown }).code;
      return classifyDnsError(typeof code === 'string' ? code : 'EUNKNOWN', check.record);
    } finally {
      run.signal.removeEventListener('abort', cancel);
    }
  };
}
