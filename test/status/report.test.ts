import { describe, expect, it } from 'vitest';
import { parsePeriodKey } from '../../src/domain/paris-periods.ts';
import { parisWallClockToUtc } from '../../src/domain/paris-time.ts';
import type { Rollup } from '../../src/domain/records.ts';
import { availabilityGrade, OBSERVATOIRE_THRESHOLDS, responseGrade } from '../../src/domain/report-thresholds.ts';
import { mergeRollups, rollupDeltas } from '../../src/domain/rollup.ts';
import { isOpen, type ServiceHours } from '../../src/domain/service-hours.ts';
import { WEEKDAYS, type ServiceState } from '../../src/domain/vocabulary.ts';
import { buildReport } from '../../src/status/report.ts';
import { checkResult } from '../support/records.ts';
import { catalogue, service } from './fixtures.ts';

const HOUR = 3600;
const TEN_MIN_MS = 600_000;
const MARCH = parsePeriodKey('2026-03')!;
const OCTOBER = parsePeriodKey('2026-10')!;
const paris = (date: string, time: string) => parisWallClockToUtc(date, time)!;

/**
 * Monthly rollups as the probe writes them: a check every ten minutes (or `stepMs`) from `from` to `to`, each
 * giving the time since the previous one to the state `stateAt` returns (maintenance in planned time).
 */
function monthly(
  serviceId: string,
  from: Date,
  to: Date,
  stateAt: (at: Date) => ServiceState,
  latencyMs = 200,
  stepMs = TEN_MIN_MS,
): Rollup[] {
  const buckets = new Map<number, Rollup[]>();
  let previous: Date | null = null;
  for (let t = from.getTime() + stepMs; t <= to.getTime(); t += stepMs) {
    const startedAt = new Date(t);
    const state = stateAt(startedAt);
    const outcome = state === 'operational' ? 'ok' : 'http_5xx';
    const result = checkResult({ serviceId, startedAt, outcome, latencyMs });
    for (const delta of rollupDeltas({ result, state, previousCheckedAt: previous ?? new Date(t - stepMs), interval: stepMs / 1000 })) {
      if (delta.granularity !== 'month') continue;
      buckets.set(delta.bucketStart.getTime(), [...(buckets.get(delta.bucketStart.getTime()) ?? []), delta]);
    }
    previous = startedAt;
  }
  return [...buckets.entries()].map(([start, parts]) => ({
    ...mergeRollups(parts),
    serviceId,
    granularity: 'month',
    bucketStart: new Date(start),
  }));
}

const always = (state: ServiceState) => () => state;
const nights: ServiceHours = {
  weekly: Object.fromEntries(WEEKDAYS.map((d) => [d, [{ from: 7 * 60, to: 1440 }]])) as ServiceHours['weekly'],
  exceptions: {},
};

describe('report grades (Observatoire thresholds by default)', () => {
  it.each([
    [99.5, 'good'],
    [99, 'good'],
    [98.99, 'partial'],
    [98.5, 'partial'],
    [98.49, 'weak'],
  ] as const)('availability %d %% is %s', (percent, grade) => {
    expect(availabilityGrade(percent, OBSERVATOIRE_THRESHOLDS)).toBe(grade);
  });

  it.each([
    [120, 'good'],
    [400, 'good'],
    [401, 'partial'],
    [800, 'partial'],
    [801, 'weak'],
  ] as const)('a median of %d ms is %s', (ms, grade) => {
    expect(responseGrade(ms, OBSERVATOIRE_THRESHOLDS)).toBe(grade);
  });

  it('follows thresholds an operator set', () => {
    const strict = { availability: { partial: 99.9, weak: 99.5 }, responseMs: { partial: 200, weak: 300 } };
    expect(availabilityGrade(99.8, strict)).toBe('partial');
    expect(responseGrade(250, strict)).toBe('partial');
  });
});

