import { mkdirSync, writeFileSync } from 'node:fs';
import { launch, type LaunchedChrome } from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ARTIFACTS, CHROMIUM, chromiumAvailable as available, warnIfNoChromium } from '../../support/browser.ts';
import { startSite, type RunningSite } from '../../support/site-server.ts';
import { seedCrisis, type CrisisSite } from '../../support/seed-crisis.ts';

/**
 * Lighthouse's mobile audit (its default: a mid-range phone on a slow 4G link, simulated) of the
 * overview in a crisis and of a search, in Debian's Chromium. Reports land in test-artifacts/.
 */
warnIfNoChromium('Lighthouse tests');
const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'];

describe.skipIf(!available && !process.env.CI)('Lighthouse, mobile', () => {
  let seeded: CrisisSite;
  let site: RunningSite;
  let chrome: LaunchedChrome;

  beforeAll(async () => {
    if (!available) throw new Error(`Chromium is required in CI (${CHROMIUM}).`);
    seeded = await seedCrisis();
    site = await startSite(seeded.env);
    chrome = await launch({
      chromePath: CHROMIUM,
      chromeFlags: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
    });
    mkdirSync(ARTIFACTS, { recursive: true });
  });

  afterAll(async () => {
    chrome?.kill();
    await site?.stop();
    await seeded?.store.close();
    await seeded?.cleanup();
  });

  async function audit(path: string) {
    const result = await lighthouse(`${site.url}${path}`, {
      port: chrome.port,
      output: 'html',
      onlyCategories: CATEGORIES,
      logLevel: 'error',
    });
    if (!result) throw new Error(`Lighthouse returned no result for ${path}`);
    if (result.lhr.runtimeError)
      console.log(`  Lighthouse run failed on ${path}: ${result.lhr.runtimeError.code} ${result.lhr.runtimeError.message}`);
    const scores = Object.fromEntries(CATEGORIES.map((c) => [c, Math.round((result.lhr.categories[c]?.score ?? 0) * 100)]));
    return { scores, report: String(result.report) };
  }

  it.each([
    ['overview-fr', '/fr/'],
    ['search-en', '/en/?q=carte%20grise'],
  ])(
    'scores at least 95 in every category on %s',
    async (name, path) => {
      const first = await audit(path);
      writeFileSync(`${ARTIFACTS}/lighthouse-${name}.html`, first.report);
      console.log(`Lighthouse mobile ${path}: ${JSON.stringify(first.scores)}`);
      // Scores scale the main thread's real task times, which a busy two-core machine inflates, and a
      // cold first load can end in a runtime error that zeroes whole categories: below the bar, two
      // more runs decide each category by their median (as Lighthouse advises).
      let scores = first.scores;
      if (Object.values(scores).some((s) => s < 95)) {
        const runs = [first.scores, (await audit(path)).scores, (await audit(path)).scores];
        scores = Object.fromEntries(CATEGORIES.map((c) => [c, runs.map((r) => r[c] ?? 0).sort((a, b) => a - b)[1]!]));
        console.log(`  over three runs: ${runs.map((r) => JSON.stringify(r)).join(' ')}`);
      }
      expect(scores).toEqual(Object.fromEntries(CATEGORIES.map((c) => [c, expect.toSatisfy((s: number) => s >= 95, `${c} ≥ 95`)])));
    },
    240_000,
  );
});
