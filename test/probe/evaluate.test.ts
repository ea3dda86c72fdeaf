import { describe, expect, it } from 'vitest';
import type { CheckOutcome, ServiceState } from '../../src/domain/vocabulary.ts';
import { evaluate, initialTracking, type EvaluateOptions, type LocationTransition } from '../../src/probe/evaluate.ts';
import type { CheckResult, ServiceTracking } from '../../src/domain/records.ts';
import { checkResult } from '../support/records.ts';

const T0 = Date.parse('2026-03-02T10:00:00Z');

function result(outcome: CheckOutcome, minute: number, extra: Partial<CheckResult> = {}): CheckResult {
  return checkResult({
    serviceId: 'ameli',
    startedAt: new Date(T0 + minute * 60_000),
    outcome,
    latencyMs: outcome === 'timeout' ? null : 120,
    httpStatus: null,
    ...extra,
  });
}

/** One step: an outcome (or a full result override) and the expected state, event and recheck. */
interface Step {
  outcome: CheckOutcome;
  state: ServiceState;
  event?: LocationTransition['type'];
  recheck?: boolean;
  offline?: boolean;
  maintenance?: boolean;
}

interface Scenario {
  name: string;
  start?: ServiceTracking | null;
  options?: Partial<EvaluateOptions>;
  steps: Step[];
}

function run(scenario: Scenario): { tracking: ServiceTracking | null; events: LocationTransition[] } {
  let tracking = scenario.start ?? null;
  const events: LocationTransition[] = [];
  scenario.steps.forEach((step, i) => {
    const out = evaluate(tracking, result(step.outcome, i + 1, { probeOffline: step.offline ?? false }), {
      failuresBeforeDown: 3,
      successesBeforeUp: 2,
      inMaintenance: step.maintenance ?? false,
      ...scenario.options,
    });
    const where = `${scenario.name}, step ${i + 1} (${step.outcome})`;
    expect(out.tracking.state, where).toBe(step.state);
    expect(out.event?.type ?? undefined, where).toBe(step.event);
    if (step.recheck !== undefined) expect(out.recheck, where).toBe(step.recheck);
    if (out.event) events.push(out.event);
    tracking = out.tracking;
  });
  return { tracking, events };
}

function tracked(state: ServiceState, patch: Partial<ServiceTracking> = {}): ServiceTracking {
  return { ...initialTracking('ameli', 'paris', new Date(T0 - 3_600_000)), state, ...patch };
}

