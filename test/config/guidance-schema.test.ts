import { describe, expect, it } from 'vitest';
import { parseCatalogue } from '../../src/config/load-catalogue.ts';
import { catalogue, lineOf, problemsOf, service, text } from './support/catalogue-source.ts';

const PHONE = {
  kind: 'phone',
  label: { fr: 'Allô Service Public', en: 'Allô Service Public helpline' },
  number: '39 39',
  hours: { weekly: { mon: ['08:30-18:00'], fri: ['08:30-17:00'] } },
  cost: { fr: 'Service gratuit + prix d’un appel', en: 'Free service + call price' },
};

describe('alternatives, deadlines, official channels and crisis advice in the catalogue', () => {
  it('reads them with hours as minutes and deadlines as instants; absent lists are empty', () => {
    const source = text(
      catalogue(
        [
          service('a', {
            alternatives: [PHONE, { kind: 'place', label: { fr: 'France services', en: 'France services' }, url: 'https://x.example.fr/' }],
            deadlines: [{ id: 'zone-1', name: { fr: 'Déclaration', en: 'Tax return' }, at: '2027-05-22T23:59:00+02:00' }],
            officialChannels: [{ label: { fr: 'Actualités', en: 'News' }, url: 'https://a.example.fr/actualites' }],
          }),
          service('b'),
        ],
        { crisisAdvice: { text: { fr: 'Méfiez-vous', en: 'Beware' }, url: 'https://c.example.fr/' } },
      ),
    );
    const parsed = parseCatalogue(source, 'services.json');
    const [a, b] = parsed.services;
    expect(a?.alternatives?.[0]).toMatchObject({ kind: 'phone', number: '39 39', cost: PHONE.cost });
    expect(a?.alternatives?.[0]?.hours?.weekly.mon).toEqual([{ from: 510, to: 1080 }]);
    expect(a?.alternatives?.[1]?.hours).toBeNull();
    expect(a?.deadlines?.[0]?.at.toISOString()).toBe('2027-05-22T21:59:00.000Z');
    expect(a?.officialChannels).toHaveLength(1);
    expect(b).toMatchObject({ alternatives: [], deadlines: [], officialChannels: [] });
    expect(parsed.crisisAdvice).toEqual({ text: { fr: 'Méfiez-vous', en: 'Beware' }, url: 'https://c.example.fr/' });
    expect(parseCatalogue(text(catalogue([service('c')])), 'services.json').crisisAdvice).toBeNull();
  });

  it.each([
    [
      { alternatives: [{ ...PHONE, kind: 'fax' }] },
      '"fax"',
      'services[0].alternatives[0].kind: must be one of "phone", "place", "paper", "web", "mail"',
    ],
    [
      { alternatives: [{ ...PHONE, label: { fr: 'Allô' } }] },
      '"label"',
      'services[0].alternatives[0].label.en: is required: add it (text in double quotes)',
    ],
    [
      { alternatives: [{ kind: 'phone', label: PHONE.label }] },
      ['"kind": "phone"', -1],
      'services[0].alternatives[0].number: is required for a "phone" alternative: the number to dial',
    ],
    [
      { alternatives: [{ kind: 'web', label: PHONE.label }] },
      ['"kind": "web"', -1],
      'services[0].alternatives[0].url: is required for a "web" alternative: the address to go to',
    ],
    [
      { alternatives: [{ ...PHONE, number: '39-39' }] },
      '"39-39"',
      'services[0].alternatives[0].number: must be a phone number written as it is dialled, digits and spaces ("39 39", "+33 1 23 45 67 89")',
    ],
    [
      { alternatives: [{ ...PHONE, hours: { weekly: { mon: ['9h-18h'] } } }] },
      '"9h-18h"',
      'services[0].alternatives[0].hours.weekly.mon[0]: must look like "08:30-18:00" (Paris time; "24:00" may end a range)',
    ],
    [
      { alternatives: [{ ...PHONE, cost: { en: 'Free' } }] },
      '"cost"',
      'services[0].alternatives[0].cost.fr: is required: add it (text in double quotes)',
    ],
    [
      { deadlines: [{ id: 'd', name: { fr: 'D', en: 'D' }, at: '2027-05-22T23:59:00' }] },
      '"2027-05-22T23:59:00"',
      'services[0].deadlines[0].at: must be a date and time with its offset, e.g. "2027-05-22T23:59:00+02:00" (Paris summer time)',
    ],
    [
      {
        deadlines: [
          { id: 'd', name: { fr: 'D', en: 'D' }, at: '2027-05-22T21:00:00Z' },
          { id: 'd', name: { fr: 'E', en: 'E' }, at: '2027-05-23T21:00:00Z' },
        ],
      },
      ['"2027-05-23T21:00:00Z"', -5],
      'services[0].deadlines[1].id: duplicate deadline id "d"',
    ],
    [
      { officialChannels: [{ label: { fr: 'X', en: 'X' }, url: 'ftp://x' }] },
      '"ftp://x"',
      'services[0].officialChannels[0].url: must be an http or https URL',
    ],
  ] as [Record<string, unknown>, string | [string, number], string][])('reports %j by path and line', (extra, needle, problem) => {
    // A missing field, or a clash between two, is reported at the line its object opens.
    const [mark, offset] = typeof needle === 'string' ? [needle, 0] : needle;
    const source = text(catalogue([service('a', extra)]));
    const problems = problemsOf(source);
    expect(problems.map((p) => p.replace(/^services\.json:\d+: /, ''))).toContain(problem);
    expect(
      problems.some((p) => p.startsWith(`services.json:${lineOf(source, mark) + offset}: `)),
      problems.join('\n'),
    ).toBe(true);
  });

  it('wants the crisis advice in both languages', () => {
    const source = text(catalogue([service('a')], { crisisAdvice: { text: { fr: 'Méfiez-vous' }, url: 'https://c.example.fr/' } }));
    expect(problemsOf(source)).toContainEqual(expect.stringMatching(/^services\.json:\d+: crisisAdvice\.text\.en: is required/));
  });
});
