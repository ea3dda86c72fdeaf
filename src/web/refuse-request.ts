import type { ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';
import { REFUSAL_STATUS, refusalText, type Refusal } from './request-limits.ts';

/**
 * Answers a refused request and closes the connection: its body (if any) is never read. The
 * answer for each refusal and body cap is built once: a flood of refused posts costs the site the
 * connection and a write, nothing more.
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
    res.writeHead(REFUSAL_STATUS[refusal], answer.flat);
    // Closed once the answer is written, before node:http would read and drop the rest of the
    // body (up to the whole 512 KiB of a refused post) while the connection winds down.
    res.end(answer.body, () => res.socket?.destroy());
  };
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
