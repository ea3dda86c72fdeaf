import pg from 'pg';
import { applyMigrations, PG_MIGRATION_LOCK } from '../migrations/apply-migrations.ts';
import { MIGRATIONS } from '../migrations/index.ts';
import { createSqlStore } from '../sql/sql-store.ts';
import type { Store } from '../store.ts';
import { createPostgresDatabase } from './postgres-database.ts';

const SCHEMA_NAME = /^[a-z_][a-z0-9_]{0,62}$/;

/**
 * Connects a pool, optionally inside its own schema (created if missing: tests isolate themselves
 * this way), and brings the schema up to date.
 */
export async function openPostgresStore(
  url: string,
  options: { schema?: string; max?: number; onConnectionLost?: (error: unknown) => void } = {},
): Promise<Store> {
  const { schema } = options;
  if (schema !== undefined && !SCHEMA_NAME.test(schema)) {
    throw new Error(`Invalid PostgreSQL schema name "${schema}": use lower-case letters, digits and underscores`);
  }
  if (schema) {
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    try {
      await admin.query('BEGIN');
      await admin.query('SELECT pg_advisory_xact_lock($1)', [PG_MIGRATION_LOCK]);
      await admin.query(`CREATE SCHEMA IF NOT EXISTS "${schema}"`);
      await admin.query('COMMIT');
    } finally {
      await admin.end();
    }
  }
  const pool = new pg.Pool({
    connectionString: url,
    max: options.max ?? 10,
    ...(schema ? { options: `-c search_path=${schema}` } : {}),
  });
  // An idle client losing its server connection must not crash the process (the next query
  // reconnects), but it is counted where the caller asks.
  pool.on('error', (error) => options.onConnectionLost?.(error));
  const db = createPostgresDatabase(pool);
  try {
    await applyMigrations(db, MIGRATIONS, describe(url, schema));
  } catch (error) {
    await db.close();
    throw error;
  }
  return createSqlStore(db, 'postgres');
}

/** The URL without its password, for messages. */
function describe(url: string, schema: string | undefined): string {
  const parsed = new URL(url);
  parsed.password = '';
  return `${parsed.toString()}${schema ? ` (schema ${schema})` : ''}`;
}
