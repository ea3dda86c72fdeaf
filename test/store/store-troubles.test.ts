import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { openStore, type StoreTrouble } from '../../src/store/open-store.ts';
import { requirePostgres, schemaFactory, TEST_POSTGRES_URL } from './postgres-support.ts';

/** What the store gets over by itself is still told to the caller, for the health counters. */
const schemas = schemaFactory('vigie_troubles');
const postgresAvailable = await requirePostgres('test/store/store-troubles.test.ts');
afterAll(() => schemas.dropAll());

/** Troubles as they are told, and the first one of a kind as a promise to wait for. */
function troubleLog(): {
  troubles: StoreTrouble[];
  onRecovered: (trouble: StoreTrouble) => void;
  first: (kind: StoreTrouble) => Promise<void>;
} {
  const troubles: StoreTrouble[] = [];
  const waiting = new Map<StoreTrouble, () => void>();
  return {
    troubles,
    onRecovered: (trouble) => {
      troubles.push(trouble);
      waiting.get(trouble)?.();
    },
    first: (kind) => (troubles.includes(kind) ? Promise.resolve() : new Promise((resolve) => waiting.set(kind, resolve))),
  };
}

describe('store troubles reported to the caller', () => {
  it.runIf(postgresAvailable)('tells of a PostgreSQL connection lost while idle, and the next query reconnects', async () => {
    const { troubles, onRecovered, first } = troubleLog();
    const schema = schemas.next();
    // Named, so only this store's connections are cut, not those of suites running alongside.
    const url = `${TEST_POSTGRES_URL}${TEST_POSTGRES_URL.includes('?') ? '&' : '?'}application_name=${schema}`;
    const store = await openStore(url, { schema, onRecovered });
    try {
      await store.ping();
      const admin = new pg.Client({ connectionString: TEST_POSTGRES_URL });
      await admin.connect();
      await admin.query(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = $1 AND state = 'idle'`, [schema]);
      await admin.end();
      await first('connection_lost');
      expect(troubles).toContain('connection_lost');
      await expect(store.ping()).resolves.toBeUndefined();
    } finally {
      await store.close();
    }
  });

  it('tells of a SQLite write that waited for a busy file, and the write still lands', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'vigie-troubles-'));
    const path = join(dir, 'vigie.db');
    const { troubles, onRecovered, first } = troubleLog();
    const store = await openStore(path, { onRecovered });
    const other = new DatabaseSync(path);
    try {
      other.exec('BEGIN IMMEDIATE');
      const write = store.reserveLoginAttempt(['agent@example.gouv.fr'], new Date());
      await first('busy_retry');
      other.exec('COMMIT');
      await write;
      expect(troubles).toContain('busy_retry');
      expect(await store.countLoginFailures('agent@example.gouv.fr', new Date(0))).toBe(1);
    } finally {
      other.close();
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
