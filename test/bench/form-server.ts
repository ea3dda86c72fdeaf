import { createServer, type IncomingMessage } from 'node:http';
import { Readable } from 'node:stream';
import { readForm, RequestRefused } from '../../src/web/form-input.ts';
import { bodyCapFor } from '../../src/web/body-caps.ts';
import { REQUEST_LIMITS } from '../../src/web/request-limits.ts';

/**
 * A tiny server for `bench:hardening`, run as its own process: GET answers a cached page's bytes,
 * POST reads a sign-in form either the old way (the whole body through `formData()`, fields counted
 * afterwards, under the general 512 KiB cap: kept here only to measure) or through the site's own
 * route caps and raw-byte field count. `node test/bench/form-server.ts old|new <page bytes>`.
 */
const mode = process.argv[2] === 'old' ? 'old' : 'new';
const page = Buffer.alloc(Number(process.argv[3] ?? 6000), 'x');

function requestOf(req: IncomingMessage): Request {
  return new Request(`http://x${req.url}`, {
    method: 'POST',
    headers: { 'content-type': req.headers['content-type'] ?? '' },
    body: Readable.toWeb(req) as ReadableStream,
    duplex: 'half',
  } as RequestInit);
}

async function oldReadForm(request: Request): Promise<number> {
  const form = await request.formData();
  let count = 0;
  for (const entry of form) {
    void entry;
    count += 1;
    if (count > REQUEST_LIMITS.formFields) return 413;
  }
  return 200;
}

async function newReadForm(request: Request): Promise<number> {
  try {
    await readForm(request);
    return 200;
  } catch (error) {
    if (error instanceof RequestRefused) return 413;
    throw error;
  }
}

const server = createServer((req, res) => {
  if (req.method !== 'POST') {
    res.writeHead(200, { 'content-type': 'text/html', 'content-length': page.length });
    res.end(page);
    return;
  }
  const cap = mode === 'old' ? REQUEST_LIMITS.bodyBytes : bodyCapFor(req.url ?? '/');
  if (Number(req.headers['content-length']) > cap) {
    res.writeHead(413, { connection: 'close' });
    res.end();
    return;
  }
  void (mode === 'old' ? oldReadForm(requestOf(req)) : newReadForm(requestOf(req))).then((status) => {
    res.writeHead(status, { connection: status === 413 ? 'close' : 'keep-alive' });
    res.end();
  });
});
server.listen(0, '127.0.0.1', () => {
  const address = server.address();
  console.log(typeof address === 'object' && address ? address.port : 0);
});
