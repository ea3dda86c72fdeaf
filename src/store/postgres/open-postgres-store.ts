import pg from 'pg';
import { applyMigrations, PG_MIGRATION_LOCK } from '../migrations/apply-migrations.ts';
import { MIGRATIONS } from '../migrations/index.ts';
import { createSqlStore } from '../sql/sql-store.ts';
import type { Store } from '../store.ts';
import { createPostgresDatabase } from './postgres-database.ts';

const SCHEMA_NAME = /^[a-z_][a-z0-9_]{0,62}$/;

/**
 * Every call has a deadline, so a store that hangs (a table lock, a network that holds packets)
 * fails like one that is down instead of holding a caller forever: the probe buffers, the site
 * serves what it last read. The server ends a statement after `statementMs` and gives up waiting
 * for a lock after `lockMs`; the client gives up on an answer a little later (a server that no
 * longer answers at all) and on a free connection after `connectMs`.
 */
export interface PostgresDeadlines {
  statementMs: number;
  lockMs: number;
  connectMs: number;
}

export const DEFAULT_DEADLINES: PostgresDeadlines = { statementMs: 15_000, lockMs: 5_000, connectMs: 5_000 };

/**
 * Connects a pool, optionally inside its own schema (created if missing: tests isolate themselves
 * this way), and brings the schema up to date.
 */
export async function openPostgresStore(
  url: string,
  options: { schema?: string; max?: number; deadlines?: PostgresDeadlines; onConnectionLost?: (error: unknown) => void } = {},
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
  const where = schema ? { options: `-c search_path=${schema}` } : {};
  // Migrations may rewrite big tables and wait for another process's: no deadline for them.
  const migrating = createPostgresDatabase(new pg.Pool({ connectionString: url, max: 1, ...where }));
  try {
    await applyMigrations(migrating, MIGRATIONS, describe(url, schema));
  } finally {
    await migrating.close();
  }
  const deadlines = options.deadlines ?? DEFAULT_DEADLINES;
  const pool = new pg.Pool({
    connectionString: url,
    max: options.max ?? 10,
    ...where,
    statement_timeout: deadlines.statementMs,
    lock_timeout: deadlines.lockMs,
    idle_in_transaction_session_timeout: deadlines.statementMs * 2,
    query_timeout: deadlines.statementMs + deadlines.connectMs,
    connectionTimeoutMillis: deadlines.connectMs,
    keepAlive: true,
  });
  // An idle client losing its server connection must not crash the process (the next query
  // reconnects), but it is counted where the caller asks.
  pool.on('error', (error) => options.onConnectionLost?.(error));
  return createSqlStore(createPostgresDatabase(pool), 'postgres');
}

/** The URL without its password, for messages. */
function describe(url: string, schema: string | undefined): string {
  const parsed = new URL(url);
  parsed.password = '';
  return `${parsed.toString()}${schema ? ` (schema ${schema})` : ''}`;
}
