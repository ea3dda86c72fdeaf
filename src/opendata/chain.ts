import { createHash } from 'node:crypto';
import { z } from 'zod';

/**
 * The open data's history, one entry per day: the SHA-256 of that day's file and of the entry
 * before, so rewriting any past day changes every entry after it. An entry's hash is the SHA-256
 * of the line `day path sha256 previous` (single spaces, no line feed); the first entry's
 * `previous` is 64 zeros.
 */
export interface ChainEntry {
  day: string;
  /** Relative to `/data/`. */
  path: string;
  sha256: string;
  previous: string;
  hash: string;
}

export interface Chain {
  format: 'vigie-open-data-chain/1';
  entries: ChainEntry[];
  /** The last entry's hash: keep it, and a rewritten history no longer ends with it. */
  head: string;
}

const hex = z.string().regex(/^[0-9a-f]{64}$/);
/** The chain as read back from its file: anything else stops publication rather than extend a chain it cannot trust. */
export const chainSchema = z.object({
  format: z.literal('vigie-open-data-chain/1'),
  entries: z.array(
    z.object({ day: z.string().regex(/^\d{4}-\d{2}-\d{2}$/), path: z.string(), sha256: hex, previous: hex, hash: hex }).strict(),
  ),
  head: hex,
});

export const GENESIS = '0'.repeat(64);

export const sha256Hex = (data: string | Uint8Array): string => createHash('sha256').update(data).digest('hex');

export function appendToChain(chain: Chain | null, day: { day: string; path: string; sha256: string }): Chain {
  const entries = chain?.entries ?? [];
  const previous = entries.at(-1)?.hash ?? GENESIS;
  const hash = sha256Hex(`${day.day} ${day.path} ${day.sha256} ${previous}`);
  return { format: 'vigie-open-data-chain/1', entries: [...entries, { ...day, previous, hash }], head: hash };
}

/** The first problem found walking the chain (a file's own hash is checked by whoever has the file), or null. */
export function chainProblem(chain: Chain): string | null {
  let previous = GENESIS;
  for (const entry of chain.entries) {
    if (entry.previous !== previous) return `${entry.day}: does not follow the entry before it`;
    if (sha256Hex(`${entry.day} ${entry.path} ${entry.sha256} ${entry.previous}`) !== entry.hash)
      return `${entry.day}: hash does not match`;
    previous = entry.hash;
  }
  return chain.head === previous ? null : 'head is not the last entry';
}
