import type { z } from 'zod';
import type { CheckFile } from './check-schema.ts';

/**
 * What the `check` of one service cannot know alone: the catalogue's locations (resolvers per
 * location), the fields of the service that only an HTTP check uses, and tokens shared by two
 * heartbeats (a push would not say which service beat).
 */

interface ServiceFields {
  check?: CheckFile;
  keyword?: unknown;
  expectStatus?: unknown;
}

const HTTP_ONLY = ['keyword', 'expectStatus'] as const;

export function crossCheckChecks(catalogue: { services: ServiceFields[]; locations?: { id: string }[] }, ctx: z.core.$RefinementCtx): void {
  const locationIds = new Set(catalogue.locations?.map((l) => l.id) ?? []);
  const tokens = new Map<string, number>();
  catalogue.services.forEach((service, i) => {
    const check = service.check;
    // The refinement also runs when some field is wrong, so the check may still be raw input here.
    if (typeof check !== 'object' || check === null) return;
    const at = (...path: (string | number)[]) => ['services', i, ...path];
    if (check.kind !== 'http') {
      for (const field of HTTP_ONLY) {
        if (service[field] === undefined) continue;
        const where = check.kind === 'journey' ? 'give it to each step instead' : 'remove it';
        ctx.addIssue({ code: 'custom', path: at(field), message: `applies to http checks only, not to a ${check.kind} check: ${where}` });
      }
    }
    if (check.kind === 'dns' && typeof check.resolvers === 'object' && check.resolvers !== null && !Array.isArray(check.resolvers)) {
      for (const location of Object.keys(check.resolvers)) {
        if (locationIds.has(location)) continue;
        const known = locationIds.size === 0 ? 'the catalogue lists no "locations"' : `known: ${[...locationIds].join(', ')}`;
        ctx.addIssue({ code: 'custom', path: at('check', 'resolvers', location), message: `unknown location "${location}" (${known})` });
      }
    }
    if (check.kind === 'heartbeat' && typeof check.tokenEnv === 'string') {
      const first = tokens.get(check.tokenEnv);
      if (first !== undefined) {
        ctx.addIssue({
          code: 'custom',
          path: at('check', 'tokenEnv'),
          message: `services[${first}] already takes its token from ${check.tokenEnv}: give each heartbeat its own`,
        });
      } else tokens.set(check.tokenEnv, i);
    }
  });
}
