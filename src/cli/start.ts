import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CatalogueError, loadCatalogue } from '../config/load-catalogue.ts';
import { loadSettings, SettingsError } from '../config/settings.ts';
import { beatTokens } from '../beats/beat-tokens.ts';
import { missingFactWarnings } from '../legal/missing-facts.ts';
import { probeHeapLimitMb } from '../probe/heap-budget.ts';
import { SENDER_NODE_FLAGS } from '../notify/sender-node-flags.ts';
import { probeProcessId } from '../probe/process-id.ts';
import { createSupervisor } from '../supervise/supervisor.ts';

/**
 * `npm start`: the probe, the site, the sender (and the static copy's publisher) as processes sharing one database, so a flood
 * of page views never delays or distorts a check. A process that dies is restarted with backoff (the
 * staleness rules already make a page without a live probe say so); only SIGTERM/SIGINT stop them.
 */
const root = fileURLToPath(new URL('../../', import.meta.url));

let serviceCount: number;
let siteEntry: string;
let givenProbeId: string | undefined;
let snapshotDir: string | undefined;
try {
  // A wrong catalogue stops everything before either process starts; missing operator facts only warn.
  const settings = loadSettings();
  siteEntry = `${settings.VIGIE_BUILD_DIR}/server/entry.mjs`;
  givenProbeId = settings.VIGIE_PROBE_ID;
  snapshotDir = settings.VIGIE_SNAPSHOT_DIR;
  const path = settings.VIGIE_SERVICES;
  const catalogue = await loadCatalogue(path);
  serviceCount = catalogue.services.length;
  for (const warning of missingFactWarnings(path, catalogue.operator)) console.warn(`Warning: ${warning}`);
  for (const problem of beatTokens(catalogue, process.env).problems) console.warn(`Warning: ${path}: ${problem}`);
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

const stateDir = mkdtempSync(join(tmpdir(), 'vigie-start-'));
const supervisor = createSupervisor({
  cwd: root,
  stateFile: join(stateDir, 'processes.json'),
  log: (line) => console.error(`vigie: ${line}`),
});

// DNS lookups share libuv's thread pool (4 threads by default): one slow resolver would queue every check.
// One probe name for this start: each restart of the probe is its predecessor and takes its leases back at once.
supervisor.start({
  name: 'probe',
  args: [`--max-old-space-size=${probeHeapLimitMb(serviceCount)}`, `${root}src/cli/probe.ts`],
  env: {
    UV_THREADPOOL_SIZE: process.env.UV_THREADPOOL_SIZE ?? '16',
    VIGIE_PROBE_ID: probeProcessId(hostname(), process.pid, randomBytes(3).toString('hex'), givenProbeId),
  },
});
// The wrapper answers cache hits before Astro and hands everything else to the built server.
supervisor.start({ name: 'site', args: [`${root}src/cli/web.ts`] });
// Always: without SMTP it still delivers the webhooks staff register, and idles when there are none.
supervisor.start({ name: 'sender', args: [...SENDER_NODE_FLAGS, `${root}src/cli/sender.ts`] });
// Publishing the static copy renders the whole site: apart, so the site's visitors never wait for it.
if (snapshotDir) supervisor.start({ name: 'publisher', args: [`${root}src/cli/publisher.ts`] });

let stopping = false;
function stop(): void {
  if (stopping) return;
  stopping = true;
  void supervisor.stop().then(() => {
    rmSync(stateDir, { recursive: true, force: true });
    process.exit(0);
  });
}
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
