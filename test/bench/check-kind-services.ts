import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { ServiceConfig } from '../../src/config/services-schema.ts';

/**
 * The DNS and TCP services of `bench:probe`'s `dns` and `tcp` phases: the same catalogue as the
 * HTTP phases (one host name per service, resolved to loopback), checked by another kind, so the
 * CPU per check of each kind is read next to HTTP's in the same run.
 */
const root = fileURLToPath(new URL('../../', import.meta.url));

export type BenchKind = 'dns' | 'tcp';

export function kindServices(base: ServiceConfig[], kind: BenchKind, target: { port: number; resolver: string }): ServiceConfig[] {
  return base.map((service) => {
    const host = new URL(service.url).hostname;
    const check: ServiceConfig['check'] =
      kind === 'dns'
        ? { kind: 'dns', name: host, record: 'A', resolvers: [target.resolver], byLocation: {}, expect: null }
        : { kind: 'tcp', host, port: target.port, tls: false, serverName: null };
    return { ...service, check };
  });
}

/** An authoritative DNS server in its own process, answering every name with a loopback address. */
export async function startDnsProcess(): Promise<{ address: string; stop: () => void }> {
  const code = `import { startDnsServer, answer } from ${JSON.stringify(`${root}test/probe/check/support/dns-server.ts`)};
    const dns = await startDnsServer({ fallback: answer({ a: ['127.0.0.1'] }) }); console.log(dns.address);`;
  const child = spawn(process.execPath, ['--input-type=module', '-e', code], { stdio: ['ignore', 'pipe', 'inherit'] });
  const address = await new Promise<string>((resolve) => child.stdout.once('data', (d) => resolve(String(d).trim())));
  return { address, stop: () => child.kill('SIGTERM') };
}
