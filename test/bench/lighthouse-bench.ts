import { writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { loadavg } from 'node:os';
import { ARTIFACTS } from '../support/browser.ts';
import { medianScores, startAuditor } from '../support/lighthouse.ts';
import { seedCrisis } from '../support/seed-crisis.ts';
import { startSite } from '../support/site-server.ts';

/**
 * `npm run bench:lighthouse` — not a test: prints figures.
 * Lighthouse's mobile performance score (a mid-range phone on a slow 4G link, simulated) of the
 * overview in a crisis and of a search, as the test suite audited them before. The score scales the
 * main thread's real task times, so a busy machine lowers it: the baseline, same run, is a bare
 * page (one heading, nothing to load) from node:http, the best this machine gives at this moment.
 * Each figure is the median of BENCH_RUNS (default 3) runs.
 */
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const CATEGORIES = ['performance'];

const bare = createServer((_req, res) => {
  res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
  res.end('<!doctype html><html lang="fr"><meta name="viewport" content="width=device-width"><title>Vigie</title><h1>Vigie</h1></html>');
});
await new Promise<void>((resolve) => bare.listen(0, '127.0.0.1', resolve));
const seeded = await seedCrisis();
const site = await startSite(seeded.env);
const auditor = await startAuditor();

async function median(name: string, url: string): Promise<string> {
  const runs: Record<string, number>[] = [];
  for (let i = 0; i < RUNS; i += 1) {
    const { scores, report } = await auditor.audit(url, CATEGORIES);
    runs.push(scores);
    if (i === 0) writeFileSync(`${ARTIFACTS}/lighthouse-performance-${name}.html`, report);
  }
  const score = medianScores(runs, CATEGORIES).performance;
  return `${name.padEnd(12)} performance ${score} (runs: ${runs.map((r) => r.performance).join(', ')})`;
}

try {
  console.log(
    `Vigie Lighthouse benchmark — mobile, median of ${RUNS} runs; load average ${loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')}`,
  );
  console.log(await median('bare page', `http://127.0.0.1:${(bare.address() as AddressInfo).port}/`));
  console.log(await median('overview-fr', `${site.url}/fr/`));
  console.log(await median('search-en', `${site.url}/en/?q=carte%20grise`));
} finally {
  auditor.close();
  bare.close();
  await site.stop();
  await seeded.store.close();
  await seeded.cleanup();
}
