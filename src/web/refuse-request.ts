import type { ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';
import { REFUSAL_STATUS, refusalText, type Refusal } from './request-limits.ts';

/**
 * Closing a connection with bytes of it unread makes the kernel reset it, and a reset makes the
 * client drop what it has not read yet: a client still sending a refused body would lose the
 * answer (a browser shows "connection reset" instead of the 413 page). So, as nginx's lingering
 * close does, the connection is closed only once the body is read or after a while. A body that
 * is short is read and dropped; past `bytes`, reading stops, so that a client still sending
 * stalls while it reads the answer, and a refused post costs the site at most that much reading
 * and one connection held for `ms`.
 */
export const LINGER = { ms: 2_000, bytes: 64 * 1024 } as const;

/**
 * Answers a refused request and closes the connection, reading the rest of its body (if any)
 * only as far as `LINGER` allows. The answer for each refusal and body cap is built once.
 */
export function createRefuser(headers: [string, string][]): (res: ServerResponse, refusal: Refusal, bodyCap?: number) => void {
  const answers = new Map<string, { flat: string[]; body: Buffer }>();
  return (res, refusal, bodyCap) => {
    const memo = `${refusal}|${bodyCap}`;
    let answer = answers.get(memo);
    if (!answer) {
      const body = Buffer.from(refusalText(refusal, bodyCap));
      const pairs: [string, string][] = [
        ...headers,
        ['Content-Type', 'text/plain; charset=utf-8'],
        ['Content-Length', String(body.length)],
        ['Cache-Control', 'no-store'],
        ['Connection', 'close'],
      ];
      answer = { flat: pairs.flat(), body };
      answers.set(memo, answer);
    }
    lingerThenClose(res);
    res.writeHead(REFUSAL_STATUS[refusal], answer.flat);
    res.end(answer.body);
  };
}

/** Set up before the answer is written: reads the rest of the body within `LINGER`, then closes. */
function lingerThenClose(res: ServerResponse): void {
  const socket = res.socket;
  if (!socket) return;
  const close = () => socket.destroy();
  let read = 0;
  // Read here, so that node:http does not drop the body unseen and unbounded.
  res.req.on('data', (chunk: Buffer) => {
    read += chunk.length;
    if (read > LINGER.bytes) res.req.pause();
  });
  // After node:http's own listener, which has by then ended its side of the connection
  // ("Connection: close") and set it to be destroyed once that is sent, unread bytes and all.
  res.once('finish', () => {
    if (socket.destroyed) return;
    socket.off('finish', socket.destroy);
    const timer = setTimeout(close, LINGER.ms);
    socket.once('close', () => clearTimeout(timer));
    // Everything sent has been read: nothing left for a reset to drop.
    if (res.req.complete) close();
    else res.req.once('end', close);
  });
}

/** Requests Node's parser refused before any handler saw them (headers too large, malformed, too slow). */
export function answerClientError(error: Error & { code?: string }, socket: Duplex): void {
  if (!socket.writable || error.code === 'ECONNRESET') {
    socket.destroy();
    return;
  }
  const refusal: Refusal = error.code === 'HPE_HEADER_OVERFLOW' ? 'headers_too_large' : 'bad_request';
  const status = error.code === 'ERR_HTTP_REQUEST_TIMEOUT' ? 408 : REFUSAL_STATUS[refusal];
  const body = refusalText(refusal);
  socket.end(
    `HTTP/1.1 ${status} ${status === 408 ? 'Request Timeout' : status === 431 ? 'Request Header Fields Too Large' : 'Bad Request'}\r\n` +
      `Content-Type: text/plain; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(body)}\r\nCache-Control: no-store\r\nConnection: close\r\n\r\n${body}`,
  );
}
