import type { Store } from '../store/store.ts';

/**
 * The store reads the public site renders from (the read model's input). Each answer is kept;
 * when the store stops answering, the last answer to the same question is returned instead, and
 * the read model, given the current time, turns what has grown too old into "unknown". The
 * store's clock then reads as this host's plus the difference last measured.
 */
export const REMEMBERED_READS = [
  'dataVersion',
  'listTrackings',
  'listHeartbeats',
  'listIncidents',
  'listMaintenances',
  'listRollups',
  'rollupSpan',
  'sumRollups',
  'getIncident',
  'getMaintenance',
  'listDeadlineExtensions',
  'listUpstreamReadings',
] as const;
type RememberedRead = (typeof REMEMBERED_READS)[number];

/** The store did not answer and this question was never answered before: nothing honest to show. */
export class StoreUnreachableError extends Error {
  override name = 'StoreUnreachableError';
}

export interface StoreReach {
  /** When the store stopped answering; null while it answers. */
  unreachableSince(): Date | null;
  /** Whether any read ever succeeded (a cold start with the store down has nothing to render). */
  everAnswered(): boolean;
  stats(): { remembered: number; servedFromMemory: number; failures: number; lastAnswerAt: string | null };
}

export interface LastReadsOptions {
  now?: () => number;
  /** A read taking longer than this counts as a failure (a store that hangs rather than refuses). */
  timeoutMs?: number;
  /** After a failure, reads answer from memory for this long before asking the store again. */
  retryAfterMs?: number;
  /** Distinct questions kept (pages of incidents, services…); the oldest go first. */
  maxRemembered?: number;
}

export function rememberLastReads(store: Store, options: LastReadsOptions = {}): { store: Store; reach: StoreReach } {
  const now = options.now ?? Date.now;
  const timeoutMs = options.timeoutMs ?? 3_000;
  const retryAfterMs = options.retryAfterMs ?? 2_000;
  const maxRemembered = options.maxRemembered ?? 5_000;
  const answers = new Map<string, unknown>();
  let downSince: number | null = null;
  let lastFailureAt = -Infinity;
  let lastAnswerAt: number | null = null;
  let failures = 0;
  let servedFromMemory = 0;

  function fromMemory(method: RememberedRead, key: string, cause: unknown): unknown {
    if (!answers.has(key)) throw new StoreUnreachableError('the status database cannot be reached', { cause });
    servedFromMemory += 1;
    const answer = answers.get(key);
    // A data version of its own while the store is away: pages cached while it answered are
    // rendered again (now saying the status is not being updated), and again once it is back.
    return method === 'dataVersion' ? -1 - (answer as number) : answer;
  }

  async function read(method: RememberedRead, args: unknown[]): Promise<unknown> {
    const key = questionKey(method, args);
    if (downSince !== null && now() - lastFailureAt < retryAfterMs) return fromMemory(method, key, new Error('store recently unreachable'));
    try {
      const call = (store[method] as (...a: unknown[]) => Promise<unknown>).apply(store, args);
      const answer = await withTimeout(call, timeoutMs);
      answers.delete(key);
      answers.set(key, answer);
      if (answers.size > maxRemembered) answers.delete(answers.keys().next().value as string);
      // One answer among failures (a pooled connection while new ones are refused) is not the
      // store back: the outage ends once reads have answered for a whole retry period.
      if (now() - lastFailureAt >= retryAfterMs) downSince = null;
      lastAnswerAt = now();
      return answer;
    } catch (error) {
      failures += 1;
      lastFailureAt = now();
      downSince ??= lastFailureAt;
      return fromMemory(method, key, error);
    }
  }

  // While the store is away its clock is this host's plus the difference seen at its last answer.
  let clockOffsetMs = 0;
  async function storeClock(): Promise<Date> {
    if (downSince !== null && now() - lastFailureAt < retryAfterMs) return new Date(now() + clockOffsetMs);
    const sent = now();
    try {
      const answer = await withTimeout(store.now(), timeoutMs);
      clockOffsetMs = answer.getTime() - (sent + now()) / 2;
      return answer;
    } catch {
      failures += 1;
      lastFailureAt = now();
      downSince ??= lastFailureAt;
      return new Date(now() + clockOffsetMs);
    }
  }

  const remembered = new Set<string>(REMEMBERED_READS);
  const wrapped = new Proxy(store, {
    get(target, property, receiver) {
      if (property === 'now') return storeClock;
      if (typeof property === 'string' && remembered.has(property)) {
        return (...args: unknown[]) => read(property as RememberedRead, args);
      }
      const value: unknown = Reflect.get(target, property, receiver);
      return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
    },
  });
  return {
    store: wrapped,
    reach: {
      unreachableSince: () => (downSince === null ? null : new Date(downSince)),
      everAnswered: () => lastAnswerAt !== null,
      stats: () => ({
        remembered: answers.size,
        servedFromMemory,
        failures,
        lastAnswerAt: lastAnswerAt === null ? null : new Date(lastAnswerAt).toISOString(),
      }),
    },
  };
}

/**
 * The same question asked at another moment: dates in the arguments (a window ending now) are
 * left out, so the last answer to "maintenance ending after now" serves the next such question.
 */
function questionKey(method: string, args: unknown[]): string {
  return `${method}:${JSON.stringify(args, function (this: Record<string, unknown>, key: string, value: unknown) {
    return this[key] instanceof Date ? undefined : value;
  })}`;
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`the store did not answer within ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
