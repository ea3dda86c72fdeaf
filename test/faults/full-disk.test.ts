import { execFileSync } from 'node:child_process';
import { closeSync, mkdirSync, mkdtempSync, openSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeGov, type FakeGov } from '../fake-gov/index.ts';
import { manyServices, probeHealth, probeReady, serviceIds, storedResults, totalHits } from './support/backlog.ts';
import { startProbe, stopGracefully, until, writeJson, type Running } from './support/processes.ts';

/**
 * The SQLite file on a disk that fills up (a 16 MB tmpfs, filled by another file): every result is
 * kept in memory, none dropped as "refused", though `SELECT 1` still answers; the backlog is
 * written once there is room; a SIGTERM while the disk is full spools it (the spool is on another
 * disk) for the next start. Mounting needs root, as in CI.
 */
const SERVICES = 100;
const ids = serviceIds(SERVICES);
const asRoot = process.getuid?.() === 0;
let gov: FakeGov;
let dir: string;
let disk: string;
let env: Record<string, string>;
let probe: (Running & { port: number }) | undefined;

beforeAll(async () => {
  if (!asRoot) {
    if (process.env.CI) throw new Error('the full-disk fault test mounts a tmpfs: run the fault suite as root');
    console.warn('\n!!! SKIPPING test/faults/full-disk.test.ts: mounting a tmpfs needs root.\n');
    return;
  }
  gov = await startFakeGov({ tls: false });
  dir = mkdtempSync(join(tmpdir(), 'vigie-faults-disk-'));
  disk = join(dir, 'disk');
  mkdirSync(disk);
  execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=16m', 'tmpfs', disk]);
  env = {
    DATABASE_URL: join(disk, 'vigie.db'),
    VIGIE_SERVICES: writeJson(dir, 'services.json', manyServices(gov, SERVICES, 2)),
    VIGIE_PROBE_PER_HOST: '50',
    VIGIE_PROBE_SPOOL_DIR: join(dir, 'spool'),
  };
});

afterAll(async () => {
  if (probe) await stopGracefully(probe);
  await gov?.stop();
  if (disk) execFileSync('umount', [disk]);
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/** Fills what is left of the disk with another file, as a log or a backup would. */
function fill(): () => void {
  const path = join(disk, 'filler');
  const fd = openSync(path, 'w');
  const chunk = Buffer.alloc(256 * 1024);
  try {
    for (;;) writeSync(fd, chunk);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOSPC') throw error;
  } finally {
    closeSync(fd);
  }
  return () => rmSync(path);
}

async function waitFull(port: number, output: () => string, backlog: number): Promise<void> {
  await until(
    async () => {
      const health = await probeHealth(port);
      return health.store.writes === 'unavailable' && health.buffer.size >= backlog;
    },
    60_000,
    output,
  );
}

describe.runIf(asRoot)('the SQLite disk fills up', () => {
  it('keeps every result while the disk is full, writes them once there is room, and spools them at a SIGTERM', async () => {
    probe = await startProbe(env);
    await until(async () => (await storedResults(env.DATABASE_URL!)).count >= SERVICES, 60_000, probe.output);

    let free = fill();
    await waitFull(probe.port, probe.output, 300);
    const full = await probeHealth(probe.port);
    expect(full.store.lastError).toMatch(/full/);
    expect(full.buffer.rejected).toBe(0);
    expect((await probeReady(probe.port)).problems.join()).toMatch(/store unavailable for writes/);
    free();
    const freedAt = Date.now();
    await until(async () => (await probeHealth(probe!.port)).buffer.size === 0, 60_000, probe.output);
    const drainMs = Date.now() - freedAt;

    free = fill();
    await waitFull(probe.port, probe.output, 200);
    probe.child.kill('SIGTERM');
    expect((await probe.exited).code).toBe(0);
    const spooled = Number(/(\d+) results not yet stored are spooled/.exec(probe.output())?.[1]);
    expect(spooled).toBeGreaterThanOrEqual(200);
    free();
    probe = await startProbe(env);
    await until(async () => (await probeHealth(probe!.port)).buffer.size === 0, 60_000, probe.output);
    const after = await probeHealth(probe.port);
    await stopGracefully(probe);
    probe = undefined;

    expect(after.buffer).toMatchObject({ rejected: 0, dropped: 0 });
    const stored = await storedResults(env.DATABASE_URL!);
    expect(stored.count).toBe(totalHits(gov, ids));
    console.info(
      `[faults] full SQLite disk: ${full.buffer.size}+ results kept in memory (none refused: "${full.store.lastError}"), ` +
        `written within ${(drainMs / 1000).toFixed(1)} s of the space coming back; at SIGTERM on a full disk ${spooled} results spooled ` +
        `and written by the next start; ${stored.count} stored = ${totalHits(gov, ids)} checks made`,
    );
  });
});
