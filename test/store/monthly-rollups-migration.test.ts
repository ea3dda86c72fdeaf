import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parsePeriodKey } from '../../src/domain/paris-periods.ts';
import type { Rollup } from '../../src/domain/records.ts';
import { emptyTotals, mergeRollups } from '../../src/domain/rollup.ts';
import { parisDayStartOfKey } from '../../src/domain/paris-time.ts';
import { applyMigrations } from '../../src/store/migrations/apply-migrations.ts';
import { MIGRATIONS } from '../../src/store/migrations/index.ts';
import { openStore } from '../../src/store/open-store.ts';
import type { SqlDatabase } from '../../src/store/sql/executor.ts';
import { applyRollupDeltas } from '../../src/store/sql/rollups.ts';
import { openSqliteDatabase } from '../../src/store/sqlite/sqlite-database.ts';
import type { Store } from '../../src/store/store.ts';
import { bareSchemaDatabase, requirePostgres, schemaFactory, TEST_POSTGRES_URL } from './postgres-support.ts';

/**
 * Migration 30 on a database written before it: every month that has daily rows gets one monthly
 * row per service, their sum, starting at Paris midnight of the 1st (summer and winter time alike).
 */
const BEFORE = MIGRATIONS.filter((m) => m.version < 30);
const DAYS = ['2026-01-01', '2026-03-29', '2026-03-31', '2026-04-01', '2026-10-25', '2026-10-31', '2026-11-01', '2026-12-31'];

function day(serviceId: string, key: string, n: number): Rollup {
  const totals = emptyTotals();
  totals.checks = n;
  totals.failures = n % 3;
  totals.seconds.operational = 1000 * n;
  totals.seconds.down = 10 * n;
  totals.latencyCount = n;
  totals.latencySumMs = 100 * n;
  totals.latencyMaxMs = 50 * n;
  totals.latencyHistogram[n % totals.latencyHistogram.length] = n;
  return { ...totals, serviceId, granularity: 'day', bucketStart: parisDayStartOfKey(key) };
}

const ROWS = DAYS.flatMap((key, i) => [day('impots', key, i + 1), day('caf', key, 10 + i)]);

async function writeOldRows(db: SqlDatabase): Promise<void> {
  await applyMigrations(db, BEFORE, 'the test database');
  await applyRollupDeltas(db, ROWS);
  await db.close();
}

async function provesTheUpgrade(store: Store): Promise<void> {
  try {
    const months = await store.listRollups({ granularity: 'month', from: new Date('2025-12-01'), to: new Date('2027-01-02') });
    const expected = ['2026-01', '2026-03', '2026-04', '2026-10', '2026-11', '2026-12'].flatMap((key) => {
      const period = parsePeriodKey(key)!;
      return ['caf', 'impots'].map((serviceId) => {
        const inMonth = ROWS.filter((r) => r.serviceId === serviceId && r.bucketStart >= period.start && r.bucketStart < period.end);
        return { ...mergeRollups(inMonth), serviceId, granularity: 'month', bucketStart: period.start };
      });
    });
    expect(months).toEqual(expected);
    expect(months.map((m) => m.bucketStart.toISOString()).filter((_, i) => i % 2 === 0)).toEqual([
      '2025-12-31T23:00:00.000Z',
      '2026-02-28T23:00:00.000Z',
      '2026-03-31T22:00:00.000Z',
      '2026-09-30T22:00:00.000Z',
      '2026-10-31T23:00:00.000Z',
      '2026-11-30T23:00:00.000Z',
    ]);
  } finally {
    await store.close();
  }
}

describe('monthly rollups: adding up the months already past', () => {
  const dir = mkdtempSync(join(tmpdir(), 'vigie-monthly-migration-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('on SQLite', async () => {
    const path = join(dir, 'vigie.db');
    await writeOldRows(openSqliteDatabase(path));
    await provesTheUpgrade(await openStore(path));
  });
});

const schemas = schemaFactory('vigie_monthly_migration');
describe.runIf(await requirePostgres('test/store/monthly-rollups-migration.test.ts (PostgreSQL half)'))(
  'monthly rollups: adding up the months already past',
  () => {
    afterAll(() => schemas.dropAll());

    it('on PostgreSQL', async () => {
      const schema = schemas.next();
      await writeOldRows(await bareSchemaDatabase(schema));
      await provesTheUpgrade(await openStore(TEST_POSTGRES_URL, { schema }));
    });
  },
);
