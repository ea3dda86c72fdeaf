import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createProbeApp } from '../../src/probe/app.ts';
import { blindness } from '../../src/probe/blindness.ts';
import type { LeaseView } from '../../src/probe/lease-keeper.ts';
import { openStore } from '../../src/store/open-store.ts';
import type { Store } from '../../src/store/store.ts';
import { createManualClock } from '../support/manual-clock.ts';
import { createTestRunner } from '../support/test-runner.ts';
import { catalogue, scriptedChecker, service } from './support/catalogue.ts';

/** A probe never says it is healthy while it checks nothing: no lease, silence, or a clock too far off the store's. */
const view = (patch: Partial<LeaseView>): LeaseView => ({
  held: 2,
  unheld: 0,
  clockSkewMs: 0,
  skewed: false,
  store: 'ok',
  storeSince: null,
  lastError: null,
  ...patch,
});

describe('blindness', () => {
  it.each([
    ['checking, no leases', null, 1_000, null],
    ['silent past an interval, no leases', null, 100_000, 'no_checks'],
    ['silent past an interval with a check in flight (a hung site, until its timeout)', null, 100_000, null],
    ['holding leases and checking', view({}), 1_000, null],
    ['holding leases, silent', view({}), 100_000, 'no_checks'],
    ['holding none while some are free', view({ held: 0, unheld: 3 }), 1_000, 'no_lease'],
    ['holding none, all held elsewhere, just started', view({ held: 0 }), 1_000, null],
    ['holding none, all held elsewhere (perhaps by a dead process), silent', view({ held: 0 }), 100_000, 'no_lease'],
    ['a clock too far from the store', view({ held: 0, unheld: 2, skewed: true, clockSkewMs: 60_000 }), 1_000, 'clock_skew'],
  ] as const)('%s', (name, leases, sinceLastCheck, expected) => {
    const running = name.includes('in flight') ? 1 : 0;
    expect(blindness({ leases, lastCheckAt: 0, running, now: sinceLastCheck, quietMs: 90_000 })).toBe(expected);
  });
});

let dir: string;
let store: Store;
beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'vigie-probe-blind-'));
  store = await openStore(join(dir, 'vigie.db'));
});
afterEach(async () => {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

const T0 = Date.parse('2026-03-02T10:00:00Z');
const me = { holder: 'me', location: 'test', host: 'box', pid: 2 };

/** A probe with leases whose store clock runs `skewMs` ahead of its own. */
function setup(skewMs = 0) {
  const clock = createManualClock(T0);
  const leased = { ...store, now: () => Promise.resolve(new Date(clock.now() + skewMs)) };
  const runner = createTestRunner({
    catalogue: catalogue([service('caf', 'https://www.caf.fr/'), service('cnil', 'https://www.cnil.fr/')]),
    store: leased,
    checker: scriptedChecker(clock.now),
    clock,
    leases: { me, leaseMs: 30_000 },
  });
  return { clock, runner, app: createProbeApp({ store, runner, clock }) };
}

async function read(app: ReturnType<typeof setup>['app']) {
  const health = (await (await app.request('/healthz')).json()) as Record<string, unknown>;
  return { health, ready: (await app.request('/readyz')).status, metrics: await (await app.request('/metrics')).text() };
}

describe('a probe holding no lease', () => {
  it('says it is blind in /healthz, /readyz and /metrics once it has checked nothing for an interval', async () => {
    // Another process holds every lease, for a long time (alive, or dead with leases not yet run out).
    await store.seedLeases('test', ['caf', 'cnil']);
    await store.saveProbeHolder({ holder: 'other', location: 'test', host: 'box', pid: 1, seenUntil: new Date(T0 + 3_600_000) });
    await store.claimLeases({ location: 'test', holder: 'other', want: 2, now: new Date(T0), until: new Date(T0 + 3_600_000) });
    const { clock, runner, app } = setup();
    await runner.start();
    expect((await read(app)).health).toMatchObject({ status: 'alive', leasesHeld: 0, blind: null });

    await clock.advance(91_000);
    const { health, ready, metrics } = await read(app);
    expect(health).toMatchObject({ status: 'blind', probeHealthy: false, blind: { reason: 'no_lease' } });
    expect(ready).toBe(503);
    expect(metrics).toContain('vigie_probe_blind{location="test",reason="no_lease"} 1');
    await runner.stop(0, 0);
  });

  it('holds nothing, leaves the count of live processes and says so when its clock is off the store by more than the bound', async () => {
    await store.seedLeases('test', ['caf', 'cnil']);
    const { runner, app } = setup(60_000);
    await runner.start();
    const { health, ready, metrics } = await read(app);
    expect(health).toMatchObject({
      status: 'blind',
      leasesHeld: 0,
      blind: { reason: 'clock_skew' },
      clock: { skewMs: 60_000, skewed: true },
    });
    expect(ready).toBe(503);
    expect(metrics).toContain('vigie_probe_blind{location="test",reason="clock_skew"} 1');
    expect(metrics).toContain('vigie_probe_clock_skew_seconds{location="test"} 60');
    expect(await store.listProbeHolders()).toEqual([]);
    await runner.stop(0, 0);
  });

  it('takes its leases and checks with a clock within the bound', async () => {
    await store.seedLeases('test', ['caf', 'cnil']);
    const { runner, app } = setup(2_000);
    await runner.start();
    expect((await read(app)).health).toMatchObject({
      status: 'alive',
      leasesHeld: 2,
      blind: null,
      clock: { skewMs: 2_000, skewed: false },
    });
    await runner.stop(0, 0);
  });
});
