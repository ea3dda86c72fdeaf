import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { createPostgresDatabase } from '../../src/store/postgres/postgres-database.ts';
import type { SqlDatabase } from '../../src/store/sql/executor.ts';

/** The PostgreSQL the tests use: CI provisions it on 127.0.0.1:5432, database `test`. */
export const TEST_POSTGRES_URL = process.env.VIGIE_TEST_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

/**
 * True when PostgreSQL answers. Locally a missing server skips the PostgreSQL half loudly; in CI
 * (CI set) it is a failure, so a broken provisioning step cannot pass as green.
 */
export async function requirePostgres(file: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: TEST_POSTGRES_URL, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    await client.query('SELECT 1');
    return true;
  } catch (error) {
    const why = `PostgreSQL is not reachable at ${TEST_POSTGRES_URL} (${(error as Error).message})`;
    if (process.env.CI) throw new Error(`${why}: CI must run the PostgreSQL tests. Start it, or fix .ci/run.`, { cause: error });
    console.warn(`\n!!! SKIPPING ${file}: ${why}. Start PostgreSQL to run these tests.\n`);
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** Hands out fresh schema names and drops every one of them at the end. */
export function schemaFactory(prefix: string): { next(): string; dropAll(): Promise<void> } {
  const made: string[] = [];
  return {
    next() {
      const name = `${prefix}_${randomBytes(6).toString('hex')}`;
      made.push(name);
      return name;
    },
    async dropAll() {
      const client = new pg.Client({ connectionString: TEST_POSTGRES_URL });
      await client.connect();
      try {
        for (const name of made.splice(0)) await client.query(`DROP SCHEMA IF EXISTS "${name}" CASCADE`);
      } finally {
        await client.end();
      }
    },
  };
}

/** A new schema, and a bare database on it (no migration applied): for writing rows as an older Vigie did. */
export async function bareSchemaDatabase(schema: string): Promise<SqlDatabase> {
  const admin = new pg.Client({ connectionString: TEST_POSTGRES_URL });
  await admin.connect();
  await admin.query(`CREATE SCHEMA "${schema}"`);
  await admin.end();
  return createPostgresDatabase(new pg.Pool({ connectionString: TEST_POSTGRES_URL, options: `-c search_path=${schema}` }));
}
