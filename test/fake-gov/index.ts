import {
  createServer as createHttpServer,
  type IncomingHttpHeaders,
  type IncomingMessage,
  type Server,
  type ServerResponse,
} from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import { EventEmitter, once } from 'node:events';
import type { AddressInfo } from 'node:net';
import { type Behaviour, up } from './behaviours.ts';
import { makeCertificates } from './certificates.ts';
import { control, CONTROL_PREFIX } from './control.ts';
import { respond } from './respond.ts';

export * from './behaviours.ts';

/**
 * # The fake government
 *
 * Fake public services on loopback, for tests, the probe benchmark and `npm run demo`: no
 * internet needed, and every failure a real service can show, switchable while running.
 *
 * ```ts
 * import { FAKE_KEYWORD, startFakeGov, status } from './index.ts';
 *
 * const gov = await startFakeGov();
 * gov.url('impots');                  // http://127.0.0.1:PORT/svc/impots  (answers `up` by default)
 * gov.url('impots', gov.httpsExpired); // same service behind an expired certificate
 * gov.set('impots', status(503));     // from now on
 * gov.hits('impots');                 // requests received for that service
 * await gov.stop();
 * ```
 *
 * - Every service lives at `/svc/<name>` on every listener: plain HTTP, HTTPS with a certificate
 *   from a test CA (`ca`: give it to the checker as `extraCa`), expired, for the wrong host, and
 *   self-signed. `refused` is a port where nothing listens.
 * - Behaviours (`up`, `slow(ms)`, `status(code)`, `hang`, `slowDrip`, `refuse`, `reset`,
 *   `redirectLoop`, `redirects(n)`, `redirectTo(url)`, `hugeBody`, `gzipBomb`, `missingKeyword`,
 *   `challenge`, `flap([...])`) are described in `behaviours.ts`. A service nobody configured
 *   follows `setDefault` (`up` at start). Healthy pages contain FAKE_KEYWORD and are gzipped
 *   when the client accepts it.
 * - All listeners are on 127.0.0.1, so a checker needs `allowPrivateNetwork: true` to reach them.
 * - Per source address, for probes at several locations on one machine (each leaving from its own
 *   127.0.0.x): `gov.setFrom('127.0.0.4', 'impots', hang())` answers that service differently to
 *   that address only (a geo-fence, a location-local hang), `gov.setFrom('127.0.0.3', null, reset())`
 *   every service and canary (a location's network cut). `gov.hitsFrom(address, name)` counts.
 * - Another process can drive it: `node test/fake-gov/serve.ts` prints its addresses as JSON, and
 *   `PUT /_fake/behaviours/<name>` (body: a Behaviour as JSON) switches a service (control.ts).
 * - Built for thousands of concurrent requests: no per-request logging, a large accept backlog,
 *   endless bodies respect back-pressure.
 */
export interface FakeGov {
  readonly http: string;
  readonly https: string;
  readonly httpsExpired: string;
  readonly httpsWrongHost: string;
  readonly httpsSelfSigned: string;
  /** Base URL of a loopback port where nothing listens (connections are refused). */
  readonly refused: string;
  /** PEM of the CA that signed the `https` (and `httpsExpired`, `httpsWrongHost`) certificates. */
  readonly ca: string;
  /** `<base>/svc/<name>`; `base` defaults to `http`. */
  url(name: string, base?: string): string;
  set(name: string, behaviour: Behaviour): void;
  /** From now on, requests from `address` (a 127.0.0.x) get `behaviour`: for one service, or every one (`null`). */
  setFrom(address: string, name: string | null, behaviour: Behaviour): void;
  /** Requests received for one service from one source address. */
  hitsFrom(address: string, name: string): number;
  /** Every request for a service, in order: when (ms since the epoch) and from which address. */
  hitLog(name: string): { at: number; from: string }[];
  /** Behaviour of every service without its own. */
  setDefault(behaviour: Behaviour): void;
  /** Requests received for one service (every listener, every redirect hop). */
  hits(name: string): number;
  /** Resolves once a service has received a request (at once if it already has). */
  firstHit(name: string): Promise<void>;
  /** Resolves at the next request for a service, from now on. */
  nextHit(name: string): Promise<void>;
  totalHits(): number;
  /** The last request a service received. */
  lastRequest(name: string): { url: string; headers: IncomingHttpHeaders } | undefined;
  stop(): Promise<void>;
}

export interface FakeGovOptions {
  /** Start the four HTTPS listeners (needs the `openssl` CLI). Default true. */
  tls?: boolean;
}

