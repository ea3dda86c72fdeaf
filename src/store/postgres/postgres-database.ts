import pg from 'pg';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Row, SqlDatabase, SqlExecutor } from '../sql/executor.ts';

const UNIQUE_VIOLATION = '23505';
/** Serialization failure and deadlock: the transaction did nothing and can simply run again. */
const RETRYABLE = new Set(['40001', '40P01']);
const MAX_ATTEMPTS = 5;
const SQLSTATE = /^[0-9A-Z]{5}$/;

/** `?` placeholders become `$1…$n`; the store's SQL never contains a literal question mark. */
export function toPositional(sql: string): string {
  let n = 0;
  return sql.replace(/\?/g, () => `$${++n}`);
}

function executor(client: pg.Pool | pg.PoolClient): SqlExecutor {
  return {
    dialect: 'postgres',
    all: async (sql, params = []) => (await client.query(toPositional(sql), [...params])).rows as Row[],
    run: async (sql, params = []) => (await client.query(toPositional(sql), [...params])).rowCount ?? 0,
    exec: async (script) => void (await client.query(script)),
    time: (value) => value,
    bool: (value) => value,
  };
}

/** A pool; every transaction runs on one checked-out client and is retried on deadlock. */
export function createPostgresDatabase(pool: pg.Pool): SqlDatabase {
  return {
    ...executor(pool),
    transaction: async (fn) => {
      for (let attempt = 1; ; attempt += 1) {
        const client = await pool.connect();
        let broken: Error | undefined;
        // The server going away while the client is checked out is an 'error' event with no other
        // listener (the pool only watches idle clients): it would end the process.
        const lost = (error: Error) => (broken = error);
        client.on('error', lost);
        try {
          await client.query('BEGIN');
          const result = await fn(executor(client));
          await client.query('COMMIT');
          return result;
        } catch (error) {
          const code = (error as { code?: unknown }).code;
          // No SQLSTATE: the client gave up (timeout) or lost the server; its connection may still
          // be busy with the statement, so it is thrown away rather than handed to the next caller.
          if (typeof code !== 'string' || !SQLSTATE.test(code)) broken = error instanceof Error ? error : new Error(String(error));
          else await client.query('ROLLBACK').catch(() => undefined);
          if (typeof code !== 'string' || !RETRYABLE.has(code) || attempt >= MAX_ATTEMPTS) throw error;
          await sleep(10 * attempt * Math.random());
        } finally {
          client.off('error', lost);
          client.release(broken);
        }
      }
    },
    isUniqueViolation: (error) => (error as { code?: string } | null)?.code === UNIQUE_VIOLATION,
    ping: async () => void (await pool.query('SELECT 1')),
    close: () => pool.end(),
  };
}
