import { mkdirSync } from 'node:fs';
import { type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ARTIFACTS,
  axeViolations,
  CHROMIUM,
  chromiumAvailable as available,
  launchChromium,
  warnIfNoChromium,
} from '../../support/browser.ts';
import { seedCrisis, type CrisisSite } from '../../support/seed-crisis.ts';
import { catalogueWithFacts, startClocksAt, THURSDAY_10H } from '../../support/seed-guidance.ts';
import { startSite, type RunningSite } from '../../support/site-server.ts';

/**
 * A crisis on a phone: the other way to reach the tax office must be on the first screen, the
 * pages must pass axe in both colour schemes, and the screenshots go to test-artifacts/.
 */
warnIfNoChromium('alternatives browser tests');
const PHONE = { width: 390, height: 844 };

describe.skipIf(!available && !process.env.CI)('what to do instead, on a phone in a crisis', () => {
  let seeded: CrisisSite;
  let site: RunningSite;
  let browser: Browser;
  let restoreClock: () => void;

  beforeAll(async () => {
    if (!available) throw new Error(`Chromium is required in CI (${CHROMIUM}).`);
    restoreClock = startClocksAt(THURSDAY_10H);
    seeded = await seedCrisis(THURSDAY_10H, catalogueWithFacts());
    site = await startSite(seeded.env);
    browser = await launchChromium();
    mkdirSync(ARTIFACTS, { recursive: true });
  });

  afterAll(async () => {
    restoreClock?.();
    await browser?.close();
    await site?.stop();
    await seeded?.store.close();
    await seeded?.cleanup();
  });

  async function open(path: string): Promise<Page> {
    const context = await browser.newContext({ viewport: PHONE, javaScriptEnabled: true, bypassCSP: true });
    const page = await context.newPage();
    await page.goto(`${site.url}${path}`);
    return page;
  }

  it.each([
    ['fr', 'Par téléphone'],
    ['en', 'By phone'],
  ])(
    'shows the worst-hit service’s phone line on the first screen, in %s, and passes axe',
    async (locale, byPhone) => {
      const page = await open(`/${locale}/`);
      await page.screenshot({ path: `${ARTIFACTS}/crisis-alternatives-${locale}-390.png` });
      await page.screenshot({ path: `${ARTIFACTS}/crisis-alternatives-${locale}-390-full.png`, fullPage: true });
      const line = page.locator('.banner .what-now').first();
      expect(await line.textContent()).toContain(byPhone);
      expect(await line.textContent()).toContain('34 00');
      const box = await line.boundingBox();
      expect(box, 'the line is not laid out').not.toBeNull();
      expect((box?.y ?? Infinity) + (box?.height ?? 0)).toBeLessThanOrEqual(PHONE.height);
      // One line on a 390 px phone.
      const lineHeight = await line.evaluate((el) => parseFloat(getComputedStyle(el).lineHeight));
      expect(box?.height ?? Infinity).toBeLessThan(lineHeight * 1.5);
      const violations: string[] = [];
      for (const colorScheme of ['light', 'dark'] as const) violations.push(...(await axeViolations(page, colorScheme)));
      await page.context().close();

      const service = await open(`/${locale}/services/impots`);
      for (const colorScheme of ['light', 'dark'] as const) violations.push(...(await axeViolations(service, colorScheme)));
      await service.screenshot({ path: `${ARTIFACTS}/crisis-service-${locale}-390.png`, fullPage: true });
      await service.context().close();
      expect(violations).toEqual([]);
    },
    120_000,
  );
});
