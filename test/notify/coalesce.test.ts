import { describe, expect, it } from 'vitest';
import type { NotificationEvent } from '../../src/domain/notification-events.ts';
import { DEFAULT_WINDOWS, planDigest, type DigestPlan } from '../../src/notify/coalesce.ts';
import { down, incident, sec, up } from './events.ts';

const W = DEFAULT_WINDOWS;
const MIN = 60;

interface Case {
  name: string;
  pending: NotificationEvent[];
  told?: NotificationEvent[];
  now: number;
  expected: DigestPlan | null;
}

const wave = Array.from({ length: 16 }, (_, i) => down(`s${i}`, i * 3.5, `w${i}`));
// Eight services down and back within ten minutes, told; down again 17 minutes later, within 30 s.
const firstWave = Array.from({ length: 8 }, (_, i) => [down(`s${i}`, i * 4), up(`s${i}`, 10 * MIN + i * 4)]).flat();
const secondWave = Array.from({ length: 8 }, (_, i) => down(`s${i}`, 27 * MIN + i * 4, `second${i}`));

const cases: Case[] = [
  { name: 'nothing pending', pending: [], now: 0, expected: null },
  { name: 'one outage waits for the quiet period', pending: [down('caf', 0, 'a')], now: 29, expected: null },
  { name: 'one outage leaves after the quiet period', pending: [down('caf', 0, 'a')], now: 30, expected: { include: ['a'], fold: [] } },
  { name: 'a wave of 16 outages in a minute waits while it grows', pending: wave, now: 15 * 3.5 + 10, expected: null },
  {
    name: 'a wave of 16 outages in a minute becomes one digest',
    pending: wave,
    now: 15 * 3.5 + 30,
    expected: { include: wave.map((e) => e.id), fold: [] },
  },
  {
    name: 'a wave that never pauses still leaves after the longest wait',
    pending: Array.from({ length: 60 }, (_, i) => down(`s${i}`, i * 5, `c${i}`)),
    now: 180,
    expected: { include: Array.from({ length: 60 }, (_, i) => `c${i}`), fold: [] },
  },
  {
    name: 'down then up within one gather: the pair is told',
    pending: [down('caf', 0, 'a'), up('caf', 20, 'b')],
    now: 60,
    expected: { include: ['a', 'b'], fold: [] },
  },
  {
    name: 'a service flapping inside one gather: first pair told, the rest waits',
    pending: [down('caf', 0, 'a'), up('caf', 10, 'b'), down('caf', 20, 'c'), up('caf', 30, 'd')],
    now: 70,
    expected: { include: ['a', 'b'], fold: [] },
  },
  {
    name: 'the flaps held back after that pair fold away once the window has room, the service being up as told',
    pending: [down('caf', 20, 'c'), up('caf', 30, 'd')],
    told: [down('caf', 0, 'a'), up('caf', 10, 'b')],
    now: 31 * MIN,
    expected: { include: [], fold: ['c', 'd'] },
  },
  {
    name: 'after a told pair, a new outage waits for the flap window',
    pending: [down('caf', 5 * MIN, 'c')],
    told: [down('caf', 0), up('caf', 2 * MIN)],
    now: 10 * MIN,
    expected: null,
  },
  {
    name: 'when the window has room again, the flaps fold into their last state (down again)',
    pending: [down('caf', 5 * MIN, 'c'), up('caf', 8 * MIN, 'd'), down('caf', 12 * MIN, 'e')],
    told: [down('caf', 0), up('caf', 2 * MIN)],
    now: 31 * MIN,
    expected: { include: ['e'], fold: ['c', 'd'] },
  },
  {
    name: 'flaps that end where subscribers were last told fold away entirely',
    pending: [down('caf', 5 * MIN, 'c'), up('caf', 8 * MIN, 'd')],
    told: [down('caf', 0), up('caf', 2 * MIN)],
    now: 40 * MIN,
    expected: { include: [], fold: ['c', 'd'] },
  },
  {
    name: 'a recovery after an outage told long ago is told',
    pending: [up('caf', 50 * MIN, 'u')],
    told: [down('caf', 0)],
    now: 51 * MIN,
    expected: { include: ['u'], fold: [] },
  },
  {
    name: 'a held service does not hold back the others or staff notices, and rides along with them',
    pending: [down('caf', 5 * MIN, 'c'), down('msa', 5 * MIN, 'm'), incident('incident_published', ['caf'], 5 * MIN, 'x', 'i')],
    told: [down('caf', 0), up('caf', 2 * MIN)],
    now: 6 * MIN,
    expected: { include: ['c', 'm', 'i'], fold: [] },
  },
  {
    name: 'a held service riding along is folded into its last state: nothing new, nothing told',
    pending: [down('caf', 5 * MIN, 'c'), up('caf', 6 * MIN, 'd'), down('msa', 6 * MIN, 'm')],
    told: [down('caf', 0), up('caf', 2 * MIN)],
    now: 7 * MIN,
    expected: { include: ['m'], fold: ['c', 'd'] },
  },
  {
    name: 'a second wave of services told 17 minutes before is one message now, not one per window later',
    pending: secondWave,
    told: firstWave,
    now: 27 * MIN + 30 + 30,
    expected: { include: secondWave.map((e) => e.id), fold: [] },
  },
  {
    name: 'a second wave still waits for its own quiet, however long its services were held',
    pending: secondWave,
    told: firstWave,
    now: 27 * MIN + 30 + 10,
    expected: null,
  },
  {
    name: 'two held services alone are a flap, not a wave: they wait for their window',
    pending: secondWave.slice(0, 2),
    told: firstWave,
    now: 28 * MIN,
    expected: null,
  },
  {
    name: 'staff notices are never folded',
    pending: [
      incident('incident_published', ['caf'], 0, 'x', 'i1'),
      incident('incident_updated', ['caf'], 5, 'x', 'i2'),
      incident('incident_resolved', ['caf'], 10, 'x', 'i3'),
    ],
    now: 40,
    expected: { include: ['i1', 'i2', 'i3'], fold: [] },
  },
];

describe('planDigest: gather windows and flap folding', () => {
  it.each(cases)('$name', ({ pending, told = [], now, expected }) => {
    expect(planDigest({ pending, told, now: sec(now), windows: W })).toEqual(expected);
  });
});
