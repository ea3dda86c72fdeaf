import { existsSync, mkdtempSync, readdirSync, readFileSync, readlinkSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loopbackOrigin } from '../../src/snapshot/origin.ts';
import { publishSnapshot, type PageSource, type PublishOptions } from '../../src/snapshot/publish.ts';
import { run, until } from '../faults/support/processes.ts';
import { seedSite, type SeededSite } from '../support/seed-site.ts';
import { startSite, testBuildDir, type RunningSite } from '../support/site-server.ts';

/**
 * `current` is always a whole copy: a publication killed with SIGKILL midway, one that fails
 * midway, or two at once in the same folder (the publisher and `npm run snapshot`) leave it whole,
 * and the one that fails says why rather than tripping over a folder being written (ENOTEMPTY).
 */
const PUBLIC_URL = 'https://vigie.example.fr';
let seeded: SeededSite;
let site: RunningSite;
let dir: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'vigie-publication-safety-'));
  seeded = await seedSite({ services: 60, days: 2, now: new Date() });
  site = await startSite({ ...seeded.env, VIGIE_PUBLIC_URL: PUBLIC_URL });
});

afterAll(async () => {
  await site?.stop();
  await seeded?.cleanup();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

function options(folder: string, extra: Partial<Omit<PublishOptions, keyof PageSource>> = {}): PublishOptions {
  return {
    dir: join(dir, folder),
    fetchPath: loopbackOrigin(site.url),
    clientDir: `${testBuildDir}/client`,
    serviceIds: seeded.serviceIds,
    publicUrl: PUBLIC_URL,
    ...extra,
  };
}

/** Every file of the copy `current` points to, with its bytes. */
function currentFiles(copies: string): Map<string, string> {
  const root = join(copies, readlinkSync(join(copies, 'current')));
  const files = new Map<string, string>();
  for (const entry of readdirSync(root, { recursive: true, withFileTypes: true })) {
    const path = join(entry.parentPath, entry.name);
    if (entry.isFile()) files.set(relative(root, path), readFileSync(path).toString('base64'));
  }
  return files;
}

const leftovers = (copies: string) => readdirSync(copies).filter((n) => n.startsWith('.partial-'));

describe('static copy publication', () => {
  it('leaves current whole when the publishing process is killed with SIGKILL midway, and the next one cleans up', async () => {
    const copies = join(dir, 'killed');
    await publishSnapshot(options('killed'));
    const before = currentFiles(copies);
    const snapshot = run(
      'src/cli/snapshot.ts',
      { ...seeded.env, VIGIE_PUBLIC_URL: PUBLIC_URL, VIGIE_BUILD_DIR: testBuildDir },
      [],
      [copies, '--full'],
    );
    const written = () => {
      const partial = leftovers(copies)[0];
      return partial ? readdirSync(join(copies, partial), { recursive: true }).length : 0;
    };
    await until(
      () => written() > 40,
      60_000,
      () => snapshot.output(),
    );
    snapshot.child.kill('SIGKILL');
    await snapshot.exited;
    expect(leftovers(copies)).toHaveLength(1);
    expect(currentFiles(copies)).toEqual(before);
    // The dead process's lock is taken over, its half-written folder removed.
    const next = await publishSnapshot(options('killed'));
    expect(readlinkSync(join(copies, 'current'))).toBe(relative(copies, next.folder));
    expect(leftovers(copies)).toEqual([]);
  }, 120_000);

  it('fails with the page that failed and leaves nothing half-written when a page cannot be rendered midway', async () => {
    const copies = join(dir, 'failing');
    const good = await publishSnapshot(options('failing', { keep: 0 }));
    for (let attempt = 0; attempt < 3; attempt++) {
      await expect(
        publishSnapshot(options('failing', { keep: 0, serviceIds: [...seeded.serviceIds, 'not-in-catalogue'] })),
      ).rejects.toThrow(/not-in-catalogue answered 404/);
      expect(leftovers(copies)).toEqual([]);
      expect(readdirSync(copies).filter((n) => /^copy-[^.]+$/.test(n))).toEqual([relative(copies, good.folder)]);
    }
  }, 120_000);

  it('runs one publication at a time in a folder: the other is refused, and pruning never removes a copy being written', async () => {
    const copies = join(dir, 'concurrent');
    for (let round = 0; round < 3; round++) {
      const results = await Promise.allSettled([
        publishSnapshot(options('concurrent', { keep: 0, full: true })),
        publishSnapshot(options('concurrent', { keep: 0, full: true })),
      ]);
      const refused = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
      expect(refused.map((r) => String(r.reason))).toEqual([expect.stringMatching(/another publication/)]);
      expect(existsSync(join(copies, 'current', 'fr', 'index.html'))).toBe(true);
      expect(leftovers(copies)).toEqual([]);
    }
  }, 120_000);
});
