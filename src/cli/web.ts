import { loadSettings } from '../config/settings.ts';
import { createWebServer } from '../web/web-server.ts';

/**
 * `npm run web` (and the site process of `npm start`): one web process. Build folder: VIGIE_BUILD_DIR
 * or ./dist. The static copy is published by a process of its own (`cli/publisher.ts`).
 */
const settings = loadSettings();
const buildDir = settings.VIGIE_BUILD_DIR;

const server = await createWebServer(buildDir, settings.VIGIE_PUBLIC_URL).catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(2);
});
const host = settings.HOST;
// A port already taken (an earlier Vigie still running, another program) is said plainly, not as a stack trace.
server.once('error', (error: NodeJS.ErrnoException) => {
  const where = `${host.includes(':') ? `[${host}]` : host}:${settings.PORT}`;
  const why =
    error.code === 'EADDRINUSE'
      ? `another process already listens there (an earlier Vigie still running?); stop it or set PORT`
      : error.code === 'EACCES'
        ? 'this user may not listen on that port; choose a port above 1023 with PORT'
        : error.message;
  console.error(`vigie-site: cannot listen on ${where}: ${why}`);
  process.exit(1);
});
server.listen(settings.PORT, host, () => {
  console.log(`Vigie site listening on http://${host.includes(':') ? `[${host}]` : host}:${settings.PORT}`);
});

function stop(): void {
  server.close(() => process.exit(0));
  server.closeIdleConnections();
  setTimeout(() => process.exit(0), 5000).unref();
}
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
