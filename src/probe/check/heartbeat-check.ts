import type { CheckEnv, KindCheck, Measured } from './check-env.ts';

/**
 * The heartbeat check reads, from the store, when the service last pushed a beat (the web process
 * writes it, see `src/web/heartbeat-push.ts`), and fails once the beat is later than its interval
 * plus grace. It goes through the same confirmation, maintenance and hours as any check.
 */

export interface BeatFacts {
  lastBeat: Date | null;
  nowMs: number;
  intervalS: number;
  graceS: number;
}

/** Pure: a beat within interval + grace is ok; an older one, or none ever, is a missed beat. */
export function beatVerdict({ lastBeat, nowMs, intervalS, graceS }: BeatFacts): Measured {
  if (lastBeat === null) return { outcome: 'heartbeat_missed', detail: 'no beat received yet' };
  const ageS = Math.max(0, Math.round((nowMs - lastBeat.getTime()) / 1000));
  if (ageS > intervalS + graceS) {
    return { outcome: 'heartbeat_missed', detail: `last beat ${ageS} s ago, expected every ${intervalS} s (+ ${graceS} s grace)` };
  }
  return { outcome: 'ok', detail: null };
}

export function createHeartbeatCheck(env: CheckEnv): KindCheck {
  return async (service, run) => {
    if (service.check?.kind !== 'heartbeat') return { outcome: 'probe_error', detail: 'not a heartbeat check' };
    if (env.lastBeat === undefined) return { outcome: 'probe_error', detail: 'this checker has no store to read heartbeats from' };
    const { interval, grace } = service.check;
    let lastBeat: Date | null;
    try {
      lastBeat = await env.lastBeat(service.id);
    } catch (error) {
      return {
        outcome: 'probe_error',
        detail: `heartbeats unreadable: ${error instanceof Error ? error.message : String(error)}`.slice(0, 200),
      };
    }
    // Latency is left out: no request was made, and the rollups' response times must not count it.
    return { ...beatVerdict({ lastBeat, nowMs: run.startedAtMs, intervalS: interval, graceS: grace }), latencyMs: null };
  };
}
