import { describe, expect, it } from 'vitest';
import { fr } from '../../src/i18n/fr.ts';
import type { Paragraph, Section } from '../../src/i18n/info-types.ts';
import { PROCESSINGS } from '../../src/legal/processings.ts';
import { infoFacts } from '../../src/site/info-facts.ts';
import { COMPLETE_OPERATOR } from '../legal/operator-fixture.ts';
import { typographyProblems } from './typography.ts';

/**
 * Every French string of the dictionary, with every function called for 0, 1, 2 and 3 and for a
 * service name, goes through the typography rules; the information pages are written from full
 * and empty operator facts.
 */
function paragraphText(p: Paragraph): string {
  return (Array.isArray(p) ? p : [p]).map((run) => (typeof run === 'string' ? run : run.text)).join('');
}

function sectionTexts(section: Section): string[] {
  return [
    section.heading ?? '',
    ...section.paragraphs.map(paragraphText),
    ...(section.list ?? []).map(paragraphText),
    ...(section.subsections ?? []).flatMap(sectionTexts),
    ...(section.links ?? []).map((l) => l.label),
  ];
}

function strings(value: unknown, path: string, out: Map<string, string>): void {
  if (typeof value === 'string') out.set(path, value);
  else if (Array.isArray(value)) value.forEach((item, i) => strings(item, `${path}[${i}]`, out));
  else if (typeof value === 'object' && value !== null)
    for (const [key, child] of Object.entries(value)) strings(child, `${path}.${key}`, out);
  else if (typeof value === 'function' && !path.startsWith('fr.info')) {
    for (const arg of [0, 1, 2, 3, 'Sénat']) strings(value(...Array.from({ length: value.length }, () => arg)), `${path}(${arg})`, out);
  }
}

function frenchStrings(): Map<string, string> {
  const out = new Map<string, string>();
  strings(fr, 'fr', out);
  const now = new Date('2026-12-01T11:00:00Z');
  for (const operator of [COMPLETE_OPERATOR, undefined]) {
    const facts = infoFacts(operator, { site: 'https://vigie.example.gouv.fr', auditLogDays: 365 }, 'fr', now);
    const sections = [
      ...fr.info.accessibility.body(facts),
      ...fr.info.legal.body(facts),
      ...fr.info.privacy.before(facts),
      ...PROCESSINGS.map((p) => fr.info.privacy.processings[p](facts)),
      ...fr.info.privacy.after(facts),
    ];
    sections.flatMap(sectionTexts).forEach((text, i) => out.set(`info(${operator ? 'full' : 'empty'})[${i}]`, text));
  }
  for (const n of [1, 2, 3]) {
    const reported = {
      locations: [
        { name: 'Paris', processes: n - 1 },
        { name: 'Lyon', processes: n },
      ],
      userAgents: ['Vigie-probe/1.0', 'Vigie-probe/1.1'].slice(0, n),
      perHost: n,
    };
    for (const [which, facts] of [
      ['reported', reported],
      ['silent', null],
    ] as const) {
      const probes = fr.info.probes.body({
        minInterval: '60\u00a0s',
        maxInterval: '60\u00a0s',
        failuresBeforeDown: n,
        successesBeforeUp: n,
        reported: facts,
      });
      probes.flatMap(sectionTexts).forEach((text, i) => out.set(`info.probes.${which}(${n})[${i}]`, text.replace(/https?:\/\/\S+/g, '')));
    }
  }
  return out;
}

describe('French typography in the dictionaries', () => {
  const all = frenchStrings();

  it('covers hundreds of strings', () => {
    expect(all.size).toBeGreaterThan(400);
  });

  it('puts a no-break space before « : ; ! ? », inside « » and before units, and agrees nouns after 0 and 1', () => {
    const problems = [...all].flatMap(([path, text]) => typographyProblems(text).map((p) => `${path}: ${p}`));
    expect(problems).toEqual([]);
  });

  it('never writes « 1 échecs », « 1 services » or « 1 messages »', () => {
    const one = [...all].filter(([path]) => /\(1\)/.test(path)).map(([, text]) => text);
    expect(one.filter((text) => /\b1\s(échecs|services|incidents|messages|requêtes|succès consécutifs)/.test(text))).toEqual([]);
    expect(
      fr.info.probes.body({ minInterval: '', maxInterval: '', failuresBeforeDown: 1, successesBeforeUp: 1, reported: null })[0]
        ?.paragraphs[1],
    ).toMatch(/après 1\u00a0échec, et rétabli qu’après 1\u00a0succès\./);
  });

  it('does not claim that every name-resolution error is ignored: only temporary ones are', () => {
    const text = String(
      fr.info.probes.body({
        minInterval: '',
        maxInterval: '',
        failuresBeforeDown: 3,
        successesBeforeUp: 2,
        reported: { locations: [], userAgents: [''], perHost: 2 },
      })[0]?.paragraphs[1],
    );
    expect(text).toContain('Les erreurs temporaires de résolution de noms');
    expect(text).toContain('un nom de domaine qui n’existe pas ou plus compte, lui, comme un échec');
  });
});

describe('the typography rules themselves', () => {
  it.each([
    ['Statut : résolu', 'ordinary space'],
    ['Statut: résolu', 'no space'],
    ['«Bonjour»', 'inside « »'],
    ['1 échecs consécutifs', 'plural after 0 or 1'],
    ['pendant 5 min', 'number and its unit'],
  ])('catch %j', (text, problem) => {
    expect(typographyProblems(text).join(' ')).toContain(problem);
  });

  it('accept correct French', () => {
    expect(
      typographyProblems('Statut\u00a0: résolu\u00a0; «\u00a0Bonjour\u00a0» après 3\u00a0échecs et 5\u00a0min, https://a.fr:8443/x'),
    ).toEqual([]);
  });
});
