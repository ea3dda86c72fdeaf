import { createSocket, type RemoteInfo } from 'node:dgram';
import type { AddressInfo } from 'node:net';
import * as packet from 'dns-packet';

/**
 * A small authoritative DNS server on loopback UDP for the DNS check's tests. Each name gets an
 * answer, a DNS error (NXDOMAIN, SERVFAIL) or silence; an answer may depend on the address the
 * query comes from (127.0.0.2–4: the probe locations), like a resolver that answers differently
 * in France and abroad.
 */

export type DnsBehaviour =
  | { kind: 'answer'; a?: string[]; aaaa?: string[]; cname?: string; txt?: string[]; delayMs?: number }
  | { kind: 'nxdomain' }
  | { kind: 'servfail' }
  | { kind: 'silent' };

export const answer = (records: Omit<Extract<DnsBehaviour, { kind: 'answer' }>, 'kind'>): DnsBehaviour => ({ kind: 'answer', ...records });
export const nxdomain = (): DnsBehaviour => ({ kind: 'nxdomain' });
export const servfail = (): DnsBehaviour => ({ kind: 'servfail' });
export const silent = (): DnsBehaviour => ({ kind: 'silent' });

export interface DnsServer {
  /** "127.0.0.1:<port>", as a catalogue's `resolvers` entry. */
  readonly address: string;
  set(name: string, behaviour: DnsBehaviour): void;
  /** Queries for `name` from `source` get `behaviour` from now on. */
  setFrom(source: string, name: string, behaviour: DnsBehaviour): void;
  /** Queries received for `name` from `source` (any source when omitted). */
  queries(name: string, source?: string): number;
  stop(): Promise<void>;
}

const RCODE = { NOERROR: 0, SERVFAIL: 2, NXDOMAIN: 3 } as const;

function answers(behaviour: Extract<DnsBehaviour, { kind: 'answer' }>, name: string, type: string): packet.Answer[] {
  const base = { name, ttl: 60, class: 'IN' as const };
  if (type === 'A') return (behaviour.a ?? []).map((data) => ({ ...base, type: 'A' as const, data }));
  if (type === 'AAAA') return (behaviour.aaaa ?? []).map((data) => ({ ...base, type: 'AAAA' as const, data }));
  if (type === 'CNAME' && behaviour.cname) return [{ ...base, type: 'CNAME' as const, data: behaviour.cname }];
  if (type === 'TXT') return (behaviour.txt ?? []).map((data) => ({ ...base, type: 'TXT' as const, data }));
  return [];
}

/** `fallback`: what names without their own behaviour get (default NXDOMAIN). */
export async function startDnsServer(options: { fallback?: DnsBehaviour } = {}): Promise<DnsServer> {
  const socket = createSocket('udp4');
  const behaviours = new Map<string, DnsBehaviour>();
  const counts = new Map<string, number>();
  const count = (key: string) => counts.set(key, (counts.get(key) ?? 0) + 1);

  socket.on('message', (message: Buffer, from: RemoteInfo) => {
    const query = packet.decode(message);
    const question = query.questions?.[0];
    if (!question) return;
    const name = question.name.toLowerCase();
    count(name);
    count(`${from.address} ${name}`);
    const behaviour = behaviours.get(`${from.address} ${name}`) ?? behaviours.get(name) ?? options.fallback ?? { kind: 'nxdomain' };
    if (behaviour.kind === 'silent') return;
    const rcode = behaviour.kind === 'nxdomain' ? RCODE.NXDOMAIN : behaviour.kind === 'servfail' ? RCODE.SERVFAIL : RCODE.NOERROR;
    const reply = packet.encode({
      type: 'response',
      id: query.id,
      flags: packet.AUTHORITATIVE_ANSWER | rcode,
      questions: [question],
      answers: behaviour.kind === 'answer' ? answers(behaviour, question.name, question.type) : [],
    });
    const delayMs = behaviour.kind === 'answer' ? (behaviour.delayMs ?? 0) : 0;
    setTimeout(() => socket.send(reply, from.port, from.address), delayMs);
  });
  await new Promise<void>((resolve) => socket.bind(0, '127.0.0.1', resolve));
  const { port } = socket.address() as AddressInfo;
  return {
    address: `127.0.0.1:${port}`,
    set: (name, behaviour) => void behaviours.set(name.toLowerCase(), behaviour),
    setFrom: (source, name, behaviour) => void behaviours.set(`${source} ${name.toLowerCase()}`, behaviour),
    queries: (name, source) => counts.get(source ? `${source} ${name}` : name) ?? 0,
    stop: () => new Promise((resolve) => socket.close(() => resolve())),
  };
}
