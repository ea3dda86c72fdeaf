import { writeFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ARTIFACTS, CHROMIUM, chromiumAvailable as available, warnIfNoChromium } from '../../support/browser.ts';
import { medianScores, startAuditor, type Auditor } from '../../support/lighthouse.ts';
import { startSite, type RunningSite } from '../../support/site-server.ts';
import { seedCrisis, type CrisisSite } from '../../support/seed-crisis.ts';

/**
 * Lighthouse's mobile audit of the overview in a crisis and of a search, in Debian's Chromium:
 * accessibility, best practices and SEO, which do not depend on how busy the machine is. The
 * performance score does (it scales the CPU time it observes): `npm run bench:lighthouse` prints it.
 * Reports land in test-artifacts/.
 */
warnIfNoChromium('Lighthouse tests');
const CATEGORIES = ['accessibility', 'best-practices', 'seo'];

describe.skipIf(!available && !process.env.CI)('Lighthouse, mobile', () => {
  let seeded: CrisisSite;
  let site: RunningSite;
  let auditor: Auditor;

  beforeAll(async () => {
    if (!available) throw new Error(`Chromium is required in CI (${CHROMIUM}).`);
    seeded = await seedCrisis();
    site = await startSite(seeded.env);
    auditor = await startAuditor();
  });

  afterAll(async () => {
    auditor?.close();
    await site?.stop();
    await seeded?.store.close();
    await seeded?.cleanup();
  });

  it.each([
    ['overview-fr', '/fr/'],
    ['search-en', '/en/?q=carte%20grise'],
  ])(
    'scores at least 95 in accessibility, best practices and SEO on %s',
    async (name, path) => {
      const first = await auditor.audit(`${site.url}${path}`, CATEGORIES);
      writeFileSync(`${ARTIFACTS}/lighthouse-${name}.html`, first.report);
      console.log(`Lighthouse mobile ${path}: ${JSON.stringify(first.scores)}`);
      // A cold first load on a busy machine can end in a runtime error that zeroes whole
      // categories: below the bar, two more runs decide each category by their median.
      let scores = first.scores;
      if (Object.values(scores).some((s) => s < 95)) {
        const runs = [
          first.scores,
          ...[await auditor.audit(`${site.url}${path}`, CATEGORIES), await auditor.audit(`${site.url}${path}`, CATEGORIES)].map(
            (r) => r.scores,
          ),
        ];
        scores = medianScores(runs, CATEGORIES);
        console.log(`  over three runs: ${runs.map((r) => JSON.stringify(r)).join(' ')}`);
      }
      expect(scores).toEqual(Object.fromEntries(CATEGORIES.map((c) => [c, expect.toSatisfy((s: number) => s >= 95, `${c} ≥ 95`)])));
    },
    240_000,
  );
});
