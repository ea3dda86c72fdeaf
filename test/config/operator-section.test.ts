import { describe, expect, it } from 'vitest';
import { CatalogueError, parseCatalogue } from '../../src/config/load-catalogue.ts';
import { COMPLETE_OPERATOR } from '../legal/operator-fixture.ts';

const source = (operator: unknown): string =>
  JSON.stringify(
    {
      categories: [{ id: 'tax', name: { fr: 'Impôts', en: 'Tax' } }],
      services: [{ id: 'a', name: 'A', category: 'tax', url: 'https://a.example.fr/' }],
      operator,
    },
    null,
    2,
  );

function lineOf(text: string, needle: string): number {
  const index = text.split('\n').findIndex((line) => line.includes(needle));
  if (index < 0) throw new Error(`"${needle}" not in the text`);
  return index + 1;
}

function problemsOf(text: string): string[] {
  try {
    parseCatalogue(text, 'services.json');
  } catch (error) {
    if (error instanceof CatalogueError) return error.problems;
    throw error;
  }
  throw new Error('the catalogue was accepted');
}

const withChange = (change: (o: typeof COMPLETE_OPERATOR) => void) => {
  const operator = structuredClone(COMPLETE_OPERATOR);
  change(operator);
  return source(operator);
};

describe('the operator section of services.json', () => {
  it('accepts every fact, and accepts the section missing or empty (the pages then say what is not provided)', () => {
    expect(parseCatalogue(source(COMPLETE_OPERATOR), 'services.json').operator).toEqual(COMPLETE_OPERATOR);
    expect(parseCatalogue(source({}), 'services.json').operator).toEqual({});
    expect(parseCatalogue(source(undefined), 'services.json').operator).toEqual({});
  });

  it.each([
    [
      'a SIREN with a wrong check digit',
      (o: typeof COMPLETE_OPERATOR) => void (o.publisher.siren = '130 025 266'),
      '130 025 266',
      'operator.publisher.siren: is not a SIREN number: its check digit does not match',
    ],
    [
      'a SIREN that is not 9 digits',
      (o: typeof COMPLETE_OPERATOR) => void (o.publisher.siren = '1300'),
      '"1300"',
      'operator.publisher.siren: must be the 9 digits of the SIREN number, e.g. "130 025 265"',
    ],
    [
      'an e-mail address without @',
      (o: typeof COMPLETE_OPERATOR) => void (o.accessibility.contact.email = 'accessibilite'),
      '"accessibilite"',
      'operator.accessibility.contact.email: must be an e-mail address such as accessibilite@example.gouv.fr',
    ],
    [
      'an audit date that is not a date',
      (o: typeof COMPLETE_OPERATOR) => void (o.accessibility.audit.date = '15/09/2026'),
      '15/09/2026',
      'operator.accessibility.audit.date: must be a date written YYYY-MM-DD',
    ],
    [
      'a percentage over 100',
      (o: typeof COMPLETE_OPERATOR) => void (o.accessibility.audit.criteriaMetPercent = 120),
      '120',
      'operator.accessibility.audit.criteriaMetPercent: must be at most 100',
    ],
    [
      'an RGAA version that is not one',
      (o: typeof COMPLETE_OPERATOR) => void (o.accessibility.audit.rgaaVersion = 'WCAG 2.1'),
      'WCAG 2.1',
      'operator.accessibility.audit.rgaaVersion: must be an RGAA version such as "4.1.2"',
    ],
    [
      'a non-conformity that is a number',
      (o: typeof COMPLETE_OPERATOR) => void ((o.accessibility.audit.nonConformities as unknown[])[0] = 31337),
      '31337',
      'operator.accessibility.audit.nonConformities[0]: must be text in double quotes, or { "fr": "…", "en": "…" }',
    ],
    [
      'a misspelt field',
      (o: typeof COMPLETE_OPERATOR) => void Object.assign(o.host, { adress: 'x' }),
      '"adress"',
      'operator.host.adress: unknown field "adress": check its spelling, or remove it',
    ],
  ])('reports %s at its line, by path', (_label, change, needle, message) => {
    const text = withChange(change);
    expect(problemsOf(text)).toEqual([`services.json:${lineOf(text, needle)}: ${message}`]);
  });

  it('requires the facts that make an audit an audit, at the audit object', () => {
    const text = withChange((o) => {
      o.accessibility.audit = { rgaaVersion: '4.1.2' } as typeof o.accessibility.audit;
    });
    const line = lineOf(text, '"audit"');
    expect(problemsOf(text)).toEqual([
      `services.json:${line}: operator.accessibility.audit.date: is required: add it (text in double quotes)`,
      `services.json:${line}: operator.accessibility.audit.auditor: is required: add it (text in double quotes)`,
      `services.json:${line}: operator.accessibility.audit.criteriaMetPercent: is required: add it (a number)`,
    ]);
  });
});
