import { describe, expect, it } from 'vitest';
import { parseCatalogue } from '../../src/config/load-catalogue.ts';
import { catalogue, lineOf, problemsOf, service, text } from './support/catalogue-source.ts';

const OFFICE = ['08:00-12:00', '13:30-18:00'];

describe('service hours in the catalogue', () => {
  it('reads weekly hours and exceptions as minutes of Paris days; a weekday left out is closed', () => {
    const source = text(
      catalogue([
        service('a', {
          hours: { weekly: { mon: OFFICE, sat: ['00:00-24:00'] }, exceptions: { '2026-12-25': [], '2026-12-24': ['08:00-12:00'] } },
        }),
        service('b'),
      ]),
    );
    const [a, b] = parseCatalogue(source, 'services.json').services;
    expect(a?.hours?.weekly.mon).toEqual([
      { from: 480, to: 720 },
      { from: 810, to: 1080 },
    ]);
    expect(a?.hours?.weekly.sat).toEqual([{ from: 0, to: 1440 }]);
    expect(a?.hours?.weekly.tue).toEqual([]);
    expect(a?.hours?.exceptions).toEqual({ '2026-12-25': [], '2026-12-24': [{ from: 480, to: 720 }] });
    expect(b?.hours).toBeNull();
  });

  it.each([
    [
      { weekly: { mon: ['8h-18h'] } },
      '8h-18h',
      'services[0].hours.weekly.mon[0]: must look like "08:30-18:00" (Paris time; "24:00" may end a range)',
    ],
    [
      { weekly: { mon: ['18:00-08:00'] } },
      '18:00-08:00',
      'services[0].hours.weekly.mon[0]: must end after it starts (split a range over midnight into two days)',
    ],
    [{ weekly: { tue: ['08:00-12:00', '11:00-14:00'] } }, '11:00-14:00', 'services[0].hours.weekly.tue[1]: overlaps "08:00-12:00"'],
    [
      { weekly: { mon: ['08:00-12:00'], lun: ['08:00-12:00'] } },
      '"lun"',
      'services[0].hours.weekly.lun: unknown field "lun": check its spelling, or remove it',
    ],
    [{ weekly: { mon: [] } }, '"weekly"', 'services[0].hours.weekly: must open at least once a week'],
    [
      { weekly: { mon: OFFICE }, exceptions: { '2026-02-30': [] } },
      '2026-02-30',
      'services[0].hours.exceptions["2026-02-30"]: must be a real calendar date',
    ],
  ])('reports %j by path and line', (hours, needle, problem) => {
    const source = text(catalogue([service('a', { hours })]));
    const problems = problemsOf(source);
    expect(
      problems.some((p) => p.startsWith(`services.json:${lineOf(source, needle)}: `)),
      problems.join('\n'),
    ).toBe(true);
    expect(problems.map((p) => p.replace(/^services\.json:\d+: /, ''))).toContain(problem);
  });
});
