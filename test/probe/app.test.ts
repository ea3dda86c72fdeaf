import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createProbeApp } from '../../src/probe/app.ts';
import { createSwallowedErrors } from '../../src/probe/swallowed-errors.ts';
import { openStore } from '../../src/store/open-store.ts';
import type { Store } from '../../src/store/store.ts';
import { catalogue, scriptedChecker, service } from './support/catalogue.ts';
import { createManualClock } from '../support/manual-clock.ts';
import { createTestRunner } from '../support/test-runner.ts';

let dir: string;
let store: Store;

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'vigie-probe-app-'));
  store = await openStore(join(dir, 'vigie.db'));
});

afterEach(async () => {
  await store.close().catch(() => undefined);
  rmSync(dir, { recursive: true, force: true });
});

function setup() {
  const clock = createManualClock(Date.parse('2026-03-02T10:00:00Z'));
  const checker = scriptedChecker(clock.now);
  const logged: string[] = [];
  const runner = createTestRunner({
    catalogue: catalogue([service('caf', 'https://www.caf.fr/'), service('cnil', 'https://www.cnil.fr/')]),
    store,
    checker,
    concurrency: 10,
    clock,
    errors: createSwallowedErrors({ log: (line) => logged.push(line), now: clock.now }),
  });
  return { clock, checker, runner, logged, app: createProbeApp({ store, runner, clock }) };
}

describe('probe app', () => {
  it('lists what the probe believes about each service', async () => {
    const { checker, runner, app } = setup();
    checker.set('cnil', 'timeout');
    await runner.checkService('caf');
    await runner.checkService('cnil');
    const res = await app.request('/api/v1/services');
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual([
      {
        id: 'caf',
        state: 'operational',
        since: '2026-03-02T10:00:00.000Z',
        lastCheckedAt: '2026-03-02T10:00:00.000Z',
        lastOutcome: 'ok',
        latencyMs: 42,
      },
      {
        id: 'cnil',
        state: 'degraded',
        since: '2026-03-02T10:00:00.000Z',
        lastCheckedAt: '2026-03-02T10:00:00.000Z',
        lastOutcome: 'timeout',
        latencyMs: null,
      },
    ]);
  });

  it('serves Prometheus text labelled with the location: checks by outcome, latency histogram, states, canary health', async () => {
    const { checker, runner, app } = setup();
    checker.set('cnil', 'http_5xx');
    await runner.checkService('caf');
    await runner.checkService('cnil');
    const res = await app.request('/metrics');
    expect(res.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
    const text = await res.text();
    expect(text).toContain('vigie_probe_checks_total{location="test",kind="http",outcome="ok"} 1\n');
    expect(text).toContain('vigie_probe_checks_total{location="test",kind="http",outcome="http_5xx"} 1\n');
    expect(text).toContain('vigie_probe_check_latency_seconds_bucket{location="test",le="0.05"} 2\n');
    expect(text).toContain('vigie_probe_check_latency_seconds_count{location="test"} 2\n');
    expect(text).toContain('vigie_probe_services{location="test",state="operational"} 1\n');
    expect(text).toContain('vigie_probe_services{location="test",state="degraded"} 1\n');
    expect(text).toContain('vigie_probe_canaries_healthy{location="test"} 1\n');
    expect(text).toContain('# TYPE vigie_probe_scheduler_lag_seconds histogram\n');
  });

  it('is ready with a reachable store, and says why not once the store is gone', async () => {
    const { app } = setup();
    const ready = await app.request('/readyz');
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ ready: true, problems: [] });
    await store.close();
    const gone = await app.request('/readyz');
    expect(gone.status).toBe(503);
    expect((await gone.json()).problems[0]).toMatch(/^store unreachable: /);
  });

  it('is not ready while checks start late', async () => {
    const { clock, runner, app } = setup();
    await runner.start();
    clock.stall(3 * 60_000);
    await clock.advance(1);
    const res = await app.request('/readyz');
    expect(res.status).toBe(503);
    expect((await res.json()).problems.join()).toMatch(/checks start \d+ ms late \(p99\), above 5000 ms/);
    const stopping = runner.stop(1000);
    await clock.advance(2000);
    await stopping;
  });

  it('keeps a result the store could not take in its buffer, counted and shown', async () => {
    const { runner, app, logged } = setup();
    await store.close();
    const evaluation = await runner.checkService('caf');
    expect(evaluation?.tracking.state).toBe('operational');
    const health = await (await app.request('/healthz')).json();
    expect(health).toMatchObject({
      status: 'alive',
      swallowedErrors: { store_write: 1 },
      buffer: { size: 1, capacity: 10_000, dropped: 0 },
    });
    expect(logged.join('\n')).toMatch(
      /store_write failed \(result of caf at 2026-03-02T10:00:00.000Z kept in memory until the store answers\)/,
    );
    const metrics = await (await app.request('/metrics')).text();
    expect(metrics).toContain('vigie_probe_swallowed_errors_total{location="test",kind="store_write"} 1\n');
    expect(metrics).toContain('vigie_probe_buffer_results{location="test"} 1\n');
  });

  it('says the store is slow in /healthz, /readyz and /metrics while a write waits past its deadline and pings still answer', async () => {
    const clock = createManualClock(Date.parse('2026-03-02T10:00:00Z'));
    let release = () => undefined as void;
    const held = new Promise<void>((resolve) => (release = resolve));
    // A table lock: reads and pings answer, writes wait.
    const locked: Store = { ...store, recordCheck: (input) => held.then(() => store.recordCheck(input)) };
    const runner = createTestRunner({
      catalogue: catalogue([service('caf', 'https://www.caf.fr/')]),
      store: locked,
      checker: scriptedChecker(clock.now),
      clock,
      slowWriteMs: 5_000,
    });
    const app = createProbeApp({ store: locked, runner, clock });
    const checked = runner.checkService('caf');
    await clock.advance(5_000);
    expect((await checked)?.tracking.state).toBe('operational');
    expect(await (await app.request('/healthz')).json()).toMatchObject({
      store: { writes: 'slow', since: '2026-03-02T10:00:05.000Z' },
      buffer: { store: 'slow' },
    });
    const ready = await app.request('/readyz');
    expect(ready.status).toBe(503);
    expect((await ready.json()).problems).toEqual(['store slow for writes since 2026-03-02T10:00:05.000Z: 0 results wait in memory']);
    expect(await (await app.request('/metrics')).text()).toContain('vigie_probe_store_writes{location="test",state="slow"} 1\n');
    release();
    await clock.advance(1);
    expect((await app.request('/readyz')).status).toBe(200);
    expect(await store.listResults('caf', { limit: 5 })).toHaveLength(1);
  });

  it('maps unknown routes and failures to JSON errors', async () => {
    const { app } = setup();
    const missing = await app.request('/nope');
    expect(missing.status).toBe(404);
    expect(await missing.json()).toEqual({ error: 'no route for GET /nope' });
    const broken = createProbeApp({
      store,
      runner: {
        status: () => {
          throw new Error('status unavailable');
        },
        metricsText: () => '',
      },
    });
    const res = await broken.request('/healthz');
    expect(res.status).toBe(500);
    expect(await res.json()).toEqual({ error: 'internal error; see the probe log' });
  });
});
