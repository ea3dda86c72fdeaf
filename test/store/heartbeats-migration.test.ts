import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { applyMigrations } from '../../src/store/migrations/apply-migrations.ts';
import { MIGRATIONS } from '../../src/store/migrations/index.ts';
import { openStore } from '../../src/store/open-store.ts';
import type { SqlDatabase } from '../../src/store/sql/executor.ts';
import { openSqliteDatabase } from '../../src/store/sqlite/sqlite-database.ts';
import type { Store } from '../../src/store/store.ts';
import { bareSchemaDatabase, requirePostgres, schemaFactory, TEST_POSTGRES_URL } from './postgres-support.ts';

/**
 * Migration 10 on a database written before it: the one heartbeat row per location stays, every
 * value kept, as the location's "legacy" process; the upgraded processes then write rows of their
 * own beside it, and pruning forgets it once it is old and a newer row speaks for the location.
 */
const BEFORE = MIGRATIONS.filter((m) => m.version < 10);
const AT = new Date('2026-03-10T09:00:00.123Z');
const LATER = new Date(AT.getTime() + 2 * 86_400_000);
const SELF = { userAgent: 'Vigie-probe/0.1.0 (+https://status.example)', perHost: 2 };

async function writeOldRows(db: SqlDatabase): Promise<void> {
  await applyMigrations(db, BEFORE, 'the test database');
  await db.run(
    'INSERT INTO probe_heartbeats (location, at, canaries_healthy, version, user_agent, per_host) VALUES (?, ?, ?, ?, ?, ?), (?, ?, ?, ?, NULL, NULL)',
    ['paris', db.time(AT), db.bool(false), '0.1.0', SELF.userAgent, SELF.perHost, 'lyon', db.time(AT), db.bool(true), '0.0.9'],
  );
  await db.close();
}

async function provesTheUpgrade(store: Store): Promise<void> {
  try {
    expect(await store.listHeartbeats()).toEqual([
      { location: 'lyon', process: 'legacy', at: AT, canariesHealthy: true, version: '0.0.9' },
      { location: 'paris', process: 'legacy', at: AT, canariesHealthy: false, version: '0.1.0', self: SELF },
    ]);
    await store.recordHeartbeat({
      location: 'paris',
      process: 'host:42:abcdef',
      at: LATER,
      canariesHealthy: true,
      version: '0.2.0',
      self: SELF,
    });
    expect((await store.listHeartbeats()).map((h) => `${h.location} ${h.process}`)).toEqual([
      'lyon legacy',
      'paris host:42:abcdef',
      'paris legacy',
    ]);
    expect(await store.pruneHeartbeats(new Date(LATER.getTime() - 86_400_000))).toBe(1);
    expect((await store.listHeartbeats()).map((h) => `${h.location} ${h.process}`)).toEqual(['lyon legacy', 'paris host:42:abcdef']);
  } finally {
    await store.close();
  }
}

describe('heartbeats per process: migrating an existing row', () => {
  const dir = mkdtempSync(join(tmpdir(), 'vigie-heartbeats-migration-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('on SQLite', async () => {
    const path = join(dir, 'vigie.db');
    await writeOldRows(openSqliteDatabase(path));
    await provesTheUpgrade(await openStore(path));
  });
});

const schemas = schemaFactory('vigie_heartbeats_migration');
describe.runIf(await requirePostgres('test/store/heartbeats-migration.test.ts (PostgreSQL half)'))(
  'heartbeats per process: migrating an existing row',
  () => {
    afterAll(() => schemas.dropAll());

    it('on PostgreSQL', async () => {
      const schema = schemas.next();
      await writeOldRows(await bareSchemaDatabase(schema));
      await provesTheUpgrade(await openStore(TEST_POSTGRES_URL, { schema }));
    });
  },
);