const scenarios: Scenario[] = [
  {
    name: 'confirmation after three failures',
    steps: [
      { outcome: 'ok', state: 'operational', recheck: false },
      { outcome: 'timeout', state: 'degraded', recheck: true },
      { outcome: 'http_5xx', state: 'degraded', recheck: true },
      { outcome: 'refused', state: 'down', event: 'confirmed_down', recheck: false },
      { outcome: 'timeout', state: 'down', recheck: false },
    ],
  },
  {
    name: 'hysteresis: one success does not recover',
    start: tracked('down', { failureStreak: 5 }),
    steps: [
      { outcome: 'ok', state: 'down', recheck: true },
      { outcome: 'timeout', state: 'down' },
      { outcome: 'ok', state: 'down', recheck: true },
      { outcome: 'ok', state: 'operational', event: 'confirmed_up', recheck: false },
    ],
  },
  {
    name: 'recovery into slow answers is degraded',
    start: tracked('down', { failureStreak: 3 }),
    steps: [
      { outcome: 'slow', state: 'down' },
      { outcome: 'slow', state: 'degraded', event: 'confirmed_up' },
    ],
  },
  {
    name: 'flapping below the threshold stays degraded and opens nothing',
    steps: [
      { outcome: 'ok', state: 'operational' },
      { outcome: 'http_5xx', state: 'degraded' },
      { outcome: 'ok', state: 'degraded' },
      { outcome: 'http_5xx', state: 'degraded' },
      { outcome: 'http_5xx', state: 'degraded' },
      { outcome: 'ok', state: 'degraded' },
      { outcome: 'timeout', state: 'degraded' },
      { outcome: 'ok', state: 'degraded' },
      { outcome: 'ok', state: 'operational' },
    ],
  },
  {
    name: 'flapping around down opens one outage',
    steps: [
      { outcome: 'timeout', state: 'degraded' },
      { outcome: 'timeout', state: 'degraded' },
      { outcome: 'timeout', state: 'down', event: 'confirmed_down' },
      { outcome: 'ok', state: 'down' },
      { outcome: 'timeout', state: 'down' },
      { outcome: 'ok', state: 'down' },
      { outcome: 'reset', state: 'down' },
      { outcome: 'ok', state: 'down' },
      { outcome: 'ok', state: 'operational', event: 'confirmed_up' },
    ],
  },
  {
    name: 'slow is degraded; a slow answer is still an answer, so a fast one brings it back',
    steps: [
      { outcome: 'ok', state: 'operational' },
      { outcome: 'slow', state: 'degraded', recheck: false },
      { outcome: 'ok', state: 'operational' },
      { outcome: 'timeout', state: 'degraded' },
      { outcome: 'slow', state: 'degraded' },
      { outcome: 'ok', state: 'operational' },
    ],
  },
  ...(['blocked', 'dns_temporary', 'unsafe_target'] as const).flatMap((outcome): Scenario[] => [
    {
      name: `${outcome} alone never confirms down`,
      steps: [
        { outcome: 'ok', state: 'operational' },
        ...Array.from({ length: 6 }, () => ({ outcome, state: 'operational' as const, recheck: outcome === 'dns_temporary' })),
      ],
    },
    {
      name: `${outcome} neither counts nor breaks a failure streak`,
      steps: [
        { outcome: 'timeout', state: 'degraded' },
        { outcome: 'timeout', state: 'degraded' },
        { outcome, state: 'degraded' },
        { outcome: 'timeout', state: 'down', event: 'confirmed_down' },
      ],
    },
    {
      name: `${outcome} as the very first result is unknown`,
      steps: [{ outcome, state: 'unknown' }],
    },
    {
      name: `${outcome} does not interrupt a recovery`,
      start: tracked('down', { failureStreak: 4 }),
      steps: [
        { outcome: 'ok', state: 'down' },
        { outcome, state: 'down', recheck: false },
        { outcome: 'ok', state: 'operational', event: 'confirmed_up' },
      ],
    },
  ]),
  {
    name: 'restart mid-confirmation keeps the streak',
    start: tracked('degraded', { failureStreak: 2, failureRunStartedAt: new Date(T0 - 120_000) }),
    steps: [{ outcome: 'timeout', state: 'down', event: 'confirmed_down' }],
  },
  {
    name: 'restart while down does not reopen',
    start: tracked('down', { failureStreak: 9, openIncidentId: 'inc-1' }),
    steps: [
      { outcome: 'timeout', state: 'down' },
      { outcome: 'http_5xx', state: 'down' },
    ],
  },
  {
    name: 'restart mid-recovery keeps the success streak',
    start: tracked('down', { successStreak: 1, openIncidentId: 'inc-1' }),
    steps: [{ outcome: 'ok', state: 'operational', event: 'confirmed_up' }],
  },
  {
    name: 'restart while operational',
    start: tracked('operational', { successStreak: 40 }),
    steps: [
      { outcome: 'ok', state: 'operational' },
      { outcome: 'timeout', state: 'degraded', recheck: true },
    ],
  },
  {
    name: 'restart after a maintenance window that ended',
    start: tracked('maintenance'),
    steps: [{ outcome: 'ok', state: 'operational' }],
  },
  {
    name: 'restart from unknown',
    start: tracked('unknown'),
    steps: [{ outcome: 'slow', state: 'degraded' }],
  },
  {
    name: 'probe offline changes nothing, in any state',
    steps: [
      { outcome: 'ok', state: 'operational' },
      ...Array.from({ length: 5 }, () => ({ outcome: 'timeout' as const, state: 'operational' as const, offline: true, recheck: false })),
      { outcome: 'timeout', state: 'degraded' },
      { outcome: 'timeout', state: 'degraded' },
      { outcome: 'refused', state: 'degraded', offline: true },
      { outcome: 'timeout', state: 'down', event: 'confirmed_down' },
      { outcome: 'ok', state: 'down', offline: true },
      { outcome: 'ok', state: 'down', offline: true },
      { outcome: 'ok', state: 'down' },
    ],
  },
  {
    name: 'maintenance hides failures and opens nothing; the streak starts afresh after it',
    steps: [
      { outcome: 'ok', state: 'operational' },
      { outcome: 'timeout', state: 'degraded' },
      ...Array.from({ length: 5 }, () => ({ outcome: 'timeout' as const, state: 'maintenance' as const, maintenance: true })),
      { outcome: 'timeout', state: 'degraded' },
      { outcome: 'timeout', state: 'degraded' },
      { outcome: 'timeout', state: 'down', event: 'confirmed_down' },
    ],
  },
  {
    name: 'an open outage is not resolved by a window starting, but by answers within it',
    start: tracked('down', { failureStreak: 3, openIncidentId: 'inc-1' }),
    steps: [
      { outcome: 'timeout', state: 'down', maintenance: true },
      { outcome: 'ok', state: 'down', maintenance: true },
      { outcome: 'ok', state: 'maintenance', event: 'confirmed_up', maintenance: true },
    ],
  },
  {
    name: 'failuresBeforeDown 1 confirms at once',
    options: { failuresBeforeDown: 1, successesBeforeUp: 1 },
    steps: [
      { outcome: 'dns_nxdomain', state: 'down', event: 'confirmed_down' },
      { outcome: 'ok', state: 'operational', event: 'confirmed_up' },
    ],
  },
];

