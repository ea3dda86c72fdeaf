import { createHash, timingSafeEqual } from 'node:crypto';
import type { Catalogue } from '../config/services-schema.ts';

/**
 * Which service a pushed token belongs to. Each heartbeat service takes its secret from the
 * environment variable its catalogue entry names; only SHA-256 digests are kept, and a presented
 * token is compared with every one of them in constant time, so neither the answer's content nor
 * its timing tells how close a guess was, or which services exist.
 */

/** A token must be too long to guess: 32 characters (e.g. `openssl rand -hex 16`) or more. */
export const MIN_TOKEN_CHARS = 32;

export interface BeatTokens {
  serviceFor(token: string): string | null;
  /** Heartbeat services that cannot be pushed, each with what to fix. */
  problems: string[];
}

const digest = (text: string) => createHash('sha256').update(text, 'utf8').digest();

export function beatTokens(catalogue: Pick<Catalogue, 'services'>, env: Record<string, string | undefined>): BeatTokens {
  const known: { serviceId: string; digest: Buffer }[] = [];
  const problems: string[] = [];
  catalogue.services.forEach((service, i) => {
    if (service.check?.kind !== 'heartbeat') return;
    const name = service.check.tokenEnv;
    const token = env[name]?.trim() ?? '';
    if (token.length >= MIN_TOKEN_CHARS) known.push({ serviceId: service.id, digest: digest(token) });
    else {
      const what = token === '' ? 'is not set' : `is shorter than ${MIN_TOKEN_CHARS} characters`;
      problems.push(`services[${i}].check.tokenEnv: the environment variable ${name} ${what}: heartbeats of "${service.id}" are refused`);
    }
  });
  return {
    serviceFor(token) {
      const presented = digest(token);
      let found: string | null = null;
      // Every digest is compared, so the time taken is the same whichever matches.
      for (const entry of known) if (timingSafeEqual(presented, entry.digest)) found = entry.serviceId;
      return found;
    },
    problems,
  };
}
