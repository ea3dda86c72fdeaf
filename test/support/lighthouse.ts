import { mkdirSync } from 'node:fs';
import { launch, type LaunchedChrome } from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { ARTIFACTS, CHROMIUM } from './browser.ts';

/**
 * Lighthouse's mobile audit (its default: a mid-range phone on a slow 4G link, simulated) in
 * Debian's Chromium, for the test (accessibility, best practices, SEO) and the benchmark
 * (performance, which scores the CPU time it observes and so belongs with figures, not assertions).
 */
export interface Auditor {
  /** Scores out of 100 per category, and the HTML report. */
  audit(url: string, categories: readonly string[]): Promise<{ scores: Record<string, number>; report: string }>;
  close(): void;
}

export async function startAuditor(): Promise<Auditor> {
  const chrome: LaunchedChrome = await launch({
    chromePath: CHROMIUM,
    chromeFlags: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
  mkdirSync(ARTIFACTS, { recursive: true });
  return {
    async audit(url, categories) {
      const result = await lighthouse(url, { port: chrome.port, output: 'html', onlyCategories: [...categories], logLevel: 'error' });
      if (!result) throw new Error(`Lighthouse returned no result for ${url}`);
      if (result.lhr.runtimeError)
        console.log(`  Lighthouse run failed on ${url}: ${result.lhr.runtimeError.code} ${result.lhr.runtimeError.message}`);
      const scores = Object.fromEntries(categories.map((c) => [c, Math.round((result.lhr.categories[c]?.score ?? 0) * 100)]));
      return { scores, report: String(result.report) };
    },
    close: () => chrome.kill(),
  };
}

/** The median of three runs per category, as Lighthouse advises for scores that vary from run to run. */
export function medianScores(runs: readonly Record<string, number>[], categories: readonly string[]): Record<string, number> {
  return Object.fromEntries(categories.map((c) => [c, runs.map((r) => r[c] ?? 0).sort((a, b) => a - b)[Math.floor(runs.length / 2)]!]));
}
