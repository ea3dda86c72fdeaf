import type { IncomingMessage, ServerResponse } from 'node:http';
import { gzipSync } from 'node:zlib';
import { type Behaviour, FAKE_KEYWORD } from './behaviours.ts';

/** Carries out one behaviour for one request. Timers and streams stop when the socket closes. */

export interface RequestContext {
  name: string;
  /** 1 for the service's first request since the fake started. */
  hit: number;
  /** Base URL of a port where nothing listens. */
  refusedBase: string;
}

const page = (title: string, text: string) =>
  `<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>${title}</title></head>` +
  `<body><h1>${title}</h1><p>${text}</p></body></html>`;

const CHALLENGE_PAGE =
  '<!DOCTYPE html><html lang="en-US"><head><title>Just a moment...</title></head><body>' +
  '<noscript>Enable JavaScript and cookies to continue</noscript>' +
  '<script>(function(){window._cf_chl_opt={cvId:"3",cType:"managed"};})();</script></body></html>';

const HTML = { 'content-type': 'text/html; charset=utf-8' } as const;

let bombMember: Buffer | undefined;
/** One gzip member of 16 MiB of zeros (about 16 KiB on the wire); members concatenate into one stream. */
function gzipBombMember(): Buffer {
  bombMember ??= gzipSync(Buffer.alloc(16 * 1024 * 1024));
  return bombMember;
}

const FILLER = Buffer.from('<p>Lorem ipsum dolor sit amet, administration numérique.</p>\n'.repeat(256));

/** Writes `chunk` again and again, as fast as the client reads, until the connection closes. */
function pump(res: ServerResponse, chunk: Buffer): void {
  const write = () => {
    while (!res.destroyed) {
      if (!res.write(chunk)) {
        res.once('drain', write);
        return;
      }
    }
  };
  write();
}

const gzippedPages = new Map<string, Buffer>();
/** Pages depend only on the name; compressing each once keeps the fake cheap under a 5,000-service benchmark. */
function gzippedPage(name: string, html: string): Buffer {
  let body = gzippedPages.get(name);
  if (body === undefined) {
    if (gzippedPages.size >= 20_000) gzippedPages.clear();
    body = gzipSync(html);
    gzippedPages.set(name, body);
  }
  return body;
}

/** Compressed when the client accepts gzip, as real sites do: the keyword must be found after decoding. */
function sendUp(req: IncomingMessage, res: ServerResponse, name: string): void {
  const html = page(name, `${FAKE_KEYWORD}.`);
  if (!/\bgzip\b/.test(req.headers['accept-encoding'] ?? '')) {
    res.writeHead(200, HTML).end(html);
    return;
  }
  res.writeHead(200, { ...HTML, 'content-encoding': 'gzip', vary: 'accept-encoding' }).end(gzippedPage(name, html));
}

function redirect(res: ServerResponse, code: number, location: string): void {
  res.writeHead(code, { location, 'content-length': '0' }).end();
}

export function respond(behaviour: Behaviour, req: IncomingMessage, res: ServerResponse, ctx: RequestContext): void {
  switch (behaviour.kind) {
    case 'up':
      return sendUp(req, res, ctx.name);
    case 'slow': {
      const timer = setTimeout(() => sendUp(req, res, ctx.name), behaviour.ms);
      res.on('close', () => clearTimeout(timer));
      return;
    }
    case 'status':
      res.writeHead(behaviour.code, HTML).end(page(`Erreur ${behaviour.code}`, 'Le service est indisponible.'));
      return;
    case 'hang':
      return;
    case 'slowDrip': {
      res.writeHead(200, HTML);
      res.flushHeaders();
      const timer = setInterval(() => res.write('.'), behaviour.everyMs);
      res.on('close', () => clearInterval(timer));
      return;
    }
    case 'refuse':
      return redirect(res, 307, `${ctx.refusedBase}/svc/${ctx.name}`);
    case 'reset':
      req.socket.resetAndDestroy();
      return;
    case 'redirectLoop':
      return redirect(res, 302, `/svc/${ctx.name}`);
    case 'redirects': {
      const hop = Number(new URL(req.url ?? '/', 'http://fake').searchParams.get('hop') ?? 0);
      if (hop >= behaviour.count) return sendUp(req, res, ctx.name);
      return redirect(res, 302, `/svc/${ctx.name}?hop=${hop + 1}`);
    }
    case 'redirectTo':
      return redirect(res, 302, behaviour.url);
    case 'hugeBody':
      res.writeHead(200, HTML);
      return pump(res, FILLER);
    case 'gzipBomb':
      res.writeHead(200, { ...HTML, 'content-encoding': 'gzip' });
      return pump(res, gzipBombMember());
    case 'missingKeyword':
      res.writeHead(200, HTML).end(page(ctx.name, 'Page de maintenance générique.'));
      return;
    case 'challenge':
      res.writeHead(behaviour.status, { ...HTML, 'cf-mitigated': 'challenge', server: 'cloudflare' }).end(CHALLENGE_PAGE);
      return;
    case 'flap': {
      const step = behaviour.pattern[(ctx.hit - 1) % Math.max(1, behaviour.pattern.length)];
      return respond(step ?? { kind: 'up' }, req, res, ctx);
    }
  }
}
