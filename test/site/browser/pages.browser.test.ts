import { existsSync, mkdirSync } from 'node:fs';
import pLimit from 'p-limit';
import { type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ARTIFACTS,
  axeViolations,
  CHROMIUM,
  chromiumAvailable as available,
  warnIfNoChromium,
  launchChromium,
} from '../../support/browser.ts';
import { periodContaining } from '../../../src/domain/paris-periods.ts';
import { startSite, type RunningSite } from '../../support/site-server.ts';
import { check, record, seedStory, track, type SeededStory } from '../../support/seed-site.ts';

/**
 * Every page type in both languages in Debian's Chromium, with JavaScript on and off: it loads,
 * axe-core finds no violation, and the overview is kept as a screenshot in test-artifacts/.
 */
warnIfNoChromium('browser tests');

describe.skipIf(!available && !process.env.CI)('site in a real browser', () => {
  let seeded: SeededStory;
  let site: RunningSite;
  let browser: Browser;

  beforeAll(async () => {
    if (!available) throw new Error(`Chromium is required in CI (${CHROMIUM}).`);
    seeded = await seedStory();
    site = await startSite(seeded.env);
    browser = await launchChromium();
    mkdirSync(ARTIFACTS, { recursive: true });
  });

  afterAll(async () => {
    await browser?.close();
    await site?.stop();
    await seeded?.store.close();
    await seeded?.cleanup();
  });

  const pages = (): [string, string][] => [
    ['fr overview', '/fr/'],
    ['en overview', '/en/'],
    ['fr overview search', '/fr/?q=impots'],
    ['en affected services', '/en/affected-services'],
    ['fr service', '/fr/services/impots'],
    ['en service', '/en/services/ameli'],
    ['fr incidents', '/fr/incidents'],
    ['en incidents', '/en/incidents'],
    ['fr incident', `/fr/incidents/${seeded.ids.autoIncident}`],
    ['en incident (French text awaiting translation)', `/en/incidents/${seeded.ids.staffIncident}`],
    ['fr maintenance', '/fr/maintenance'],
    ['en maintenance', '/en/maintenance'],
    ['fr accessibility', '/fr/accessibilite'],
    ['en accessibility', '/en/accessibility'],
    ['fr legal', '/fr/mentions-legales'],
    ['en personal data', '/en/personal-data'],
    ['fr probes', '/fr/sondes'],
    ['fr reports', '/fr/rapports'],
    ['en report by service', `/en/reports/${periodContaining('year', new Date()).key}`],
    ['fr attestation', `/fr/services/ameli/attestations/${seeded.ids.autoIncident}`],
    ['en probes', '/en/probes'],
    ['not found', '/fr/services/nope'],
  ];

  for (const javaScriptEnabled of [true, false]) {
    it(`loads every page type with JavaScript ${javaScriptEnabled ? 'on' : 'off'}, without accessibility violations`, async () => {
      // axe is injected as a script; the site's CSP (rightly) forbids that, so only the test context bypasses it.
      const context = await browser.newContext({ javaScriptEnabled, bypassCSP: true, viewport: { width: 390, height: 844 } });
      const problems: string[] = [];
      const visit = async ([name, path]: [string, string]) => {
        const page = await context.newPage();
        const errors: string[] = [];
        page.on('pageerror', (e) => errors.push(e.message));
        page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
        const response = await page.goto(`${site.url}${path}`);
        const expected = name === 'not found' ? 404 : 200;
        if (response?.status() !== expected) problems.push(`${name}: status ${response?.status()}`);
        if ((await page.locator('h1').count()) !== 1) problems.push(`${name}: not exactly one h1`);
        if (javaScriptEnabled) {
          // Dark mode changes only colours: checking it on the pages with state colours is enough.
          const schemes = /overview|service|incident/.test(name) ? (['light', 'dark'] as const) : (['light'] as const);
          for (const scheme of schemes) problems.push(...(await axeViolations(page, scheme)).map((v) => `${name}: ${v}`));
        }
        problems.push(...errors.filter((e) => !(name === 'not found' && /404/.test(e))).map((e) => `${name}: ${e}`));
        await page.close();
      };
      // A few tabs at once: each page mostly waits on the site and on axe, so they overlap well.
      const limit = pLimit(3);
      try {
        await Promise.all(pages().map((entry) => limit(() => visit(entry))));
      } finally {
        await context.close();
      }
      problems.sort();
      expect(problems).toEqual([]);
    }, 400_000);
  }

  it('keeps a screenshot of the overview in each language, on a phone and a desktop', async () => {
    // On a loaded machine the seeded checks may have gone stale by now: freshen them for the picture.
    const now = new Date();
    await seeded.store.recordHeartbeat({ location: 'test-paris', process: 'probe-1', at: now, canariesHealthy: true, version: '0.1.0' });
    await record(
      seeded.store,
      check('impots', now, 'ok', 190),
      track('impots', 'operational', new Date(now.getTime() - 12 * 86_400_000), now),
      [],
    );
    await record(
      seeded.store,
      check('ameli', now, 'http_5xx', null),
      track('ameli', 'down', new Date(now.getTime() - 25 * 60_000), now),
      [],
    );
    for (const [label, viewport] of [
      ['phone', { width: 390, height: 844 }],
      ['desktop', { width: 1280, height: 900 }],
    ] as const) {
      const context = await browser.newContext({ viewport });
      const page = await context.newPage();
      for (const locale of ['fr', 'en']) {
        await page.goto(`${site.url}/${locale}/`);
        await page.screenshot({ path: `${ARTIFACTS}/overview-${locale}-${label}.png`, fullPage: true });
      }
      await page.goto(`${site.url}/fr/services/impots`);
      await page.screenshot({ path: `${ARTIFACTS}/service-fr-${label}.png`, fullPage: true });
      await context.close();
    }
    expect(existsSync(`${ARTIFACTS}/overview-fr-phone.png`)).toBe(true);
    expect(existsSync(`${ARTIFACTS}/overview-en-desktop.png`)).toBe(true);
  }, 60_000);

  it('reflows to 320 CSS pixels (a 1280-pixel screen at 400 % zoom) without horizontal scrolling', async () => {
    const context = await browser.newContext({ viewport: { width: 320, height: 640 } });
    const page = await context.newPage();
    const overflowing: string[] = [];
    for (const [name, path] of pages()) {
      await page.goto(`${site.url}${path}`);
      const width = await page.evaluate(() => document.documentElement.scrollWidth);
      if (width > 320) overflowing.push(`${name}: ${width}px`);
    }
    await context.close();
    expect(overflowing).toEqual([]);
  }, 120_000);

  it('shows the tooltip of a day bar when reached by keyboard', async () => {
    const page = await browser.newPage();
    await page.goto(`${site.url}/en/services/impots`);
    const day = page.locator('.days li').nth(80);
    await day.focus();
    const tip = day.locator('.tip');
    expect(await tip.isVisible()).toBe(true);
    expect(await tip.textContent()).toMatch(/42 min of downtime/);
    await page.screenshot({ path: `${ARTIFACTS}/service-en-day-focus.png` });
    await page.close();
  });

  it('with JavaScript, swaps in fresh content after 60 s when the data changed', async () => {
    const page = await browser.newPage();
    await page.clock.install();
    await page.goto(`${site.url}/en/`);
    // ameli.fr is down, and staff declared the CAF degraded.
    expect(await page.locator('#banner-title').textContent()).toContain('2 services down or degraded');
    const now = new Date();
    await seeded.store.recordHeartbeat({ location: 'test-paris', process: 'probe-1', at: now, canariesHealthy: true, version: '0.1.0' });
    await record(seeded.store, check('ameli', now, 'ok', 150), track('ameli', 'operational', now, now), [], {
      type: 'outage_resolved',
      serviceId: 'ameli',
      resolvedAt: now,
      domain: 'ameli.fr',
    });
    await expect
      .poll(
        async () => {
          await page.clock.runFor(61_000);
          return page.locator('#banner-title').textContent();
        },
        { timeout: 30_000, interval: 1_000 },
      )
      .toContain('1 service down or degraded');
    expect(page.url()).toBe(`${site.url}/en/`);
    await page.close();
  }, 60_000);
});
