import type { CheckKind, Localized } from '../domain/vocabulary.ts';
import type { CheckFile, DNS_RECORD_TYPES } from './check-schema.ts';
import type { JsonAssertion } from './json-assertion.ts';

/** A service's check with every default applied, as the probe runs it (see `check-schema.ts`). */

export interface ResponseAssertions {
  json: JsonAssertion[];
  /** Lower-case header name, and text its value must contain (case-insensitive). */
  headers: [name: string, contains: string][];
}

export type DnsRecordType = (typeof DNS_RECORD_TYPES)[number];

export interface JourneyStep {
  name: Localized;
  /** Absolute: a path in the catalogue is resolved against the service's address. */
  url: string;
  method: 'GET' | 'HEAD' | 'POST';
  body: string | null;
  contentType: string | null;
  followRedirects: boolean;
  expectStatus: string;
  keyword: string | null;
  expect: ResponseAssertions;
}

export type ServiceCheck =
  | { kind: 'http'; expect: ResponseAssertions }
  | {
      kind: 'dns';
      name: string;
      record: DnsRecordType;
      /** Resolvers for every location not listed in `byLocation`; null: the system's. */
      resolvers: string[] | null;
      byLocation: Record<string, string[]>;
      /** Every answer must be one of these; null: any answer will do. */
      expect: string[] | null;
    }
  | { kind: 'tcp'; host: string; port: number; tls: boolean; serverName: string | null }
  | { kind: 'journey'; steps: JourneyStep[] }
  | { kind: 'heartbeat'; tokenEnv: string; interval: number; grace: number }
  /** Another status page's own word (Statuspage v2 `summary.json`) about one of its components, by id or name. */
  | { kind: 'statuspage'; url: string; component: string };

export const NO_ASSERTIONS: ResponseAssertions = { json: [], headers: [] };

/** Default grace of a heartbeat: a tenth of its interval, at least a minute. */
const graceFor = (interval: number) => Math.max(60, Math.round(interval / 10));

function assertions(expect: { json?: JsonAssertion[]; headers?: Record<string, string> } | undefined): ResponseAssertions {
  return {
    json: expect?.json ?? [],
    headers: Object.entries(expect?.headers ?? {}).map(([name, text]) => [name.toLowerCase(), text]),
  };
}

/** The file's `check` with its defaults: names and hosts default to the service's own address. */
export function resolveCheck(file: CheckFile | undefined, url: string): ServiceCheck {
  const host = new URL(url).hostname.replace(/^\[|\]$/g, '');
  if (file === undefined) return { kind: 'http', expect: NO_ASSERTIONS };
  switch (file.kind) {
    case 'http':
      return { kind: 'http', expect: assertions(file.expect) };
    case 'dns': {
      const perLocation = file.resolvers !== undefined && !Array.isArray(file.resolvers) ? file.resolvers : {};
      return {
        kind: 'dns',
        name: file.name ?? host,
        record: file.record ?? 'A',
        resolvers: Array.isArray(file.resolvers) ? file.resolvers : null,
        byLocation: perLocation,
        expect: file.expect ?? null,
      };
    }
    case 'tcp':
      return { kind: 'tcp', host: file.host ?? host, port: file.port, tls: file.tls ?? false, serverName: file.serverName ?? null };
    case 'journey':
      return {
        kind: 'journey',
        steps: file.steps.map((step) => ({
          name: typeof step.name === 'string' ? { fr: step.name, en: step.name } : step.name,
          url: new URL(step.url, url).href,
          method: step.method ?? 'GET',
          body: step.body ?? null,
          contentType: step.contentType ?? null,
          followRedirects: step.followRedirects ?? true,
          expectStatus: step.expectStatus ?? '200-399',
          keyword: step.keyword ?? null,
          expect: assertions(step.expect),
        })),
      };
    case 'heartbeat':
      return { kind: 'heartbeat', tokenEnv: file.tokenEnv, interval: file.interval, grace: file.grace ?? graceFor(file.interval) };
  }
}

/** `http` when the catalogue names no check. */
export function checkKindOf(service: { check?: ServiceCheck }): CheckKind {
  return service.check?.kind ?? 'http';
}
