import { describe, expect, it } from 'vitest';
import { parseCatalogue } from '../../src/config/load-catalogue.ts';
import { OBSERVATOIRE_THRESHOLDS } from '../../src/domain/report-thresholds.ts';
import { catalogue, lineOf, problemsOf, service, text } from './support/catalogue-source.ts';

describe('report thresholds in the catalogue', () => {
  it("takes the Observatoire's thresholds unless the catalogue sets others, pair by pair", () => {
    expect(parseCatalogue(text(catalogue([service('a')])), 'services.json').reportThresholds).toEqual(OBSERVATOIRE_THRESHOLDS);
    const set = parseCatalogue(
      text(catalogue([service('a')], { reports: { thresholds: { responseMs: { partial: 300, weak: 600 } } } })),
      'services.json',
    );
    expect(set.reportThresholds).toEqual({ availability: { partial: 99, weak: 98.5 }, responseMs: { partial: 300, weak: 600 } });
  });

  it('says where thresholds are upside down or out of range, by line and path', () => {
    const source = text(
      catalogue([service('a')], {
        reports: { thresholds: { availability: { partial: 98, weak: 99 }, responseMs: { partial: 0, weak: 800 } } },
      }),
    );
    expect(problemsOf(source)).toEqual([
      `services.json:${lineOf(source, '"weak": 99')}: reports.thresholds.availability.weak: "weak" must not be above "partial" (availability under "weak" is weak)`,
      expect.stringMatching(/reports\.thresholds\.responseMs\.partial: /),
    ]);
  });
});
