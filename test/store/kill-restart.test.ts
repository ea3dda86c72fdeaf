import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { afterAll, describe, expect, it } from 'vitest';
import { openStore } from '../../src/store/open-store.ts';
import type { Store } from '../../src/store/store.ts';
import { startRecorder } from './child-recorder.ts';
import { requirePostgres, schemaFactory, TEST_POSTGRES_URL } from './postgres-support.ts';

const dir = mkdtempSync(join(tmpdir(), 'vigie-kill-'));
const postgres = await requirePostgres('test/store/kill-restart.test.ts (PostgreSQL half)');
const schemas = schemaFactory('vigie_kill');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Kills a writer mid-stream with SIGKILL, then checks every acknowledged result survived. */
async function killAndReopen(open: () => Promise<Store>, databaseUrl: string, schema?: string): Promise<void> {
  const recorder = startRecorder(databaseUrl, 'impots', schema ? { schema } : {});
  await recorder.waitForAcks(300);
  recorder.child.kill('SIGKILL');
  const exit = await recorder.exited;
  expect(exit.signal).toBe('SIGKILL');
  const acked = [...recorder.acked];
  const store = await open();
  try {
    const stored = await store.listResults('impots', { limit: 1_000_000 });
    const storedIds = new Set(stored.map((r) => Number(r.detail)));
    expect(acked.filter((n) => !storedIds.has(n))).toEqual([]);
    // Nothing half-written either: every stored result has its rollups and tracking.
    const [tracking] = await store.listTrackings();
    expect(tracking!.successStreak).toBe(stored.length);
    const hours = await store.listRollups({ granularity: 'hour', from: new Date(0), to: new Date('2100-01-01') });
    expect(hours.reduce((sum, h) => sum + h.checks, 0)).toBe(stored.length);
    const after = startRecorder(databaseUrl, 'caf', { ...(schema ? { schema } : {}), count: 3 });
    expect((await after.exited).code).toBe(0);
    expect(await store.listResults('caf', { limit: 10 })).toHaveLength(3);
  } finally {
    await store.close();
  }
}

const WRITERS = 16;

/** The same through group commit: acknowledged means its batch committed, and then it is there. */
async function killBatchedAndReopen(open: () => Promise<Store>, databaseUrl: string, schema?: string): Promise<void> {
  const recorder = startRecorder(databaseUrl, 'batch', { ...(schema ? { schema } : {}), writers: WRITERS });
  await recorder.waitForAcks(600);
  recorder.child.kill('SIGKILL');
  expect((await recorder.exited).signal).toBe('SIGKILL');
  const acked = [...recorder.acked];
  const store = await open();
  try {
    const stored = (
      await Promise.all(Array.from({ length: WRITERS }, (_, w) => store.listResults(`batch-${w}`, { limit: 1_000_000 })))
    ).flat();
    const storedIds = new Set(stored.map((r) => Number(r.detail)));
    expect(acked.filter((n) => !storedIds.has(n))).toEqual([]);
    for (const tracking of await store.listTrackings()) {
      expect(tracking.successStreak).toBe(stored.filter((r) => r.serviceId === tracking.serviceId).length);
    }
    const hours = await store.listRollups({ granularity: 'hour', from: new Date(0), to: new Date('2100-01-01') });
    expect(hours.reduce((sum, h) => sum + h.checks, 0)).toBe(stored.length);
  } finally {
    await store.close();
  }
}

describe('kill -9 during writes', () => {
  it('SQLite: every acknowledged result is there and the file opens cleanly', async () => {
    const path = join(dir, 'kill.db');
    await killAndReopen(() => openStore(path), path);
    const db = new DatabaseSync(path);
    expect(db.prepare('PRAGMA integrity_check').get()).toEqual({ integrity_check: 'ok' });
    db.close();
  });

  it('SQLite, group commit: every acknowledged result is there, nothing half-written', async () => {
    const path = join(dir, 'kill-batched.db');
    await killBatchedAndReopen(() => openStore(path), path);
  });

  it.runIf(postgres)('PostgreSQL, group commit: every acknowledged result is there, nothing half-written', async () => {
    const schema = schemas.next();
    await killBatchedAndReopen(() => openStore(TEST_POSTGRES_URL, { schema }), TEST_POSTGRES_URL, schema);
  });

  it.runIf(postgres)('PostgreSQL: every acknowledged result is there', async () => {
    const schema = schemas.next();
    try {
      await killAndReopen(() => openStore(TEST_POSTGRES_URL, { schema }), TEST_POSTGRES_URL, schema);
    } finally {
      await schemas.dropAll();
    }
  });
});
