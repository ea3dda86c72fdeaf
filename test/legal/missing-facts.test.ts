import { describe, expect, it } from 'vitest';
import { missingFactWarnings, missingOperatorFacts } from '../../src/legal/missing-facts.ts';
import { COMPLETE_OPERATOR } from './operator-fixture.ts';

describe('missing operator facts', () => {
  it('names none when every fact is given', () => {
    expect(missingOperatorFacts(COMPLETE_OPERATOR)).toEqual([]);
  });

  it('names every fact when the section is absent, with the page that says so', () => {
    const missing = missingOperatorFacts(undefined);
    expect(missing).toContainEqual({ path: 'operator.publisher.siren', page: 'legal' });
    expect(missing).toContainEqual({ path: 'operator.dataProtection.dpo', page: 'privacy' });
    expect(missing).toContainEqual({ path: 'operator.accessibility.audit', page: 'accessibility' });
    expect(missing.some((m) => m.path.startsWith('operator.accessibility.audit.'))).toBe(false);
  });

  it.each([
    [
      'a DPO reached by form only',
      { dataProtection: { ...COMPLETE_OPERATOR.dataProtection, dpo: { formUrl: 'https://example.gouv.fr/dpd' } } },
      [],
    ],
    [
      'a DPO with no way to reach them',
      { dataProtection: { ...COMPLETE_OPERATOR.dataProtection, dpo: {} } },
      ['operator.dataProtection.dpo'],
    ],
    [
      'an accessibility contact by post only',
      { accessibility: { ...COMPLETE_OPERATOR.accessibility, contact: { address: 'Paris' } } },
      ['operator.accessibility.contact (email or formUrl)'],
    ],
    [
      'an audit that does not say what it tested on',
      {
        accessibility: {
          ...COMPLETE_OPERATOR.accessibility,
          audit: { rgaaVersion: '4.1.2', date: '2026-01-01', auditor: 'X', criteriaMetPercent: 100, derogations: [] },
        },
      },
      [
        'operator.accessibility.audit.nonConformities',
        'operator.accessibility.audit.outOfScope',
        'operator.accessibility.audit.testEnvironment',
        'operator.accessibility.audit.tools',
        'operator.accessibility.audit.pagesSampled',
      ],
    ],
  ])('%s', (_label, change, paths) => {
    expect(missingOperatorFacts({ ...COMPLETE_OPERATOR, ...change }).map((m) => m.path)).toEqual(paths);
  });

  it('words each warning with the file, the field and the page', () => {
    const warnings = missingFactWarnings('services.json', { ...COMPLETE_OPERATOR, director: { role: 'directrice' } });
    expect(warnings).toEqual(['services.json: operator.director.name: not provided: the legal notice says so until you add it']);
  });
});
