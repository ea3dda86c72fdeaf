import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sha256Hex, type Chain } from '../../src/opendata/chain.ts';
import { publishDays } from '../../src/opendata/publish-days.ts';
import { parisWallClockToUtc } from '../../src/domain/paris-time.ts';
import { rollupDeltas } from '../../src/domain/rollup.ts';
import type { CheckOutcome } from '../../src/domain/vocabulary.ts';
import { openStore } from '../../src/store/open-store.ts';
import type { Store } from '../../src/store/store.ts';
import { checkResult, serviceTracking } from '../support/records.ts';

/**
 * The README's Python script, run by python3 on files the code wrote: three days of March 2026
 * (the clock change among them) and one of April. It recomputes March's share of answered checks
 * and verifies the chain; a rewritten day, even with its hash fixed in the chain, makes it fail.
 */
const SCRIPT = /```python\n([\s\S]*?)```/.exec(readFileSync(new URL('../../README.md', import.meta.url), 'utf8'))![1]!;
const DAYS = ['2026-03-28', '2026-03-29', '2026-03-30', '2026-04-01'];

describe('open data verified by the README script', () => {
  let dir: string;
  let store: Store;
  const run = () => spawnSync('python3', [join(dir, 'verify.py'), join(dir, 'data'), '2026-03'], { encoding: 'utf8' });

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'vigie-open-data-'));
    writeFileSync(join(dir, 'verify.py'), SCRIPT);
    store = await openStore(join(dir, 'vigie.db'));
    for (const [d, day] of DAYS.entries()) {
      for (let i = 0; i < 8; i++) {
        const at = (serviceId: string, outcome: CheckOutcome, offline = false) =>
          checkResult({
            serviceId,
            startedAt: parisWallClockToUtc(day, `${String(4 + 2 * i).padStart(2, '0')}:15`)!,
            outcome,
            probeOffline: offline,
            latencyMs: 100 + i,
          });
        // 4 h 15 to 18 h 15 Paris time. impots fails 2 checks of 8 each day; caf 1 of 8 on the first day, plus one probe-offline check that does not count.
        const results = [
          at('impots', i < 2 ? 'http_5xx' : 'ok'),
          at('caf', d === 0 && i === 0 ? 'timeout' : i === 7 ? 'dns_temporary' : 'ok'),
          ...(i === 3 ? [at('caf', 'timeout', true)] : []),
        ];
        for (const result of results) {
          const rollups = rollupDeltas({ result, state: 'operational', previousCheckedAt: null, interval: 60 });
          await store.recordCheck({ result, tracking: serviceTracking({ serviceId: result.serviceId }), rollups, event: null });
        }
      }
    }
    const written = await publishDays({
      store,
      dir: join(dir, 'data'),
      now: new Date('2026-04-02T12:00:00Z'),
      retentionDays: 3650,
      site: { url: 'https://statut.example.gouv.fr/data/', title: 'Vigie' },
    });
    expect(written).toEqual(['2026-03-28', '2026-03-29', '2026-03-30', '2026-03-31', '2026-04-01']);
  });
  afterAll(async () => {
    await store?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('recomputes the month and finds the chain whole', () => {
    const result = run();
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    // March: impots 18 of 24 answered; caf 24 checks counted (the offline ones left out), 1 failed (dns_temporary is not a failure).
    expect(result.stdout).toBe('caf: 95.833 % of 24 checks answered\nimpots: 75.000 % of 24 checks answered\n');
  });

  it('writes the same day again to the same bytes, and never rewrites a published one', async () => {
    const chain = JSON.parse(readFileSync(join(dir, 'data', 'chain.json'), 'utf8')) as Chain;
    expect(
      await publishDays({
        store,
        dir: join(dir, 'data'),
        now: new Date('2026-04-02T12:00:00Z'),
        retentionDays: 3650,
        site: { url: 'x', title: 'x' },
      }),
    ).toEqual([]);
    expect(JSON.parse(readFileSync(join(dir, 'data', 'chain.json'), 'utf8'))).toEqual(chain);
    await publishDays({
      store,
      dir: join(dir, 'again'),
      now: new Date('2026-04-02T12:00:00Z'),
      retentionDays: 3650,
      site: { url: 'x', title: 'x' },
    });
    expect(JSON.parse(readFileSync(join(dir, 'again', 'chain.json'), 'utf8')).head).toBe(chain.head);
    const lines = gunzipSync(readFileSync(join(dir, 'data', 'checks', '2026-03-29.csv.gz')))
      .toString()
      .split('\n');
    expect(lines[0]).toBe('service,location,time,outcome,status_code,latency_ms,probe_offline');
    expect(lines[1]).toBe('caf,paris,2026-03-29T02:15:00.000Z,ok,200,100,false');
    expect(lines.filter((l) => l.startsWith('impots'))).toHaveLength(8);
  });

  it('fails on a rewritten day, and on one whose new hash was written into the chain', () => {
    const file = join(dir, 'data', 'checks', '2026-03-29.csv.gz');
    const original = readFileSync(file);
    const forged = gzipSync(
      gunzipSync(original)
        .toString()
        .replace(/http_5xx/g, 'ok'),
    );
    writeFileSync(file, forged);
    expect(run()).toMatchObject({ status: 1, stderr: '2026-03-29: the chain is broken here\n' });
    const chainFile = join(dir, 'data', 'chain.json');
    const chain = readFileSync(chainFile, 'utf8');
    writeFileSync(chainFile, chain.replace(sha256Hex(original), sha256Hex(forged)));
    expect(run()).toMatchObject({ status: 1, stderr: '2026-03-29: the chain is broken here\n' });
    writeFileSync(file, original);
    writeFileSync(chainFile, chain);
    expect(run().status).toBe(0);
  });
});