describe('evaluate', () => {
  it.each(scenarios.map((s) => [s.name, s] as const))('%s', (_name, scenario) => {
    run(scenario);
  });

  it('starts the outage at the first failure of the confirmed run, and says when it came back, in no words', () => {
    const { tracking, events } = run({
      name: 'timeline',
      steps: [
        { outcome: 'ok', state: 'operational' },
        { outcome: 'timeout', state: 'degraded' },
        { outcome: 'ok', state: 'degraded' },
        { outcome: 'timeout', state: 'degraded' },
        { outcome: 'timeout', state: 'degraded' },
        { outcome: 'timeout', state: 'down', event: 'confirmed_down' },
        ...Array.from({ length: 70 }, () => ({ outcome: 'timeout' as const, state: 'down' as const })),
        { outcome: 'ok', state: 'down' },
        { outcome: 'ok', state: 'operational', event: 'confirmed_up' },
      ],
    });
    const [opened, resolved] = events;
    expect(opened).toEqual({ type: 'confirmed_down', startedAt: new Date(T0 + 4 * 60_000), outcome: 'timeout' });
    expect(resolved).toEqual({ type: 'confirmed_up', at: new Date(T0 + 78 * 60_000) });
    expect(tracking).toMatchObject({ state: 'operational', failureStreak: 0, successStreak: 2, failureRunStartedAt: null });
    expect(tracking?.since).toEqual(new Date(T0 + 78 * 60_000));
  });

  it('keeps the first check’s time, so a state found then is told apart from one seen to begin', () => {
    const options = { failuresBeforeDown: 3, successesBeforeUp: 2, inMaintenance: false };
    const first = evaluate(null, result('ok', 1), options);
    expect(first.tracking.firstCheckedAt).toEqual(first.tracking.since);
    const later = evaluate(first.tracking, result('timeout', 2), options);
    expect(later.tracking.state).toBe('degraded');
    expect(later.tracking.firstCheckedAt).toEqual(first.tracking.firstCheckedAt);
    expect(later.tracking.since.getTime()).toBeGreaterThan(later.tracking.firstCheckedAt!.getTime());
  });

  it('records what the last conclusive check saw', () => {
    const first = evaluate(null, result('ok', 1), { failuresBeforeDown: 3, successesBeforeUp: 2, inMaintenance: false });
    const blocked = evaluate(first.tracking, result('blocked', 2), {
      failuresBeforeDown: 3,
      successesBeforeUp: 2,
      inMaintenance: false,
    });
    expect(first.tracking).toMatchObject({ lastOutcome: 'ok', latencyMs: 120, lastCheckedAt: new Date(T0 + 60_000) });
    expect(blocked.tracking).toBe(first.tracking);
  });

  it('a mass outage with a healthy probe is reported for every service', () => {
    const ids = ['ameli', 'caf', 'impots', 'urssaf'];
    const opened = ids.filter((serviceId) => {
      let tracking: ServiceTracking | null = null;
      let event: LocationTransition | null = null;
      for (let minute = 1; minute <= 3; minute += 1) {
        const out = evaluate(
          tracking,
          { ...result('timeout', minute), serviceId },
          {
            failuresBeforeDown: 3,
            successesBeforeUp: 2,
            inMaintenance: false,
          },
        );
        tracking = out.tracking;
        event = out.event ?? event;
      }
      return tracking?.state === 'down' && tracking.serviceId === serviceId && event?.type === 'confirmed_down';
    });
    expect(opened).toEqual(ids);
  });
});
