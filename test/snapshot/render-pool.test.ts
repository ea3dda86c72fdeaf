import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRenderPool, renderThreads, type RenderPool } from '../../src/snapshot/render-pool.ts';
import { pageFile } from '../../src/snapshot/site-paths.ts';
import { seedSite, type SeededSite } from '../support/seed-site.ts';
import { testBuildDir } from '../support/site-server.ts';

/**
 * The publisher's render threads, each with the built site of its own over a real SQLite file:
 * pages come back marked for the copy with siblings that hold their bytes, small files without
 * siblings, and a page answering otherwise than expected fails with its address.
 */
const PUBLIC_URL = 'https://vigie.example.fr';
let seeded: SeededSite;
let pool: RenderPool;
const saved = { ...process.env };

beforeAll(async () => {
  seeded = await seedSite({ services: 4, days: 2, now: new Date() });
  // The threads read their settings from the environment they start with, as in the publisher process.
  Object.assign(process.env, seeded.env, { VIGIE_PUBLIC_URL: PUBLIC_URL, VIGIE_BUILD_DIR: testBuildDir });
  pool = createRenderPool({ buildDir: testBuildDir, publicUrl: PUBLIC_URL }, 2);
});

afterAll(async () => {
  await pool?.close();
  process.env = saved;
  await seeded?.cleanup();
});

const at = (path: string, status: 200 | 404 = 200) => ({ path, file: pageFile(path), status });

describe('render pool', () => {
  it('renders pages on its threads, marked for the copy, with siblings holding their bytes', async () => {
    const generatedAt = new Date();
    const paths = ['/fr/', '/en/', ...seeded.serviceIds.map((id) => `/fr/services/${id}`)];
    const files = await Promise.all(paths.map((path) => pool.render(at(path), generatedAt)));
    for (const file of files) {
      expect(file.written.toString('utf8')).toContain(`data-generated-at="${generatedAt.toISOString()}"`);
      expect(gunzipSync(file.gz!).equals(file.written)).toBe(true);
      expect(brotliDecompressSync(file.br!).equals(file.written)).toBe(true);
    }
  }, 120_000);

  it('leaves a file under 1 KiB without siblings', async () => {
    const badge = await pool.render({ path: '/badge/service-1.svg', file: 'badge/service-1.svg', status: 200 }, new Date());
    expect(badge.written.length).toBeLessThan(1024);
    expect(badge.gz).toBeUndefined();
    expect(badge.br).toBeUndefined();
  }, 60_000);

  it('fails a page that answers otherwise than expected, naming it, and keeps rendering', async () => {
    await expect(pool.render(at('/fr/services/not-in-catalogue'), new Date())).rejects.toThrow(
      /not-in-catalogue answered 404, expected 200/,
    );
    expect((await pool.render(at('/404', 404), new Date())).written.length).toBeGreaterThan(0);
  }, 60_000);
});

describe('render threads for a catalogue', () => {
  it('takes one thread per 1,000 services, at least one, at most one per core', () => {
    expect([40, 500, 1_000, 1_001, 2_000, 5_000].map((n) => renderThreads(n, 2))).toEqual([1, 1, 1, 2, 2, 2]);
    expect(renderThreads(0, 2)).toBe(1);
    expect(renderThreads(5_000, 8)).toBe(5);
    expect(renderThreads(5_000, 1)).toBe(1);
  });
});
