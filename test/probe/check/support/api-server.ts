import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A loopback HTTP server for API and journey checks: each path answers with a function the test
 * sets, and every request is kept (method, cookie, body) so a test can see what the journey sent.
 */

export type Handler = (req: IncomingMessage, res: ServerResponse, body: string) => void;

export interface ApiServer {
  readonly base: string;
  on(path: string, handler: Handler): void;
  requests(path: string): { method: string; cookie: string | undefined; body: string }[];
  stop(): Promise<void>;
}

export const json =
  (value: unknown, headers: Record<string, string> = {}): Handler =>
  (_, res) =>
    void res.writeHead(200, { 'content-type': 'application/json; charset=utf-8', ...headers }).end(JSON.stringify(value));

export const text =
  (status: number, body: string, headers: Record<string, string> = {}): Handler =>
  (_, res) =>
    void res.writeHead(status, { 'content-type': 'text/html; charset=utf-8', ...headers }).end(body);

export async function startApiServer(): Promise<ApiServer> {
  const handlers = new Map<string, Handler>();
  const seen = new Map<string, { method: string; cookie: string | undefined; body: string }[]>();
  const server = createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0]!;
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      seen.set(path, [...(seen.get(path) ?? []), { method: req.method ?? '', cookie: req.headers.cookie, body }]);
      const handler = handlers.get(path);
      if (handler) handler(req, res, body);
      else res.writeHead(404).end('not here');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    base: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    on: (path, handler) => void handlers.set(path, handler),
    requests: (path) => seen.get(path) ?? [],
    stop: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
