import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { CatalogueError, loadCatalogue } from '../config/load-catalogue.ts';
import { loadSettings, SettingsError } from '../config/settings.ts';
import { subscriptionsEnabled } from '../notify/enabled.ts';
import { probeHeapLimitMb } from '../probe/heap-budget.ts';

/**
 * `npm start`: the probe and the site as two processes sharing one database (and the sender, when
 * subscriptions are on), so a flood of page views never delays or distorts a check. If one dies, all
 * stop: a half-running status page would show stale data as if it were fresh.
 */
const root = fileURLToPath(new URL('../../', import.meta.url));
const siteEntry = `${process.env.VIGIE_BUILD_DIR ?? `${root}dist`}/server/entry.mjs`;

let serviceCount: number;
try {
  // A wrong catalogue stops everything before either process starts.
  serviceCount = (await loadCatalogue(loadSettings().VIGIE_SERVICES)).services.length;
} catch (error) {
  if (error instanceof SettingsError || error instanceof CatalogueError) {
    console.error(error.message);
    process.exit(error instanceof SettingsError ? 2 : 1);
  }
  throw error;
}
if (!existsSync(siteEntry)) {
  console.error('The site is not built: run `npm start` (it builds first) or `npm run build`.');
  process.exit(2);
}

const children: ChildProcess[] = [];
let stopping = false;

function run(name: string, args: string[], env: NodeJS.ProcessEnv = {}): ChildProcess {
  const child = spawn(process.execPath, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
  child.on('exit', (code, signal) => {
    if (!stopping) {
      console.error(`${name} stopped (${signal ?? `exit code ${code}`}); stopping Vigie.`);
      stop(code ?? 1);
    }
  });
  children.push(child);
  return child;
}

function stop(exitCode: number): void {
  stopping = true;
  for (const child of children) if (child.exitCode === null) child.kill('SIGTERM');
  const deadline = setTimeout(() => {
    for (const child of children) if (child.exitCode === null) child.kill('SIGKILL');
  }, 12_000);
  deadline.unref();
  Promise.all(children.map((c) => (c.exitCode === null ? new Promise((r) => c.once('exit', r)) : null))).then(() =>
    process.exit(exitCode),
  );
}

// DNS lookups share libuv's thread pool (4 threads by default): one slow resolver would queue every check.
run('probe', [`--max-old-space-size=${probeHeapLimitMb(serviceCount)}`, `${root}src/probe/main.ts`], {
  UV_THREADPOOL_SIZE: process.env.UV_THREADPOOL_SIZE ?? '16',
});
// The wrapper answers cache hits before Astro and hands everything else to the built server.
run('site', [`${root}src/web/serve.ts`]);
// Only with an SMTP server: without one there are no subscriptions at all.
if (subscriptionsEnabled(loadSettings())) run('sender', [`${root}src/notify/main.ts`]);
process.on('SIGINT', () => stop(0));
process.on('SIGTERM', () => stop(0));
