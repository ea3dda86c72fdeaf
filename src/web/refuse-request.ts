import type { ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';
import { REFUSAL_STATUS, refusalText, type Refusal } from './request-limits.ts';

/** Answers a refused request and closes the connection: its body (if any) is never read. */
export function refuse(res: ServerResponse, refusal: Refusal, headers: [string, string][], bodyCap?: number): void {
  const body = refusalText(refusal, bodyCap);
  for (const [name, value] of headers) res.setHeader(name, value);
  res.writeHead(REFUSAL_STATUS[refusal], {
    'Content-Type': 'text/plain; charset=utf-8',
    'Content-Length': Buffer.byteLength(body),
    'Cache-Control': 'no-store',
    Connection: 'close',
  });
  res.end(body);
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
