import { describe, expect, it } from 'vitest';
import { readCappedBody } from '../../../src/probe/check/read-body.ts';

/** A response whose body arrives in the given chunks, and that records whether it was cancelled. */
function chunked(chunks: Uint8Array[], contentType = 'text/html; charset=utf-8') {
  const state = { cancelled: false, pulled: 0 };
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      const next = chunks[state.pulled];
      state.pulled += 1;
      if (next === undefined) controller.close();
      else controller.enqueue(next);
    },
    cancel() {
      state.cancelled = true;
    },
  });
  return { response: new Response(body, { headers: { 'content-type': contentType } }), state };
}

const bytes = (text: string) => new TextEncoder().encode(text);

describe('readCappedBody', () => {
  it('reads a body that fits, across chunks, and decodes UTF-8 split inside a character', async () => {
    const whole = bytes('Démarches en ligne');
    const { response } = chunked([whole.subarray(0, 2), whole.subarray(2)]);
    expect(await readCappedBody(response, 1024)).toEqual({ text: 'Démarches en ligne', bytes: whole.length, tooLarge: false });
  });

  it('accepts a body of exactly the cap and refuses one byte more, cancelling the stream', async () => {
    const exact = chunked([bytes('abcd'), bytes('efgh')]);
    expect(await readCappedBody(exact.response, 8)).toMatchObject({ text: 'abcdefgh', tooLarge: false });
    const over = chunked([bytes('abcd'), bytes('efghi'), bytes('never read')]);
    expect(await readCappedBody(over.response, 8)).toMatchObject({ text: 'abcdefgh', tooLarge: true });
    expect(over.state.cancelled).toBe(true);
    expect(over.state.pulled).toBeLessThan(4);
  });

  it('decodes the charset the server declares', async () => {
    const { response } = chunked([Uint8Array.from([0x44, 0xe9, 0x63, 0x6c, 0x61, 0x72, 0x65, 0x72])], 'text/html; charset=ISO-8859-1');
    expect((await readCappedBody(response, 100)).text).toBe('Déclarer');
  });

  it('falls back to UTF-8 for an unknown charset and handles an empty body', async () => {
    const { response } = chunked([bytes('é')], 'text/html; charset=klingon');
    expect((await readCappedBody(response, 100)).text).toBe('é');
    expect(await readCappedBody(new Response(null), 100)).toEqual({ text: '', bytes: 0, tooLarge: false });
  });
});
