/**
 * When to restart a process that died, and whether it is crash-looping. Pure: the supervisor
 * feeds it each exit.
 */
export const FIRST_DELAY_MS = 1_000;
export const MAX_DELAY_MS = 60_000;
/** A process that ran at least this long before dying starts over from the first delay. */
export const STABLE_AFTER_MS = 60_000;
/** This many quick deaths in a row is a crash loop (logged, and shown in /healthz). */
export const CRASH_LOOP_AFTER = 3;

export interface RestartHistory {
  /** Deaths in a row, each within STABLE_AFTER_MS of its start. */
  quickDeaths: number;
  restarts: number;
}

export interface RestartDecision {
  history: RestartHistory;
  delayMs: number;
  crashLoop: boolean;
}

export function nextRestart(history: RestartHistory, ranForMs: number, stableAfterMs = STABLE_AFTER_MS): RestartDecision {
  const quickDeaths = ranForMs >= stableAfterMs ? 1 : history.quickDeaths + 1;
  const delayMs = Math.min(MAX_DELAY_MS, FIRST_DELAY_MS * 2 ** (quickDeaths - 1));
  return { history: { quickDeaths, restarts: history.restarts + 1 }, delayMs, crashLoop: quickDeaths >= CRASH_LOOP_AFTER };
}

/** A process that has now run `stableAfterMs` since its start: whatever the quick deaths before it, it is no longer crash-looping. */
export function stayedUp(history: RestartHistory): RestartHistory {
  return { quickDeaths: 0, restarts: history.restarts };
}
