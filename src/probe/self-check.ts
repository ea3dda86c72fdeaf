import type { ServiceConfig } from '../config/services-schema.ts';
import type { CheckResult } from '../domain/records.ts';
import type { Checker } from './check/types.ts';
import type { ProbeClock } from './clock.ts';
import {
  canaryVerdict,
  isAnswer,
  isNetworkFailure,
  probeOffline,
  uniformNetworkFailure,
  type CanaryVerdict,
  type RecentFailure,
} from './probe-health.ts';

/**
 * The probe's suspicion of itself. Canaries are checked every cycle with the same checker, and again
 * whenever a target fails at the network level and the last round is older than that failure: a
 * failure is only believed if the canaries answered after it happened.
 */
export interface SelfCheckOptions {
  canaries: readonly string[];
  checker: Checker;
  location: string;
  clock: ProbeClock;
  canaryTimeoutS?: number;
  /** Aborted at shutdown, so a canary round never holds the process past its deadline. */
  signal?: AbortSignal;
  /** A canary round that started this long before a failure still vouches for it. */
  freshnessMs?: number;
  /**
   * Whether a service's check goes over the network: a heartbeat is read from the store, so its
   * answer says nothing of the probe's path. Default: every service's does.
   */
  overNetwork?: (serviceId: string) => boolean;
}

export interface CanaryRound {
  startedAt: number;
  outcomes: CheckResult['outcome'][];
  verdict: CanaryVerdict;
}

export interface SelfCheck {
  /** Every target result, before it is judged: evidence for the uniform-failure heuristic. */
  observe(result: CheckResult): void;
  /** Whether this result should be stored as probe-offline. */
  judge(result: CheckResult): Promise<boolean>;
  /** A canary round now (no-op without canaries); returns whether the probe trusts its network. */
  round(): Promise<boolean>;
  healthy(): boolean;
  lastRound(): CanaryRound | null;
}

const MAX_FAILURES_KEPT = 1000;

export function createSelfCheck(options: SelfCheckOptions): SelfCheck {
  const freshnessMs = options.freshnessMs ?? 5_000;
  // Canaries are the operator's own reference points and their results are never published.
  const canaryServices: ServiceConfig[] = options.canaries.map((url, i) => ({
    id: `canary-${i + 1}`,
    name: { fr: url, en: url },
    description: null,
    aliases: [],
    category: 'canary',
    url,
    interval: 60,
    timeout: options.canaryTimeoutS ?? 5,
    expectStatus: '100-599',
    keyword: null,
    slowMs: 120_000,
    // A canary may be an address on the operator's network; where it redirects may not.
    allowPrivateNetwork: 'own-host',
    detection: { failuresBeforeDown: 1, successesBeforeUp: 1 },
    hours: null,
  }));
  let failuresSinceAnswer: RecentFailure[] = [];
  let last: CanaryRound | null = null;
  let inFlight: { startedAt: number; done: Promise<CanaryRound> } | null = null;

  function startRound(): Promise<CanaryRound> {
    const startedAt = options.clock.now();
    const done = Promise.all(canaryServices.map((s) => options.checker(s, { location: options.location, signal: options.signal }))).then(
      (results) => {
        const outcomes = results.map((r) => r.outcome);
        const round = { startedAt, outcomes, verdict: canaryVerdict(outcomes) };
        if (!last || last.startedAt <= startedAt) last = round;
        return round;
      },
    );
    inFlight = { startedAt, done };
    void done.finally(() => {
      if (inFlight?.done === done) inFlight = null;
    });
    return done;
  }

  async function verdictAfter(at: number): Promise<CanaryVerdict | null> {
    if (canaryServices.length === 0) return null;
    if (last && last.startedAt >= at - freshnessMs) return last.verdict;
    if (inFlight && inFlight.startedAt >= at - freshnessMs) return (await inFlight.done).verdict;
    return (await startRound()).verdict;
  }

  const uniform = () => uniformNetworkFailure(failuresSinceAnswer);

  return {
    observe(result) {
      if (options.overNetwork && !options.overNetwork(result.serviceId)) return;
      if (isAnswer(result.outcome)) failuresSinceAnswer = [];
      else if (isNetworkFailure(result.outcome)) {
        failuresSinceAnswer.push({ serviceId: result.serviceId, outcome: result.outcome });
        if (failuresSinceAnswer.length > MAX_FAILURES_KEPT) failuresSinceAnswer.shift();
      }
    },
    async judge(result) {
      if (!isNetworkFailure(result.outcome)) return false;
      const canaries = await verdictAfter(result.startedAt.getTime());
      return probeOffline({ canaries, uniformFailure: uniform() });
    },
    async round() {
      if (canaryServices.length > 0) await startRound();
      return this.healthy();
    },
    healthy: () => !probeOffline({ canaries: last?.verdict ?? null, uniformFailure: uniform() }),
    lastRound: () => last,
  };
}
