import { existsSync } from 'node:fs';
import { createServer } from 'node:http';
import { fileURLToPath } from 'node:url';
import { loadSettings } from '../config/settings.ts';
import { securityHeaders } from '../site/security-policy.ts';
import { createFastPath } from './fast-path.ts';
import { answerClientError, refuse } from './refuse-request.ts';
import { REQUEST_LIMITS, refuseHead } from './request-limits.ts';
import { sharedWebCache } from './shared-web-cache.ts';

/**
 * The web process: the built Astro server, with cache hits answered before Astro's request
 * pipeline (which costs more than the hit itself). Misses and everything else go to Astro, whose
 * middleware renders into the same cache. Build folder: VIGIE_BUILD_DIR or ./dist.
 */
const root = fileURLToPath(new URL('../../', import.meta.url));
const buildDir = process.env.VIGIE_BUILD_DIR ?? `${root}dist`;

if (!existsSync(`${buildDir}/server/entry.mjs`)) {
  console.error(`No built site in ${buildDir}: run \`npm run build\` first (or set VIGIE_BUILD_DIR to the build folder).`);
  process.exit(2);
}
process.env.ASTRO_NODE_AUTOSTART = 'disabled';
const { handler } = (await import(`${buildDir}/server/entry.mjs`)) as {
  handler: (req: import('node:http').IncomingMessage, res: import('node:http').ServerResponse) => void;
};

const fastPath = createFastPath(sharedWebCache());
const host = process.env.HOST ?? '127.0.0.1';
const port = Number(process.env.PORT ?? 4321);
// Static files never reach the middleware: they get the same headers here (rendered pages set them again).
const staticHeaders = Object.entries(securityHeaders(loadSettings().VIGIE_PUBLIC_URL));
const server = createServer(
  { maxHeaderSize: REQUEST_LIMITS.headerBytes, headersTimeout: REQUEST_LIMITS.headersTimeoutMs, requestTimeout: REQUEST_LIMITS.requestTimeoutMs },
  (req, res) => {
    const refusal = refuseHead({
      method: req.method ?? 'GET',
      url: req.url ?? '/',
      contentLength: req.headers['content-length'],
      transferEncoding: req.headers['transfer-encoding'],
    });
    if (refusal) return refuse(res, refusal, staticHeaders);
    if (fastPath(req, res)) return;
    for (const [name, value] of staticHeaders) res.setHeader(name, value);
    handler(req, res);
  },
);
server.maxHeadersCount = REQUEST_LIMITS.headersCount;
server.on('clientError', answerClientError);
server.listen(port, host, () => console.log(`Vigie site listening on http://${host.includes(':') ? `[${host}]` : host}:${port}`));

function stop(): void {
  server.close(() => process.exit(0));
  server.closeIdleConnections();
  setTimeout(() => process.exit(0), 5000).unref();
}
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
