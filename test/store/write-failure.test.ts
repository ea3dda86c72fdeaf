import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isTimeout, writeFailure, type WriteFailure } from '../../src/store/write-failure.ts';
import { freePort } from '../support/site-server.ts';
import { requirePostgres, TEST_POSTGRES_URL } from './postgres-support.ts';

/**
 * Which write failures may drop a result (the rows are refused) and which keep it waiting (the
 * store cannot write): errors raised by the real SQLite and the real PostgreSQL, and the few codes
 * that cannot be provoked on a shared server, by their documented shape.
 */
let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'vigie-write-failure-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function sqliteError(setup: string, statement: string): unknown {
  const db = new DatabaseSync(join(dir, `${Math.random()}.db`));
  db.exec(setup);
  try {
    db.exec(statement);
  } catch (error) {
    return error;
  } finally {
    db.close();
  }
  throw new Error(`"${statement}" did not fail`);
}

describe('write failures on SQLite', () => {
  const table = 'CREATE TABLE t (id INTEGER PRIMARY KEY, n INTEGER NOT NULL, s TEXT);';
  it.each<[string, string, string, WriteFailure]>([
    ['NOT NULL (a NaN bound as null)', table, 'INSERT INTO t (n) VALUES (NULL)', 'row_refused'],
    ['primary key taken', `${table} INSERT INTO t VALUES (1, 1, 'a');`, "INSERT INTO t VALUES (1, 2, 'b')", 'row_refused'],
    ['datatype mismatch', table, "INSERT INTO t (id, n) VALUES ('x', 1)", 'row_refused'],
    [
      'database full (SQLITE_FULL)',
      `${table} PRAGMA max_page_count = 3;`,
      "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c WHERE x < 5000) INSERT INTO t (n, s) SELECT x, printf('%.500c', 'x') FROM c",
      'store_unavailable',
    ],
    ['read-only database', `${table} PRAGMA query_only = 1;`, 'INSERT INTO t (n) VALUES (1)', 'store_unavailable'],
  ])('%s', (_what, setup, statement, expected) => {
    expect(writeFailure(sqliteError(setup, statement))).toBe(expected);
  });
});

describe('write failures on PostgreSQL', async () => {
  const available = await requirePostgres('test/store/write-failure.test.ts');

  async function pgError(work: (client: pg.Client) => Promise<unknown>): Promise<unknown> {
    const client = new pg.Client({ connectionString: TEST_POSTGRES_URL });
    await client.connect();
    try {
      await client.query('BEGIN');
      await client.query('CREATE TEMP TABLE t (id INTEGER PRIMARY KEY, n INTEGER NOT NULL)');
      await client.query('INSERT INTO t VALUES (1, 1)');
      await work(client);
    } catch (error) {
      return error;
    } finally {
      await client.end();
    }
    throw new Error('the statement did not fail');
  }

  it.runIf(available).each<[string, (c: pg.Client) => Promise<unknown>, WriteFailure]>([
    ['unique violation (23505)', (c) => c.query('INSERT INTO t VALUES (1, 2)'), 'row_refused'],
    ['NOT NULL (23502)', (c) => c.query('INSERT INTO t VALUES (2, NULL)'), 'row_refused'],
    ['NaN into an integer (22P02)', (c) => c.query('INSERT INTO t VALUES (2, $1)', ['NaN']), 'row_refused'],
    ['statement timeout (57014)', (c) => c.query("SET LOCAL statement_timeout = '10ms'; SELECT pg_sleep(1)"), 'store_unavailable'],
  ])('%s', async (_what, work, expected) => {
    expect(writeFailure(await pgError(work))).toBe(expected);
  });

  it.runIf(available)('lock timeout while another session holds the table (55P03)', async () => {
    const table = `vigie_write_failure_${process.pid}_${Date.now()}`;
    const [holder, writer] = [
      new pg.Client({ connectionString: TEST_POSTGRES_URL }),
      new pg.Client({ connectionString: TEST_POSTGRES_URL }),
    ];
    await Promise.all([holder.connect(), writer.connect()]);
    try {
      await holder.query(`CREATE TABLE ${table} (n INTEGER)`);
      await holder.query(`BEGIN; LOCK TABLE ${table} IN ACCESS EXCLUSIVE MODE`);
      const error = await writer.query(`SET lock_timeout = '50ms'; INSERT INTO ${table} VALUES (1)`).then(
        () => null,
        (e: unknown) => e,
      );
      expect((error as { code?: string }).code).toBe('55P03');
      expect(writeFailure(error)).toBe('store_unavailable');
      expect(isTimeout(error)).toBe(true);
    } finally {
      await holder.query(`ROLLBACK; DROP TABLE IF EXISTS ${table}`);
      await Promise.all([holder.end(), writer.end()]);
    }
  });

  it('connection refused (no server on the port)', async () => {
    const client = new pg.Client({ connectionString: `postgres://postgres@127.0.0.1:${await freePort()}/test` });
    const error = await client.connect().then(
      () => null,
      (e: unknown) => e,
    );
    expect(writeFailure(error)).toBe('store_unavailable');
  });
});

describe('write failures known by their documented shape', () => {
  it.each<[string, unknown, WriteFailure]>([
    ['PostgreSQL disk full (53100)', { code: '53100', message: 'could not extend file' }, 'store_unavailable'],
    ['PostgreSQL too many connections (53300)', { code: '53300' }, 'store_unavailable'],
    ['PostgreSQL shutting down (57P01)', { code: '57P01' }, 'store_unavailable'],
    ['PostgreSQL check constraint (23514)', { code: '23514' }, 'row_refused'],
    ['ENOSPC from the file system', Object.assign(new Error('no space left on device'), { code: 'ENOSPC' }), 'store_unavailable'],
    ['a client-side timeout (no code)', new Error('Query read timeout'), 'store_unavailable'],
    ['SQLite disk I/O error (extended code 266)', { errcode: 266 }, 'store_unavailable'],
    ['SQLite constraint, extended (2067 unique)', { errcode: 2067 }, 'row_refused'],
    ['not an error object', 'boom', 'store_unavailable'],
  ])('%s', (_what, error, expected) => {
    expect(writeFailure(error)).toBe(expected);
  });
});

describe('a store that answered too late', () => {
  it.each<[string, unknown, boolean]>([
    ['statement timeout (57014)', { code: '57014' }, true],
    ['lock timeout (55P03)', { code: '55P03' }, true],
    ["pg's query timeout", new Error('Query read timeout'), true],
    ["pg's wait for a connection", new Error('timeout exceeded when trying to connect'), true],
    ['connection refused', Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' }), false],
    ['disk full (53100)', { code: '53100' }, false],
  ])('%s', (_what, error, slow) => {
    expect(isTimeout(error)).toBe(slow);
  });
});
