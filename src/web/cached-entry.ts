import { createHash } from 'node:crypto';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

export const ENCODINGS = ['br', 'gzip'] as const;
export type Encoding = (typeof ENCODINGS)[number];

/** A rendered response held in memory: bytes, the headers worth keeping, and a strong ETag. */
export interface CachedEntry {
  status: number;
  headers: [string, string][];
  body: Buffer;
  etag: string;
  version: number;
  createdAt: number;
  /** Worth compressing: a text type and not tiny. */
  compressible: boolean;
  /** Compressed variants, made on first demand (once per entry, synchronously: no double work). */
  encoded: Partial<Record<Encoding, Buffer>>;
  /** Reply headers per outcome, coding and 304-or-not (`reply.ts` numbers the slots), built once: hits cost an index. */
  replyHeaders: ({ pairs: [string, string][]; flat: string[] } | undefined)[];
  /** Told the size of each compressed variant once it exists, so the cache's byte budget includes it. */
  onGrow: (bytes: number) => void;
}

/** Headers that belong to one transfer or that the cache sets itself. */
const DROPPED = new Set([
  'content-length',
  'content-encoding',
  'transfer-encoding',
  'connection',
  'date',
  'etag',
  'cache-control',
  'vary',
  'keep-alive',
]);
const COMPRESSIBLE = /^(text\/|application\/(json|xml|[a-z.+-]+\+xml|javascript)|image\/svg\+xml)/;
const MIN_COMPRESS_BYTES = 512;
const ETAG_SUFFIX: Record<Encoding, string> = { br: '-br', gzip: '-gz' };

export function entryFromRendered(rendered: { status: number; headers: Headers; body: Buffer }, version: number, now: number): CachedEntry {
  const headers: [string, string][] = [];
  rendered.headers.forEach((value, name) => {
    if (!DROPPED.has(name.toLowerCase())) headers.push([name, value]);
  });
  const hash = createHash('sha256').update(rendered.body).digest('base64url').slice(0, 27);
  const type = rendered.headers.get('content-type') ?? '';
  return {
    status: rendered.status,
    headers,
    body: rendered.body,
    etag: `"${hash}"`,
    version,
    createdAt: now,
    compressible: rendered.body.length >= MIN_COMPRESS_BYTES && COMPRESSIBLE.test(type),
    encoded: {},
    replyHeaders: [],
    onGrow: () => {},
  };
}

/** The variant's bytes, compressed on first demand. */
export function variantBody(entry: CachedEntry, encoding: Encoding | null): Buffer {
  if (!encoding) return entry.body;
  let body = entry.encoded[encoding];
  if (!body) {
    body =
      encoding === 'br'
        ? brotliCompressSync(entry.body, {
            params: { [constants.BROTLI_PARAM_QUALITY]: 6, [constants.BROTLI_PARAM_SIZE_HINT]: entry.body.length },
          })
        : gzipSync(entry.body, { level: 6 });
    entry.encoded[encoding] = body;
    entry.onGrow(body.length);
  }
  return body;
}

/** The variant's ETag: a compressed representation has its own strong validator. */
export function variantEtag(entry: CachedEntry, encoding: Encoding | null): string {
  return encoding ? `${entry.etag.slice(0, -1)}${ETAG_SUFFIX[encoding]}"` : entry.etag;
}

/** Memory an entry holds, for the cache's byte budget. */
export function entryBytes(entry: CachedEntry): number {
  return entry.body.length + (entry.encoded.br?.length ?? 0) + (entry.encoded.gzip?.length ?? 0) + 512;
}