describe('buildReport', () => {
  const report = (monthlyRows: Rollup[], options: { period?: typeof MARCH; now?: Date; services?: ReturnType<typeof service>[] } = {}) =>
    buildReport({
      period: options.period ?? MARCH,
      now: options.now ?? new Date('2026-06-01T00:00:00Z'),
      catalogue: catalogue(options.services ?? [service('impots', 'tax'), service('caf', 'social')]),
      monthly: monthlyRows,
      thresholds: OBSERVATOIRE_THRESHOLDS,
    });

  it('measures a whole March, 743 hours long (spring clock change), as fully measured', () => {
    const { services } = report(monthly('impots', MARCH.start, MARCH.end, always('operational')));
    expect(services[0]!.figures).toMatchObject({
      measured: 'full',
      measuredSeconds: 743 * HOUR,
      expectedSeconds: 743 * HOUR,
      availabilityPercent: 100,
      availabilityGrade: 'good',
      responseGrade: 'good',
    });
  });

  it('measures a whole October, 745 hours long (autumn clock change)', () => {
    const rows = monthly('impots', OCTOBER.start, OCTOBER.end, always('operational'));
    const { services } = report(rows, { period: OCTOBER, now: new Date('2026-12-01T00:00:00Z') });
    expect(services[0]!.figures).toMatchObject({ measured: 'full', measuredSeconds: 745 * HOUR, expectedSeconds: 745 * HOUR });
  });

  it('leaves closed hours out, failures in them included, also on the night the clocks skip an hour', () => {
    const outage = [paris('2026-03-10', '10:00').getTime(), paris('2026-03-10', '11:00').getTime()] as const;
    const stateAt = (at: Date): ServiceState => {
      if (!isOpen(nights, at)) return 'maintenance';
      return at.getTime() > outage[0] && at.getTime() <= outage[1] ? 'down' : 'operational';
    };
    const figures = report(monthly('impots', MARCH.start, MARCH.end, stateAt)).services[0]!.figures;
    // Closed 0 h–7 h: 7 hours a day, 6 on 29 March when 2 h–3 h does not exist.
    expect(figures.plannedSeconds).toBe((30 * 7 + 6) * HOUR);
    expect(figures.downSeconds).toBe(HOUR);
    expect(figures.measuredSeconds).toBe((743 - 216) * HOUR);
    expect(figures.availabilityPercent).toBeCloseTo((526 / 527) * 100, 10);
    expect(figures).toMatchObject({ measured: 'full', availabilityGrade: 'good' });
  });

  it('leaves a maintenance window out, and counts an outage outside it', () => {
    const maintenance = [paris('2026-03-05', '22:00').getTime(), paris('2026-03-06', '02:00').getTime()] as const;
    const outage = [paris('2026-03-20', '08:00').getTime(), paris('2026-03-20', '20:00').getTime()] as const;
    const stateAt = (at: Date): ServiceState => {
      const t = at.getTime();
      if (t > maintenance[0] && t <= maintenance[1]) return 'maintenance';
      return t > outage[0] && t <= outage[1] ? 'down' : 'operational';
    };
    const figures = report(monthly('impots', MARCH.start, MARCH.end, stateAt)).services[0]!.figures;
    expect(figures.plannedSeconds).toBe(4 * HOUR);
    expect(figures.downSeconds).toBe(12 * HOUR);
    expect(figures.availabilityPercent).toBeCloseTo((727 / 739) * 100, 10);
    expect(figures.availabilityGrade).toBe('weak');
  });

  it('says a service measured part of the period was measured part of it, and gives no figure for one never measured', () => {
    const rows = monthly('impots', paris('2026-03-22', '00:00'), MARCH.end, always('operational'));
    const { services } = report(rows);
    // Ten days, one of them 23 hours long.
    expect(services[0]!.figures).toMatchObject({ measured: 'partial', measuredSeconds: 239 * HOUR, availabilityPercent: 100 });
    expect(services[1]!.figures).toMatchObject({
      measured: 'none',
      measuredSeconds: 0,
      availabilityPercent: null,
      medianMs: null,
      availabilityGrade: null,
      responseGrade: null,
    });
  });

  it('counts time without a verdict (probe network in doubt) as not measured', () => {
    const doubt = [paris('2026-03-01', '00:00').getTime(), paris('2026-03-11', '00:00').getTime()] as const;
    const stateAt = (at: Date): ServiceState => (at.getTime() <= doubt[1] && at.getTime() > doubt[0] ? 'unknown' : 'operational');
    const figures = report(monthly('impots', MARCH.start, MARCH.end, stateAt)).services[0]!.figures;
    expect(figures).toMatchObject({ measured: 'partial', measuredSeconds: (743 - 240) * HOUR, availabilityPercent: 100 });
  });

  it('reports a period still running as so far, over its elapsed time', () => {
    const now = paris('2026-03-16', '00:00');
    const rows = monthly('impots', MARCH.start, now, always('operational'));
    const result = report(rows, { now });
    expect(result).toMatchObject({ complete: false, elapsedSeconds: 15 * 24 * HOUR });
    expect(result.services[0]!.figures).toMatchObject({ measured: 'full', expectedSeconds: 15 * 24 * HOUR });
  });

  it('adds a quarter and a year up from their months, 8,760 hours in 2026', () => {
    const year = parsePeriodKey('2026')!;
    const rows = monthly('impots', year.start, year.end, always('operational'), 200, 3_600_000);
    const now = new Date('2027-02-01T00:00:00Z');
    const yearly = report(rows, { period: year, now }).services[0]!.figures;
    expect(yearly).toMatchObject({ measured: 'full', measuredSeconds: 8760 * HOUR });
    const q1 = report(rows, { period: parsePeriodKey('2026-q1')!, now }).services[0]!.figures;
    expect(q1.measuredSeconds).toBe((31 * 24 + 28 * 24 + 743) * HOUR);
  });

  it('weighs a category by measured time and grades its median response', () => {
    const slow = monthly('caf', MARCH.start, MARCH.end, always('operational'), 900);
    const down = monthly('msa', MARCH.start, MARCH.end, (at) =>
      at.getTime() <= paris('2026-03-02', '00:00').getTime() ? 'down' : 'operational',
    );
    const services = [service('impots', 'tax'), service('caf', 'social'), service('msa', 'social')];
    const result = report([...slow, ...down], { services });
    const social = result.categories.find((c) => c.categoryId === 'social')!;
    expect(social.services).toBe(2);
    expect(social.figures.downSeconds).toBe(24 * HOUR);
    expect(social.figures.availabilityPercent).toBeCloseTo(((2 * 743 - 24) / (2 * 743)) * 100, 10);
    expect(result.services.find((s) => s.serviceId === 'caf')!.figures.responseGrade).toBe('weak');
    const tax = result.categories.find((c) => c.categoryId === 'tax')!;
    expect(tax.figures).toMatchObject({ measured: 'none', availabilityPercent: null });
    expect(result.overall.measured).toBe('partial');
  });
});
