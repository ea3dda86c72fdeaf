import { describe, expect, it } from 'vitest';
import type { CheckOutcome } from '../../src/domain/vocabulary.ts';
import { createSelfCheck } from '../../src/probe/self-check.ts';
import type { CheckResult } from '../../src/domain/records.ts';
import { scriptedChecker } from './support/catalogue.ts';
import { createManualClock } from '../support/manual-clock.ts';
import { checkResult } from '../support/records.ts';

function targetResult(serviceId: string, outcome: CheckOutcome, at: number): CheckResult {
  return checkResult({ serviceId, location: 'test', startedAt: new Date(at), outcome, latencyMs: null, httpStatus: null });
}

function setup(canaries: string[]) {
  const clock = createManualClock(1_000_000);
  const scripted = scriptedChecker(clock.now);
  const calls: string[] = [];
  const checker: typeof scripted = Object.assign(
    async (...args: Parameters<typeof scripted>) => {
      calls.push(args[0].id);
      return scripted(...args);
    },
    { set: scripted.set },
  );
  return { clock, checker, calls, selfCheck: createSelfCheck({ canaries, checker, location: 'test', clock }) };
}

describe('self-check', () => {
  it('only believes a failure if the canaries answered after it happened', async () => {
    const { clock, checker, calls, selfCheck } = setup(['https://canary.example/']);
    await selfCheck.round();
    expect(selfCheck.healthy()).toBe(true);
    await clock.advance(60_000);
    checker.set('canary-1', 'timeout');
    const failure = targetResult('caf', 'timeout', clock.now());
    selfCheck.observe(failure);
    expect(await selfCheck.judge(failure)).toBe(true);
    expect(calls).toEqual(['canary-1', 'canary-1']);
    expect(selfCheck.healthy()).toBe(false);
  });

  it('shares one fresh canary round between failures that arrive together', async () => {
    const { clock, calls, selfCheck } = setup(['https://a.example/', 'https://b.example/']);
    const failures = ['caf', 'cnil', 'ants'].map((id) => targetResult(id, 'refused', clock.now()));
    const verdicts = await Promise.all(failures.map((f) => selfCheck.judge(f)));
    expect(verdicts).toEqual([false, false, false]);
    expect(calls).toEqual(['canary-1', 'canary-2']);
  });

  it('never suspects itself for answers, even failing ones', async () => {
    const { clock, calls, selfCheck } = setup(['https://canary.example/']);
    for (const outcome of ['http_5xx', 'tls_expired', 'keyword_missing', 'unsafe_target'] as const) {
      expect(await selfCheck.judge(targetResult('caf', outcome, clock.now()))).toBe(false);
    }
    expect(calls).toEqual([]);
  });

  it('without canaries, clears its suspicion as soon as any service answers', async () => {
    const { clock, selfCheck } = setup([]);
    const ids = ['a', 'b', 'c', 'd', 'e'];
    const verdicts = [];
    for (const id of ids) {
      const failure = targetResult(id, 'timeout', clock.now());
      selfCheck.observe(failure);
      verdicts.push(await selfCheck.judge(failure));
    }
    expect(verdicts).toEqual([false, false, false, false, true]);
    selfCheck.observe(targetResult('f', 'ok', clock.now()));
    expect(selfCheck.healthy()).toBe(true);
  });

  it('does not take a heartbeat read from the store for a sign that its network works', async () => {
    const clock = createManualClock(1_000_000);
    const overNetwork = (id: string) => id !== 'paie';
    const selfCheck = createSelfCheck({ canaries: [], checker: scriptedChecker(clock.now), location: 'test', clock, overNetwork });
    for (const id of ['a', 'b', 'c', 'd']) selfCheck.observe(targetResult(id, 'timeout', clock.now()));
    selfCheck.observe(targetResult('paie', 'ok', clock.now()));
    const fifth = targetResult('e', 'timeout', clock.now());
    selfCheck.observe(fifth);
    expect(await selfCheck.judge(fifth)).toBe(true);
  });
});
