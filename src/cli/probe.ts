import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { CatalogueError, loadCatalogue } from '../config/load-catalogue.ts';
import { probeLocationProblem } from '../config/probe-location.ts';
import { settingsOrExit } from '../config/settings-or-exit.ts';
import { openStore } from '../store/open-store.ts';
import { createProbeApp } from '../probe/app.ts';
import { serveProbeApp } from '../probe/app-server.ts';
import { createChecker } from '../probe/check/create-checker.ts';
import { createRunner } from '../probe/runner.ts';
import { probeProcessId } from '../probe/process-id.ts';
import { pidAlive, soleProbeProblem } from '../probe/sole-probe.ts';
import { probeUserAgent } from '../probe/user-agent.ts';
import { createSpool } from '../probe/spool.ts';
import { defaultSpoolDir } from '../probe/spool-dir.ts';
import { createSwallowedErrors } from '../probe/swallowed-errors.ts';
import { publishOpenData, startOpenDataJob } from '../opendata/open-data-job.ts';

/**
 * `node src/cli/probe.ts`: the probe process. A wrong catalogue stops it before the store is even
 * opened, so nothing stored is touched. SIGTERM/SIGINT: stop scheduling, give checks in flight a
 * few seconds, write what the store takes of the results not yet stored and spool the rest for the
 * next run, close the store, exit 0 — within 9 s, so `npm start` stops everything within 10.
 */
const GRACE_MS = 4_000;
const WRITE_MS = 2_500;
const CLOSE_MS = 1_000;
const HARD_DEADLINE_MS = 8_500;

const version = (JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }).version;

