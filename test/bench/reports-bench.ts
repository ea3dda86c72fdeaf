import { request as httpRequest } from 'node:http';
import { loadavg } from 'node:os';
import { cpuTicksOf } from './cpu-ticks.ts';
import { addParisDays, parisDayKey, parisDayStartOfKey } from '../../src/domain/paris-time.ts';
import { periodContaining, periodsBetween } from '../../src/domain/paris-periods.ts';
import type { Rollup } from '../../src/domain/records.ts';
import { emptyTotals } from '../../src/domain/rollup.ts';
import { applyRollupDeltas } from '../../src/store/sql/rollups.ts';
import { openSqliteDatabase } from '../../src/store/sqlite/sqlite-database.ts';
import type { RunningSite } from '../support/site-server.ts';
import { recordServiceState, seedSite } from '../support/seed-site.ts';

/**
 * Part of `npm run bench:web`: the reports pages with five years of history for 500 services
 * (daily and monthly rollups, 940,000 rows), uncached, next to the overview of the same 500
 * services in the same run, and the store read a year's report would need from daily rows.
 */
const SERVICES = 500;
const YEARS = 5;

function rollup(serviceId: string, granularity: 'day' | 'month', bucketStart: Date, seconds: number, i: number): Rollup {
  const totals = emptyTotals();
  const down = i % 17 === 0 ? Math.min(seconds, 1800) : 0;
  totals.seconds.operational = seconds - down;
  totals.seconds.down = down;
  totals.checks = Math.round(seconds / 60);
  totals.latencyCount = totals.checks;
  totals.latencyHistogram[2] = Math.round(totals.checks * 0.7);
  totals.latencyHistogram[4] = totals.checks - totals.latencyHistogram[2];
  totals.latencyMaxMs = 480;
  return { ...totals, serviceId, granularity, bucketStart };
}

async function seedFiveYears(path: string, serviceIds: string[], now: Date): Promise<number> {
  const db = openSqliteDatabase(path);
  const from = parisDayStartOfKey(addParisDays(parisDayKey(now), -365 * YEARS));
  const months = periodsBetween('month', from, now);
  let rows = 0;
  for (const serviceId of serviceIds) {
    const batch: Rollup[] = months.map((m, i) =>
      rollup(serviceId, 'month', m.start, (Math.min(m.end.getTime(), now.getTime()) - m.start.getTime()) / 1000, i),
    );
    for (let d = 365 * YEARS; d >= 1; d--) {
      const start = parisDayStartOfKey(addParisDays(parisDayKey(now), -d));
      batch.push(rollup(serviceId, 'day', start, 86_400, d));
    }
    await db.transaction((tx) => applyRollupDeltas(tx, batch));
    rows += batch.length;
  }
  await db.close();
  return rows;
}

function timed(url: string): Promise<{ ms: number; cache: string; status: number }> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    httpRequest(url, (res) => {
      res.resume();
      res.on('end', () =>
        resolve({ ms: performance.now() - started, cache: String(res.headers['x-vigie-cache'] ?? ''), status: res.statusCode ?? 0 }),
      );
    })
      .on('error', reject)
      .end();
  });
}

export async function benchReports(startSite: (env: Record<string, string>) => Promise<RunningSite>): Promise<void> {
  const now = new Date();
  console.log(`\nSeeding ${SERVICES} services with ${YEARS} years of daily and monthly rollups…`);
  const seeded = await seedSite({ services: SERVICES, days: 1, now });
  const rows = await seedFiveYears(seeded.env.DATABASE_URL!, seeded.serviceIds, now);
  const lastYear = periodContaining('year', new Date(periodContaining('year', now).start.getTime() - 1));
  const site = await startSite({ ...seeded.env, VIGIE_PUBLIC_URL: 'https://vigie.example.fr' });
  try {
    const pages = ['/fr/', '/fr/rapports', `/fr/rapports/${lastYear.key}`, `/en/reports/${periodContaining('month', now).key}`];
    const times = new Map(pages.map((p) => [p, [] as number[]]));
    const cpu = new Map(pages.map((p) => [p, 0]));
    for (let i = 0; i < 14; i++) {
      await recordServiceState(seeded.store, 'service-1', i % 2 === 0 ? 'degraded' : 'operational', new Date());
      // The site reads the data version once per second and may answer one more second from the last one.
      await new Promise((r) => setTimeout(r, 2100));
      for (const page of pages) {
        const ticks = cpuTicksOf(site.process.pid);
        const r = await timed(`${site.url}${page}`);
        if (r.status !== 200) throw new Error(`${page} answered ${r.status}`);
        if (r.cache === 'miss' && i >= 2) {
          times.get(page)!.push(r.ms);
          cpu.set(page, cpu.get(page)! + cpuTicksOf(site.process.pid) - ticks);
        }
      }
    }
    const dayRead = performance.now();
    const daily = await seeded.store.sumRollups({ granularity: 'day', from: lastYear.start, to: lastYear.end });
    const dayMs = performance.now() - dayRead;
    const monthRead = performance.now();
    const monthly = await seeded.store.sumRollups({ granularity: 'month', from: lastYear.start, to: lastYear.end });
    const monthMs = performance.now() - monthRead;
    console.log(
      `\nUncached renders, ${SERVICES} services with ${YEARS} years of history (${rows.toLocaleString('en')} rollup rows), request included:`,
    );
    for (const [page, list] of times) {
      list.sort((a, b) => a - b);
      const label = page === '/fr/' ? `${page} (baseline: the overview)` : page;
      // Wall time includes waiting for a core on a busy machine; the site process's CPU time does not.
      const cpuMs = ((cpu.get(page)! * 10) / list.length).toFixed(0);
      console.log(
        `  ${label.padEnd(40)} median ${list[Math.floor(list.length / 2)]!.toFixed(1)} ms, max ${list.at(-1)!.toFixed(1)} ms, site CPU ${cpuMs} ms per render (${list.length} renders)`,
      );
    }
    console.log(
      `Store read behind the ${lastYear.key} report (${monthly.length} services): their monthly rows added up in ${monthMs.toFixed(1)} ms; the same year from daily rows ${dayMs.toFixed(1)} ms (${daily.length} services)`,
    );
    console.log(
      `Machine load average: ${loadavg()
        .map((l) => l.toFixed(2))
        .join(' ')}`,
    );
  } finally {
    await site.stop();
    await seeded.cleanup();
  }
}
