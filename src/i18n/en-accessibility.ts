import type { ConformityStatus } from '../legal/conformity.ts';
import { DEFENSEUR_DES_DROITS, MISSING, SITE_TECHNOLOGIES } from './info-constants.ts';
import { frenchTerm, given, mailto, proseIn, type InfoFacts, type Inline, type Paragraph, type Section } from './info-types.ts';

/** The accessibility statement in English, section for section with the French (RGAA model). */

const missing = MISSING.en;
const STATUS_WORDS: Record<ConformityStatus, string> = {
  full: 'fully compliant',
  partial: 'partially compliant',
  none: 'not compliant',
};
const DDD = frenchTerm('Défenseur des droits', 'en');

function conformity(f: InfoFacts): Paragraph[] {
  const audit = f.operator.accessibility?.audit;
  const rgaa = audit ? `the French accessibility framework RGAA, version ${audit.rgaaVersion}` : 'the French accessibility framework RGAA';
  const claim = `${f.site} is ${STATUS_WORDS[f.conformity.status]} with ${rgaa}`;
  switch (f.conformity.ground) {
    case 'no_audit':
      return [
        `${claim}: no conformity audit has been carried out yet.`,
        'The automatic tests (axe-core) run on every version of the software are not an RGAA evaluation.',
      ];
    case 'audit_expired':
      return [`${claim}: the last audit, of ${f.formatDay(audit?.date ?? '')}, is more than three years old. A new audit is needed.`];
    case 'audit_not_yet_done':
      return [`${claim}: the audit given is dated ${f.formatDay(audit?.date ?? '')}, which has not come yet.`];
    case 'measured':
      return [f.conformity.status === 'full' ? `${claim}.` : `${claim}, because of the non-conformities listed below.`];
  }
}

function results(f: InfoFacts): Paragraph[] {
  const audit = f.operator.accessibility?.audit;
  if (!audit) {
    return [
      'No audit has been carried out yet: no conformity rate can be published.',
      'For information, every page type is tested automatically in French and English, with and without JavaScript, using the axe-core tool. The state of a service is always given by a word, never by colour alone, and charts have an equivalent table. These tests do not replace an audit.',
    ];
  }
  const rate =
    audit.averageRatePercent === undefined ? [] : [`The site’s average conformity rate is ${f.formatPercent(audit.averageRatePercent)}.`];
  return [
    `The conformity audit carried out by ${audit.auditor} on ${f.formatDay(audit.date)} shows that ${f.formatPercent(audit.criteriaMetPercent)} of the criteria of RGAA version ${audit.rgaaVersion} are met.`,
    ...rate,
  ];
}

function auditList(f: InfoFacts, heading: string, items: Paragraph[] | undefined): Section {
  if (!f.operator.accessibility?.audit)
    return { heading, paragraphs: ['No audit has been carried out, so this list has not been drawn up yet.'] };
  if (items === undefined) return { heading, paragraphs: [{ text: missing, missing: true }] };
  return items.length === 0 ? { heading, paragraphs: ['None.'] } : { heading, paragraphs: [], list: items };
}

function contact(f: InfoFacts): Paragraph[] {
  const c = f.operator.accessibility?.contact ?? {};
  const ways: Paragraph[] = [];
  if (c.email) ways.push(['Send a message: ', mailto(c.email)]);
  if (c.formUrl) ways.push([{ text: 'Use the contact form', href: c.formUrl }]);
  if (!c.email && !c.formUrl) ways.push(['Email address or contact form: ', { text: missing, missing: true }]);
  ways.push(['Write by post: ', given(c.address, missing)]);
  return ways;
}

export const enAccessibility = {
  title: 'Accessibility statement',
  body: (f: InfoFacts): Section[] => {
    const a = f.operator.accessibility;
    const audit = a?.audit;
    const link = (url: string | undefined, label: string): Paragraph =>
      url ? [{ text: label, href: url }] : [`${label}: `, { text: missing, missing: true }];
    const publisher = f.operator.publisher?.name;
    return [
      {
        paragraphs: [
          ['Publisher of this site: ', publisher ? frenchTerm(publisher, 'en') : { text: missing, missing: true }, '.'],
          'The publisher is committed to making this site accessible, in accordance with article 47 of French law no. 2005-102 of 11 February 2005.',
          'To this end, it carries out the following strategy and actions:',
        ],
        list: [link(a?.multiYearSchemeUrl, 'Multi-year accessibility scheme'), link(a?.actionPlanUrl, 'Action plan for the current year')],
      },
      {
        paragraphs: [
          `This accessibility statement applies to ${f.site}, including the area for the staff who publish incidents (${f.site}/admin).`,
        ],
      },
      { heading: 'Compliance status', paragraphs: conformity(f) },
      { heading: 'Test results', paragraphs: results(f) },
      {
        heading: 'Content that is not accessible',
        paragraphs: [],
        subsections: [
          auditList(
            f,
            'Non-conformities',
            audit?.nonConformities?.map((p) => proseIn(p, 'en')),
          ),
          auditList(
            f,
            'Derogations for disproportionate burden',
            audit?.derogations?.map((p) => proseIn(p, 'en')),
          ),
          auditList(
            f,
            'Content not subject to the accessibility obligation',
            audit?.outOfScope?.map((p) => proseIn(p, 'en')),
          ),
        ],
      },
      {
        heading: 'Preparation of this accessibility statement',
        paragraphs: [
          ['This statement was prepared on ', a?.statementDate ? f.formatDay(a.statementDate) : { text: missing, missing: true }, '.'],
        ],
        subsections: [
          { heading: 'Technologies used to build the site', paragraphs: [], list: SITE_TECHNOLOGIES.en },
          auditList(
            f,
            'Test environment',
            audit?.testEnvironment?.map((e) => `${e.browser} with ${e.screenReader}`),
          ),
          auditList(f, 'Tools used to evaluate accessibility', audit?.tools),
          auditList(
            f,
            'Pages of the site checked for conformity',
            audit?.pagesSampled?.map((page): Inline[] => [proseIn(page.title, 'en'), ' (', page.url, ')']),
          ),
        ],
      },
      {
        heading: 'Feedback and contact',
        paragraphs: [
          'If you cannot access some content or a service, you can contact the person responsible for the site to be directed to an accessible alternative or to get the content in another form.',
        ],
        list: contact(f),
      },
      {
        heading: 'Remedies',
        paragraphs: [
          'Use this procedure in the following case: you have reported to the person responsible for the site an accessibility problem that prevents you from accessing some content or one of the site’s services, and you have not received a satisfactory answer.',
        ],
        list: [
          [
            'Write a message to the ',
            { text: 'Défenseur des droits', lang: 'fr', href: DEFENSEUR_DES_DROITS.form },
            ' (the Defender of Rights)',
          ],
          ['Contact the delegate of the ', DDD, ' in your region: ', { text: 'map of delegates', href: DEFENSEUR_DES_DROITS.delegates }],
          ['Send a letter by post (free of charge, no stamp needed): ', { text: DEFENSEUR_DES_DROITS.postal, lang: 'fr' }, ', France'],
        ],
      },
    ];
  },
};