async function main(): Promise<void> {
  const settings = settingsOrExit();
  const catalogue = await loadCatalogue(settings.VIGIE_SERVICES).catch((error: unknown) => {
    if (!(error instanceof CatalogueError)) throw error;
    console.error(error.message);
    process.exit(1);
  });
  const locationProblem = probeLocationProblem(catalogue, settings.VIGIE_LOCATION);
  if (locationProblem) {
    console.error(`vigie-probe: ${locationProblem}`);
    process.exit(2);
  }
  const errors = createSwallowedErrors();
  const store = await openStore(settings.DATABASE_URL, {
    onRecovered: (trouble, error) =>
      errors.record(
        trouble === 'busy_retry' ? 'store_busy_retry' : 'store_connection_lost',
        error ?? new Error('the database file was busy; the write waited and was retried'),
      ),
  });
  const processId = probeProcessId(hostname(), process.pid, randomBytes(3).toString('hex'), settings.VIGIE_PROBE_ID);
  const me = { holder: processId, location: settings.VIGIE_LOCATION, host: hostname(), pid: process.pid };
  const leaseMs = settings.VIGIE_PROBE_LEASE_SECONDS * 1000;
  if (store.backend === 'sqlite') {
    const problem = soleProbeProblem(await store.listProbeHolders(), me, new Date(), pidAlive);
    if (problem) {
      console.error(`vigie-probe: ${problem}`);
      await store.close();
      process.exit(1);
    }
    await store.saveProbeHolder({ ...me, seenUntil: new Date(Date.now() + leaseMs) });
  }
  // Before anything is read or checked: a renamed service's history (and open incident) is under its new id.
  const edits = await store.applyCatalogueEdits({
    serviceIds: catalogue.services.map((s) => s.id),
    renames: catalogue.services.flatMap((s) => (s.formerIds ?? []).map((from) => ({ from, to: s.id }))),
    at: new Date(),
  });
  if (edits.renamed.length > 0) console.log(`vigie-probe: history of ${edits.renamed.join(', ')} now under the services' new ids`);
  if (edits.resolved.length > 0)
    console.log(`vigie-probe: ${edits.resolved.length} automatic incidents closed: their service is no longer monitored under that id`);
  const userAgent = probeUserAgent(version, settings.VIGIE_PUBLIC_URL);
  const checker = createChecker({
    userAgent,
    localAddress: settings.VIGIE_PROBE_SOURCE_ADDRESS,
    lastBeat: (serviceId) => store.lastServiceBeat(serviceId),
  });
  const runner = createRunner({
    catalogue,
    store,
    checker,
    location: settings.VIGIE_LOCATION,
    processId,
    version,
    userAgent,
    concurrency: settings.VIGIE_PROBE_CONCURRENCY,
    perHost: settings.VIGIE_PROBE_PER_HOST,
    retentionDays: settings.VIGIE_RETENTION_DAYS,
    auditRetentionDays: settings.VIGIE_AUDIT_RETENTION_DAYS,
    rollupRetentionDays: settings.VIGIE_ROLLUP_RETENTION_DAYS,
    bufferCapacity: settings.VIGIE_PROBE_BUFFER,
    tlsWarningDays: settings.VIGIE_TLS_WARNING_DAYS,
    spool: createSpool({
      dir: settings.VIGIE_PROBE_SPOOL_DIR ?? defaultSpoolDir(settings.DATABASE_URL),
      location: settings.VIGIE_LOCATION,
      run: `${process.pid}-${randomBytes(4).toString('hex')}`,
      onBadLine: (detail) => console.error(`vigie-probe: spooled result skipped, unreadable: ${detail}`),
    }),
    errors,
    batch: { windowMs: settings.VIGIE_PROBE_BATCH_MS, maxSize: settings.VIGIE_PROBE_BATCH_SIZE },
    ...(store.backend === 'postgres' ? { leases: { me, leaseMs, maxSkewMs: settings.VIGIE_PROBE_MAX_CLOCK_SKEW_MS } } : {}),
  });
  await runner.start();
  const openData = startOpenDataJob({
    run: () => publishOpenData(store, settings, new Date()),
    log: (line) => console.log(`vigie-probe: ${line}`),
  });
  const app = createProbeApp({ store, runner });
  const server = serveProbeApp(app, { hostname: settings.PROBE_HOST, port: settings.PROBE_PORT }, (port) => {
    const host = settings.PROBE_HOST.includes(':') ? `[${settings.PROBE_HOST}]` : settings.PROBE_HOST;
    console.log(
      `vigie-probe ${version} (process ${processId}): checking ${catalogue.services.length} services from "${settings.VIGIE_LOCATION}"; ` +
        `health on http://${host}:${port}/healthz`,
    );
  });

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`vigie-probe: ${signal} received, finishing checks in flight`);
    setTimeout(() => {
      const spooled = runner.spoolNow();
      console.error(`vigie-probe: could not stop cleanly within ${HARD_DEADLINE_MS / 1000} s; exiting anyway (${spooled} results spooled)`);
      process.exit(1);
    }, HARD_DEADLINE_MS).unref();
    const closed = new Promise<void>((resolve) => server.close(() => resolve()));
    server.closeAllConnections();
    await runner.stop(GRACE_MS, WRITE_MS);
    await openData.stop();
    const { buffer } = runner.status();
    if (buffer.size > 0) console.log(`vigie-probe: ${buffer.size} results not yet stored are spooled for the next start`);
    await closed;
    // Frees this process's leases now, so the others take its services without waiting them out.
    await within(CLOSE_MS, store.deleteProbeHolder(me.holder, new Date())).catch((error: unknown) =>
      console.error('vigie-probe: could not free its leases; they expire on their own:', error),
    );
    await within(CLOSE_MS, store.close()).catch((error: unknown) => console.error('vigie-probe: the store did not close cleanly:', error));
    console.log('vigie-probe: stopped');
    process.exit(0);
  };
  process.on('SIGTERM', () => void stop('SIGTERM'));
  process.on('SIGINT', () => void stop('SIGINT'));
}

/** `work`, or a rejection once `ms` have passed: a store that hangs must not hold the exit. */
function within<T>(ms: number, work: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms)));
  return Promise.race([work, late]).finally(() => clearTimeout(timer));
}

main().catch((error: unknown) => {
  console.error('vigie-probe: could not start:', error instanceof Error ? error.message : error);
  process.exit(1);
});
