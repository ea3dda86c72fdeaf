import { describe, expect, it } from 'vitest';
import { fairShare } from '../../src/probe/lease-keeper.ts';
import { soleProbeProblem } from '../../src/probe/sole-probe.ts';
import type { ProbeHolder } from '../../src/domain/records.ts';

const NOW = new Date('2026-11-24T21:00:00Z');
const me = { holder: 'me', host: 'here', pid: 7 };
const other = (patch: Partial<ProbeHolder>): ProbeHolder => ({
  holder: 'other',
  location: 'paris',
  host: 'here',
  pid: 4242,
  seenUntil: new Date(NOW.getTime() + 10_000),
  ...patch,
});
const alive = new Set([4242]);
const isAlive = (pid: number) => alive.has(pid);

describe('soleProbeProblem', () => {
  it.each([
    ['nobody else', [], false],
    ['itself only', [other({ holder: 'me', pid: 7 })], false],
    ['its predecessor under the same name (VIGIE_PROBE_ID), dead', [other({ holder: 'me', pid: 99 })], false],
    ['its own name on another live process here: started twice', [other({ holder: 'me' })], true],
    ['its own name elsewhere: the same probe moved host', [other({ holder: 'me', host: 'there' })], false],
    ['a live process on this host', [other({})], true],
    ['a dead process on this host (kill -9), whatever its seenUntil says', [other({ pid: 99 })], false],
    ['a process elsewhere still renewing', [other({ host: 'there', pid: 99 })], true],
    ['a process elsewhere gone quiet', [other({ host: 'there', seenUntil: new Date(NOW.getTime() - 1) })], false],
  ] as const)('%s', (_name, holders, refused) => {
    const problem = soleProbeProblem(holders, me, NOW, isAlive);
    expect(problem !== null).toBe(refused);
    if (problem)
      expect(problem).toMatch(
        /^another probe process \(pid \d+ on \w+, location "paris"\) already uses this SQLite database\. One probe per SQLite file/,
      );
  });
});

describe('fairShare', () => {
  it.each([
    [10, 1, 10],
    [10, 2, 5],
    [10, 3, 4],
    [2, 3, 1],
    [0, 2, 0],
    [10, 0, 10],
  ])('%d services among %d processes: %d each', (services, processes, share) => {
    expect(fairShare(services, processes)).toBe(share);
  });
});
