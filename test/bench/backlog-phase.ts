import type { ServiceConfig } from '../../src/config/services-schema.ts';
import type { CheckResult, ServiceTracking } from '../../src/domain/records.ts';
import { rollupDeltas } from '../../src/domain/rollup.ts';
import { autoIncidentDecider } from '../../src/incidents/auto-incident.ts';
import { systemClock } from '../../src/probe/clock.ts';
import { createWriteBatcher } from '../../src/probe/write-batcher.ts';
import { createWriteBuffer, type CheckWrite } from '../../src/probe/write-buffer.ts';
import type { Store } from '../../src/store/store.ts';

/**
 * The `backlog` phases of `npm run bench:probe`: how fast the probe writes what waited while the
 * store was away. A backlog of BACKLOG results (two checks of each of 5,000 services at 60 s, 1 %
 * of them confirming an outage, so their incident is decided under lock as in production) is
 * buffered while the store refuses writes, then the store comes back and the clock runs until the
 * buffer is empty. Baseline, same run and store: the way the probe wrote a backlog before, one
 * result at a time through the group commit (250 ms window), timed for BASELINE_MS. The steady
 * intake of the same catalogue is printed next to both: a drain slower than it never catches up.
 */
const SERVICES = 5_000;
const INTERVAL_S = 60;
const BASELINE_MS = 10_000;
const LOCATION = 'bench';
const T0 = Date.parse('2026-05-04T08:00:00Z');

function service(i: number): ServiceConfig {
  return {
    id: `svc-${i}`,
    name: { fr: `Service ${i}`, en: `Service ${i}` },
    description: null,
    aliases: [],
    category: 'bench',
    url: `https://svc-${i}.bench.test/`,
    interval: INTERVAL_S,
    timeout: 10,
    expectStatus: '200-399',
    keyword: null,
    slowMs: 3000,
    allowPrivateNetwork: false,
    detection: { failuresBeforeDown: 1, successesBeforeUp: 2 },
    hours: null,
  };
}

function backlog(count: number, round: number): CheckWrite[] {
  return Array.from({ length: count }, (_, n) => {
    const s = service(n % SERVICES);
    const at = new Date(T0 + (round * 1_000 + Math.floor(n / SERVICES)) * INTERVAL_S * 1000 + (n % SERVICES) * 10);
    const down = n % 100 === 0;
    const result: CheckResult = {
      serviceId: s.id,
      location: LOCATION,
      startedAt: at,
      outcome: down ? 'http_5xx' : 'ok',
      latencyMs: 40 + (n % 300),
      httpStatus: down ? 503 : 200,
      finalUrl: null,
      tlsExpiresAt: null,
      detail: null,
      probeOffline: false,
    };
    const tracking: ServiceTracking = {
      serviceId: s.id,
      location: LOCATION,
      state: down ? 'down' : 'operational',
      since: new Date(T0),
      failureStreak: down ? 1 : 0,
      successStreak: down ? 0 : 2,
      failureRunStartedAt: down ? at : null,
      lastCheckedAt: at,
      lastOutcome: result.outcome,
      latencyMs: result.latencyMs,
      openIncidentId: null,
    };
    const rollups = rollupDeltas({ result, state: tracking.state, previousCheckedAt: null, interval: INTERVAL_S });
    return { result, tracking, rollups, event: down ? autoIncidentDecider(s, [], at) : null };
  });
}

/** The store with a switch: while off, every write fails as an unreachable server's would. */
function switchable(store: Store): { store: Pick<Store, 'recordCheck' | 'recordChecks'>; up: boolean } {
  const state = {
    up: false,
    store: {
      recordCheck: (input: CheckWrite) => (state.up ? store.recordCheck(input) : Promise.reject(new Error('connect ECONNREFUSED'))),
      recordChecks: (inputs: readonly CheckWrite[]) =>
        state.up ? store.recordChecks(inputs) : Promise.reject(new Error('connect ECONNREFUSED')),
    },
  };
  return state;
}

export async function backlogPhase(count: number, label: string, open: () => Promise<Store>): Promise<string> {
  const store = await open();
  try {
    await store.recordHeartbeat({ location: LOCATION, process: 'bench', at: new Date(T0), canariesHealthy: true, version: 'bench' });
    const gate = switchable(store);
    const buffer = createWriteBuffer({ store: gate.store, clock: systemClock, capacity: count * 2, onError: () => undefined });
    for (const input of backlog(count, 0)) await buffer.record(input);
    const queued = buffer.stats().size;
    gate.up = true;
    const started = performance.now();
    while (buffer.stats().size > 0) await buffer.drain();
    const seconds = (performance.now() - started) / 1000;
    await buffer.stop();

    // Before: each buffered result handed alone to the group commit, waiting out its window.
    const batcher = createWriteBatcher({ store, clock: systemClock, windowMs: 250, maxSize: 200 });
    const until = performance.now() + BASELINE_MS;
    let before = 0;
    for (const input of backlog(count, 1)) {
      if (performance.now() >= until) break;
      await batcher(input);
      before += 1;
    }
    const beforeRate = before / (BASELINE_MS / 1000);
    return [
      `${label.padEnd(12)} backlog of ${queued} results (${SERVICES} services, 1 % deciding an outage) written in ${seconds.toFixed(1)} s: ${(queued / seconds).toFixed(0)} results/s`,
      `baseline, same run: one result at a time through the group commit, as before: ${beforeRate.toFixed(1)} results/s (${before} in ${BASELINE_MS / 1000} s; the same backlog would take ${(queued / Math.max(beforeRate, 0.01) / 60).toFixed(0)} min)`,
      `steady intake of the same catalogue: ${(SERVICES / INTERVAL_S).toFixed(1)} results/s`,
    ].join('\n  ');
  } finally {
    await store.close();
  }
}
