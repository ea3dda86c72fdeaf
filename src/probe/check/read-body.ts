/**
 * Reads a response body as a stream, counting bytes after decompression (fetch has already
 * decoded gzip/br/deflate), and stops at the cap: a huge or endless body, or a compression bomb,
 * never costs more than the cap in memory.
 */

export interface BodyRead {
  text: string;
  bytes: number;
  tooLarge: boolean;
}

function charsetOf(contentType: string | null): string {
  const match = /charset\s*=\s*"?([\w.:-]+)"?/i.exec(contentType ?? '');
  return match?.[1] ?? 'utf-8';
}

function decoderFor(contentType: string | null): TextDecoder {
  try {
    return new TextDecoder(charsetOf(contentType));
  } catch {
    return new TextDecoder('utf-8');
  }
}

export async function readCappedBody(response: Response, maxBytes: number): Promise<BodyRead> {
  const decoder = decoderFor(response.headers.get('content-type'));
  if (response.body === null) return { text: '', bytes: 0, tooLarge: false };
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let bytes = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      const room = maxBytes - bytes;
      if (value.byteLength > room) {
        chunks.push(value.subarray(0, room));
        bytes += value.byteLength;
        await reader.cancel();
        return { text: decoder.decode(concat(chunks)), bytes, tooLarge: true };
      }
      chunks.push(value);
      bytes += value.byteLength;
    }
  } finally {
    reader.releaseLock();
  }
  return { text: decoder.decode(concat(chunks)), bytes, tooLarge: false };
}

function concat(chunks: Uint8Array[]): Uint8Array {
  const total = chunks.reduce((sum, c) => sum + c.byteLength, 0);
  const out = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return out;
}
