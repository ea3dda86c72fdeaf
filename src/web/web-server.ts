import { existsSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { securityHeaders } from './security-policy.ts';
import { createFastPath } from './fast-path.ts';
import { bodyCapFor } from './body-caps.ts';
import { lenientTarget } from './lenient-query.ts';
import { answerClientError, createRefuser } from './refuse-request.ts';
import { REQUEST_LIMITS, refuseHead } from './request-limits.ts';
import { sharedWebCache } from './shared-web-cache.ts';

/**
 * The web process's HTTP server: the built Astro server, with cache hits answered before Astro's
 * request pipeline (which costs more than the hit itself). Misses and everything else go to Astro,
 * whose middleware renders into the same cache. Used by `cli/web.ts` and by `cli/snapshot.ts`.
 */
export async function createWebServer(buildDir: string, publicUrl: string): Promise<Server> {
  assertBuilt(buildDir);
  process.env.ASTRO_NODE_AUTOSTART = 'disabled';
  const { handler } = (await import(`${buildDir}/server/entry.mjs`)) as {
    handler: (req: IncomingMessage, res: ServerResponse) => void;
  };
  const fastPath = createFastPath(sharedWebCache());
  // Static files never reach the middleware: they get the same headers here (rendered pages set them again).
  const staticHeaders = Object.entries(securityHeaders(publicUrl));
  const refuse = createRefuser(staticHeaders);
  const server = createServer(
    {
      maxHeaderSize: REQUEST_LIMITS.headerBytes,
      headersTimeout: REQUEST_LIMITS.headersTimeoutMs,
      requestTimeout: REQUEST_LIMITS.requestTimeoutMs,
      connectionsCheckingInterval: REQUEST_LIMITS.connectionsCheckingIntervalMs,
    },
    (req, res) => {
      // A cache hit first: it has no body, and its target passed the same head checks when first seen.
      if (fastPath(req, res)) return;
      // Refused from the head alone, before a byte of the body is read or anything is routed.
      const bodyCap = bodyCapFor(req.url ?? '/');
      const refusal = refuseHead({
        method: req.method ?? 'GET',
        url: req.url ?? '/',
        contentLength: req.headers['content-length'],
        transferEncoding: req.headers['transfer-encoding'],
        bodyCap,
      });
      if (refusal) return refuse(res, refusal, bodyCap);
      req.url = lenientTarget(req.url ?? '/') ?? req.url;
      for (const [name, value] of staticHeaders) res.setHeader(name, value);
      handler(req, res);
    },
  );
  server.maxHeadersCount = REQUEST_LIMITS.headersCount;
  server.on('clientError', answerClientError);
  return server;
}

/** Throws, saying what to do, when `buildDir` holds no built site. */
export function assertBuilt(buildDir: string): void {
  if (!existsSync(`${buildDir}/server/entry.mjs`)) {
    throw new Error(`No built site in ${buildDir}: run \`npm run build\` first (or set VIGIE_BUILD_DIR to the build folder).`);
  }
}
