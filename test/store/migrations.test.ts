import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { applyMigrations } from '../../src/store/migrations/apply-migrations.ts';
import { MIGRATIONS } from '../../src/store/migrations/index.ts';
import type { Migration } from '../../src/store/migrations/migration.ts';
import { openStore } from '../../src/store/open-store.ts';
import { openSqliteDatabase } from '../../src/store/sqlite/sqlite-database.ts';
import { requirePostgres, schemaFactory, TEST_POSTGRES_URL } from './postgres-support.ts';

const dir = mkdtempSync(join(tmpdir(), 'vigie-migrations-'));
const latest = Math.max(...MIGRATIONS.map((m) => m.version));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('migrations on SQLite', () => {
  it('records each migration once and reopens an up-to-date file without change', async () => {
    const path = join(dir, 'nested', 'folder', 'vigie.db');
    await (await openStore(path)).close();
    const store = await openStore(path);
    expect(await store.dataVersion()).toBe(1);
    await store.close();
    const db = new DatabaseSync(path);
    expect(db.prepare('SELECT version, name FROM schema_migrations').all()).toEqual(
      MIGRATIONS.map((m) => ({ version: m.version, name: m.name })),
    );
    db.close();
  });

  it('refuses a database written by a newer Vigie, saying what to do', async () => {
    const path = join(dir, 'newer.db');
    await (await openStore(path)).close();
    const db = new DatabaseSync(path);
    db.prepare("INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, 'future', '2030-01-01')").run(latest + 1);
    db.close();
    await expect(openStore(path)).rejects.toThrow(
      new RegExp(`schema version ${latest + 1}, but this version of Vigie only knows up to ${latest}.*run that version`),
    );
  });

  it('applies a migration numbered below one already applied (work landed out of number order)', async () => {
    const table = (version: number): Migration => ({
      version,
      name: `table-${version}`,
      sqlite: `CREATE TABLE t${version} (x INTEGER)`,
      postgres: `CREATE TABLE t${version} (x INTEGER)`,
    });
    const db = openSqliteDatabase(join(dir, 'gap.db'));
    try {
      expect(await applyMigrations(db, [table(1), table(3)], 'gap.db')).toBe(2);
      expect(await applyMigrations(db, [table(1), table(2), table(3)], 'gap.db')).toBe(1);
      const rows = await db.all('SELECT version FROM schema_migrations ORDER BY version');
      expect(rows.map((r) => Number(r.version))).toEqual([1, 2, 3]);
    } finally {
      await db.close();
    }
  });

  it('lets the site and the probe open a new file at the same time', async () => {
    const path = join(dir, 'together.db');
    const stores = await Promise.all([openStore(path), openStore(path), openStore(path)]);
    for (const store of stores) expect(await store.dataVersion()).toBe(1);
    await Promise.all(stores.map((s) => s.close()));
  });
});

const schemas = schemaFactory('vigie_migrations');
describe.runIf(await requirePostgres('test/store/migrations.test.ts (PostgreSQL half)'))('migrations on PostgreSQL', () => {
  afterAll(() => schemas.dropAll());

  it('lets several processes migrate one fresh schema at once, applying each migration once', async () => {
    const schema = schemas.next();
    const stores = await Promise.all([1, 2, 3].map(() => openStore(TEST_POSTGRES_URL, { schema })));
    await Promise.all(stores.map((s) => s.close()));
    const client = new pg.Client({ connectionString: TEST_POSTGRES_URL });
    await client.connect();
    const { rows } = await client.query(`SELECT version FROM "${schema}".schema_migrations ORDER BY version`);
    await client.end();
    expect(rows.map((r) => r.version)).toEqual(MIGRATIONS.map((m) => m.version));
  });

  it('refuses a schema written by a newer Vigie', async () => {
    const schema = schemas.next();
    await (await openStore(TEST_POSTGRES_URL, { schema })).close();
    const client = new pg.Client({ connectionString: TEST_POSTGRES_URL });
    await client.connect();
    await client.query(`INSERT INTO "${schema}".schema_migrations VALUES ($1, 'future', '2030-01-01')`, [latest + 1]);
    await client.end();
    await expect(openStore(TEST_POSTGRES_URL, { schema })).rejects.toThrow(/newer Vigie/);
  });

  it('rejects a schema name that is not a plain identifier', async () => {
    await expect(openStore(TEST_POSTGRES_URL, { schema: 'x"; DROP SCHEMA public; --' })).rejects.toThrow(/Invalid PostgreSQL schema name/);
  });
});
