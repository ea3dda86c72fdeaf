import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { DatabaseSync, type SQLInputValue, type StatementSync } from 'node:sqlite';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Row, SqlDatabase, SqlExecutor } from '../sql/executor.ts';
import { Mutex } from './mutex.ts';

const SQLITE_BUSY = 5;
const SQLITE_LOCKED = 6;
const SQLITE_CONSTRAINT_UNIQUE = 2067;
const SQLITE_CONSTRAINT_PRIMARYKEY = 1555;

export interface SqliteOptions {
  /** How long one statement blocks the thread on a locked file before we back off asynchronously. */
  busyTimeoutMs?: number;
  /** Total time a busy write keeps retrying before it fails. */
  busyRetryForMs?: number;
  /** Told of every busy retry, so contention can be counted in health output. */
  onBusyRetry?: () => void;
}

/**
 * One connection per process, one transaction at a time (a mutex, since awaiting inside a
 * transaction would otherwise let another caller's statements into it). Write transactions start
 * with BEGIN IMMEDIATE so the write lock is taken up front, and a busy file is retried with
 * bounded backoff instead of failing the write.
 */
export function openSqliteDatabase(path: string, options: SqliteOptions = {}): SqlDatabase {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  const db = new DatabaseSync(path);
  // Opening happens once, at start-up: blocking a while there is fine if another process is
  // creating the same file. Afterwards blocking is kept short and retries are asynchronous.
  db.exec('PRAGMA busy_timeout = 10000');
  db.exec('PRAGMA journal_mode = WAL');
  // WAL + NORMAL: a commit is in the WAL file (OS cache) before it is acknowledged, so kill -9 or
  // a crash of the process loses nothing; only a power loss or kernel crash could lose the last
  // commits. FULL would fsync every check; the probe's kill/restart guarantee does not need it.
  db.exec('PRAGMA synchronous = NORMAL');
  db.exec('PRAGMA foreign_keys = ON');
  db.exec(`PRAGMA busy_timeout = ${options.busyTimeoutMs ?? 200}`);
  const retryForMs = options.busyRetryForMs ?? 30_000;
  const mutex = new Mutex();
  const statements = new Map<string, StatementSync>();

  function prepare(sql: string): StatementSync {
    let statement = statements.get(sql);
    if (!statement) {
      statement = db.prepare(sql);
      statements.set(sql, statement);
    }
    return statement;
  }

  const executor: SqlExecutor = {
    dialect: 'sqlite',
    all: async (sql, params = []) => prepare(sql).all(...(params as SQLInputValue[])) as Row[],
    run: async (sql, params = []) => Number(prepare(sql).run(...(params as SQLInputValue[])).changes),
    exec: async (script) => db.exec(script),
    time: (value) => value.getTime(),
    bool: (value) => (value ? 1 : 0),
  };

  async function withBusyRetry<T>(work: () => Promise<T>): Promise<T> {
    const deadline = Date.now() + retryForMs;
    for (let attempt = 0; ; attempt += 1) {
      try {
        return await work();
      } catch (error) {
        if (!isBusy(error)) throw error;
        if (Date.now() >= deadline) {
          throw new Error(
            `The SQLite file "${path}" stayed locked by another process for ${retryForMs} ms. ` +
              'Check that no other program holds a long transaction on it.',
            { cause: error },
          );
        }
        options.onBusyRetry?.();
        await sleep(Math.min(5 * 2 ** attempt, 250) * (0.5 + Math.random()));
      }
    }
  }

  return {
    ...executor,
    all: (sql, params) => mutex.run(() => withBusyRetry(() => executor.all(sql, params))),
    run: (sql, params) => mutex.run(() => withBusyRetry(() => executor.run(sql, params))),
    exec: (script) => mutex.run(() => withBusyRetry(() => executor.exec(script))),
    transaction: (fn) =>
      mutex.run(() =>
        withBusyRetry(async () => {
          db.exec('BEGIN IMMEDIATE');
          try {
            const result = await fn(executor);
            db.exec('COMMIT');
            return result;
          } catch (error) {
            if (db.isTransaction) db.exec('ROLLBACK');
            throw error;
          }
        }),
      ),
    isUniqueViolation: (error) => {
      const code = (error as { errcode?: number }).errcode;
      return code === SQLITE_CONSTRAINT_UNIQUE || code === SQLITE_CONSTRAINT_PRIMARYKEY;
    },
    ping: () => mutex.run(async () => void prepare('SELECT 1').get()),
    close: () =>
      mutex.run(async () => {
        if (db.isOpen) db.close();
      }),
  };
}

function isBusy(error: unknown): boolean {
  const code = (error as { errcode?: number } | null)?.errcode;
  return code !== undefined && ((code & 0xff) === SQLITE_BUSY || (code & 0xff) === SQLITE_LOCKED);
}
