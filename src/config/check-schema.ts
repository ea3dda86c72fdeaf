import { isIP } from 'node:net';
import { z } from 'zod';
import { parseJsonAssertion, type JsonAssertion } from './json-assertion.ts';

/**
 * A service's `check` in `services.json`: what the probe does to decide whether the service works.
 * Without it, the HTTP check of the service's `url` (status, keyword, latency). Each kind is its own
 * object, told apart by `kind`, so a field of one kind written on another is reported by name.
 */

const localized = z.object({ fr: z.string().trim().min(1), en: z.string().trim().min(1) }).strict();

const hostName = z
  .string()
  .max(253)
  .regex(/^(?=.{1,253}$)(?:[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?\.)*[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?\.?$/, {
    message: 'must be a host name such as "impots.gouv.fr" (no scheme, no path)',
  });

const hostOrAddress = z.union([hostName, z.ipv4(), z.ipv6()], {
  error: 'must be a host name such as "impots.gouv.fr" or an IP address (no scheme, no port)',
});

/** "9.9.9.9", "9.9.9.9:5353", "2620:fe::fe" or "[2620:fe::fe]:53". */
const resolverAddress = z.string().refine((text) => resolverParts(text) !== null, {
  message: 'must be a resolver IP address, with an optional port: "9.9.9.9", "9.9.9.9:53" or "[2620:fe::fe]:53"',
});

export function resolverParts(text: string): { address: string; port: number } | null {
  const bracketed = /^\[([^\]]+)\](?::(\d{1,5}))?$/.exec(text);
  const v4 = /^([\d.]+)(?::(\d{1,5}))?$/.exec(text);
  const [address, port] = bracketed ? [bracketed[1]!, bracketed[2]] : v4 ? [v4[1]!, v4[2]] : [text, undefined];
  const portNumber = port === undefined ? 53 : Number(port);
  if (isIP(address) === 0 || portNumber < 1 || portNumber > 65_535) return null;
  return { address, port: portNumber };
}

const resolverList = z.array(resolverAddress).min(1).max(5);

const jsonAssertion = z.string().transform((text, ctx): JsonAssertion => {
  const parsed = parseJsonAssertion(text.trim());
  if (typeof parsed === 'string') {
    ctx.addIssue({ code: 'custom', message: parsed });
    return z.NEVER;
  }
  return parsed;
});

const headerName = z.string().regex(/^[A-Za-z0-9!#$%&'*+.^_`|~-]{1,100}$/, 'must be an HTTP header name such as "content-type"');

/** What an HTTP answer must hold beyond its status and keyword. */
export const responseExpectSchema = z
  .object({
    json: z.array(jsonAssertion).min(1).max(20).optional(),
    headers: z.record(headerName, z.string().min(1).max(500)).optional(),
  })
  .strict();

/** "200-399", "200", or a comma-separated list of both ("200,301-302"). */
export const statusRange = z
  .string()
  .regex(/^\d{3}(?:-\d{3})?(?:,\d{3}(?:-\d{3})?)*$/, 'must look like "200-399" or "200,301-302"')
  .refine(
    (spec) =>
      spec.split(',').every((part) => {
        const [lo, hi = lo] = part.split('-').map(Number);
        return lo !== undefined && hi !== undefined && lo >= 100 && hi <= 599 && lo <= hi;
      }),
    'each range must be between 100 and 599, low before high',
  );

const stepUrl = z
  .string()
  .min(1)
  .refine(
    (text) => text.startsWith('/') || /^https?:\/\//i.test(text),
    'must be an http(s) URL, or a path starting with "/" on the service\'s address',
  );

const journeyStep = z
  .object({
    name: z.union([z.string().trim().min(1).max(80), localized]),
    url: stepUrl,
    method: z.enum(['GET', 'HEAD', 'POST']).optional(),
    body: z.string().max(10_000).optional(),
    contentType: z.string().min(1).max(200).optional(),
    followRedirects: z.boolean().optional(),
    expectStatus: statusRange.optional(),
    keyword: z.string().min(1).max(500).optional(),
    expect: responseExpectSchema.optional(),
  })
  .strict();

export const DNS_RECORD_TYPES = ['A', 'AAAA', 'CNAME', 'MX', 'NS', 'TXT'] as const;

const checkUnion = z.discriminatedUnion(
  'kind',
  [
    z.object({ kind: z.literal('http'), expect: responseExpectSchema.optional() }).strict(),
    z
      .object({
        kind: z.literal('dns'),
        name: hostName.optional(),
        record: z.enum(DNS_RECORD_TYPES, { error: `must be one of ${DNS_RECORD_TYPES.join(', ')}` }).optional(),
        resolvers: z.union([resolverList, z.record(z.string(), resolverList)]).optional(),
        expect: z.array(z.string().trim().min(1).max(255)).min(1).max(20).optional(),
      })
      .strict(),
    z
      .object({
        kind: z.literal('tcp'),
        host: hostOrAddress.optional(),
        port: z.number().int().min(1).max(65_535),
        tls: z.boolean().optional(),
        serverName: hostName.optional(),
      })
      .strict(),
    z.object({ kind: z.literal('journey'), steps: z.array(journeyStep).min(1).max(5) }).strict(),
    z
      .object({
        kind: z.literal('heartbeat'),
        tokenEnv: z.string().regex(/^[A-Z][A-Z0-9_]{0,63}$/, 'must be the name of an environment variable, such as "VIGIE_BEAT_PAYMENTS"'),
        interval: z
          .number()
          .int()
          .min(10)
          .max(7 * 86_400),
        grace: z.number().int().min(0).max(86_400).optional(),
      })
      .strict(),
  ],
  { error: (issue) => (issue.code === 'invalid_union' ? 'must have a "kind": "http", "dns", "tcp", "journey" or "heartbeat"' : undefined) },
);

export const checkSchema = checkUnion;
export type CheckFile = z.infer<typeof checkSchema>;
