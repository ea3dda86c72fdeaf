import { Hono } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { Store } from '../store/store.ts';
import { supervisorReport } from '../supervise/report.ts';
import { systemClock, type ProbeClock } from './clock.ts';
import type { Runner } from './runner.ts';

/**
 * The probe's own HTTP face, for operators and their monitoring: liveness with the errors it
 * survived, readiness, Prometheus metrics, and what it currently believes about each service.
 */
export interface ProbeAppOptions {
  store: Pick<Store, 'ping'>;
  runner: Pick<Runner, 'status' | 'metricsText'>;
  clock?: ProbeClock;
  /** Above this recent p99 scheduler lag the probe says it is not ready: its checks run late. */
  maxLagMs?: number;
  /** How long a store ping may take before readiness fails. */
  pingTimeoutMs?: number;
}

export function createProbeApp(options: ProbeAppOptions): Hono {
  const clock = options.clock ?? systemClock;
  const maxLagMs = options.maxLagMs ?? 5_000;
  const app = new Hono();

  app.get('/healthz', (c) => {
    const status = options.runner.status();
    return c.json({
      // "blind": alive but checking nothing (no lease while services are due, silent for an interval, clock skew).
      status: status.blind ? 'blind' : 'alive',
      process: status.processId,
      startedAt: status.startedAt,
      probeHealthy: status.probeHealthy,
      blind: status.blind,
      clock: status.clock,
      lastCycle: status.lastCycle,
      swallowedErrors: status.swallowedErrors,
      leasesHeld: status.leasesHeld,
      scheduler: {
        jobs: status.scheduler.jobs,
        checksStarted: status.scheduler.started,
        running: status.scheduler.running,
        waiting: status.scheduler.waiting,
        skippedSlots: status.scheduler.skippedSlots,
        lagP99Ms: Math.round(status.scheduler.lag.p99Ms),
      },
      buffer: status.buffer,
      // How writes go: "slow" once one waits past its deadline (checks go on, results wait in the buffer).
      // And lease renewals: "slow" when the last one failed on a deadline, "unreachable" otherwise.
      store: {
        writes: status.buffer.store,
        since: status.buffer.storeSince,
        lastError: status.buffer.lastError,
        leases: status.leaseStore,
      },
      supervisor: supervisorReport(),
    });
  });

  app.get('/readyz', async (c) => {
    const problems: string[] = [];
    const storeError = await pingWithin(options.store, options.pingTimeoutMs ?? 2_000, clock);
    if (storeError) problems.push(`store unreachable: ${storeError}`);
    const { buffer, scheduler, blind, leaseStore } = options.runner.status();
    if (blind) problems.push(`checking nothing since ${blind.since.toISOString()}: ${blind.reason}`);
    if (buffer.store !== 'ok')
      problems.push(`store ${buffer.store} for writes since ${buffer.storeSince}: ${buffer.size} results wait in memory`);
    if (leaseStore && leaseStore.state !== 'ok')
      problems.push(`store ${leaseStore.state} for lease renewals since ${leaseStore.since?.toISOString()}: ${leaseStore.lastError}`);
    const lag = scheduler.lag.p99Ms;
    if (lag > maxLagMs) problems.push(`checks start ${Math.round(lag)} ms late (p99), above ${maxLagMs} ms`);
    return c.json({ ready: problems.length === 0, problems }, problems.length === 0 ? 200 : 503);
  });

  app.get('/metrics', (c) => c.body(options.runner.metricsText(), 200, { 'content-type': 'text/plain; version=0.0.4; charset=utf-8' }));

  app.get('/api/v1/services', (c) => c.json(options.runner.status().services));

  app.notFound((c) => c.json({ error: `no route for ${c.req.method} ${c.req.path}` }, 404));
  app.onError((error, c) => {
    if (error instanceof HTTPException) return c.json({ error: error.message }, error.status);
    console.error(`vigie-probe: ${c.req.method} ${c.req.path} failed:`, error);
    return c.json({ error: 'internal error; see the probe log' }, 500);
  });
  return app;
}

async function pingWithin(store: Pick<Store, 'ping'>, timeoutMs: number, clock: ProbeClock): Promise<string | null> {
  let timer: unknown;
  const timeout = new Promise<string>(
    (resolve) => (timer = clock.setTimeout(() => resolve(`no answer within ${timeoutMs} ms`), timeoutMs)),
  );
  try {
    return await Promise.race([store.ping().then(() => null), timeout]);
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  } finally {
    clock.clearTimeout(timer);
  }
}