const HOST = '127.0.0.1';
const SERVICE_PATH = /^\/svc\/([A-Za-z0-9._-]+)(?:[?#]|$)/;

async function listen(server: Server): Promise<string> {
  server.requestTimeout = 0;
  server.headersTimeout = 60_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen({ host: HOST, port: 0, backlog: 4096 }, () => resolve());
  });
  return `${HOST}:${(server.address() as AddressInfo).port}`;
}

/** The client's address, without the IPv4-mapped prefix a dual-stack socket may add. */
function sourceOf(req: IncomingMessage): string {
  return (req.socket.remoteAddress ?? '').replace(/^::ffff:/, '');
}

async function closedPort(): Promise<string> {
  const server = createHttpServer();
  const hostPort = await listen(server);
  await new Promise((resolve) => server.close(resolve));
  return `http://${hostPort}`;
}

function close(server: Server): Promise<void> {
  return new Promise((resolve) => {
    server.close(() => resolve());
    server.closeAllConnections();
  });
}

export async function startFakeGov(options: FakeGovOptions = {}): Promise<FakeGov> {
  const behaviours = new Map<string, Behaviour>();
  const fromAddress = new Map<string, Behaviour>();
  const hitCounts = new Map<string, number>();
  const hitTimes = new Map<string, { at: number; from: string }[]>();
  const hitEvents = new EventEmitter();
  const last = new Map<string, { url: string; headers: IncomingHttpHeaders }>();
  let fallback: Behaviour = up();
  let total = 0;
  const refused = await closedPort();

  const controllable = {
    set: (name: string, behaviour: Behaviour) => void behaviours.set(name, behaviour),
    setDefault: (behaviour: Behaviour) => void (fallback = behaviour),
    hits: (name: string) => hitCounts.get(name) ?? 0,
  };

  const handle = (req: IncomingMessage, res: ServerResponse) => {
    if (req.url?.startsWith(CONTROL_PREFIX)) {
      void control(req, res, controllable);
      return;
    }
    const name = SERVICE_PATH.exec(req.url ?? '')?.[1];
    if (name === undefined) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('fake-gov: services live at /svc/<name>\n');
      return;
    }
    const hit = (hitCounts.get(name) ?? 0) + 1;
    hitCounts.set(name, hit);
    const source = sourceOf(req);
    const times = hitTimes.get(name) ?? [];
    times.push({ at: Date.now(), from: source });
    hitTimes.set(name, times);
    hitCounts.set(`${source} ${name}`, (hitCounts.get(`${source} ${name}`) ?? 0) + 1);
    hitEvents.emit(name);
    total += 1;
    last.set(name, { url: req.url ?? '', headers: req.headers });
    const behaviour = fromAddress.get(`${source} ${name}`) ?? fromAddress.get(`${source} *`) ?? behaviours.get(name) ?? fallback;
    respond(behaviour, req, res, { name, hit, refusedBase: refused });
  };

  const servers: Server[] = [createHttpServer(handle)];
  const bases: string[] = [];
  const certs = options.tls === false ? null : await makeCertificates();
  if (certs) {
    for (const pair of [certs.valid, certs.expired, certs.wrongHost, certs.selfSigned]) {
      servers.push(createHttpsServer({ ...pair }, handle));
    }
  }
  for (const [i, server] of servers.entries()) {
    bases.push(`${i === 0 ? 'http' : 'https'}://${await listen(server)}`);
  }
  const httpsBase = (i: number) => bases[i] ?? 'https://tls-disabled.invalid';

  return {
    http: bases[0] ?? '',
    https: httpsBase(1),
    httpsExpired: httpsBase(2),
    httpsWrongHost: httpsBase(3),
    httpsSelfSigned: httpsBase(4),
    refused,
    ca: certs?.ca ?? '',
    url: (name, base = bases[0] ?? '') => `${base}/svc/${name}`,
    ...controllable,
    setFrom: (address, name, behaviour) => void fromAddress.set(`${address} ${name ?? '*'}`, behaviour),
    hitsFrom: (address, name) => hitCounts.get(`${address} ${name}`) ?? 0,
    hitLog: (name) => [...(hitTimes.get(name) ?? [])],
    firstHit: async (name) => {
      if (!hitCounts.has(name)) await once(hitEvents, name);
    },
    nextHit: async (name) => void (await once(hitEvents, name)),
    totalHits: () => total,
    lastRequest: (name) => last.get(name),
    stop: async () => {
      await Promise.all(servers.map(close));
    },
  };
}
