import { z } from 'zod';

/**
 * The operator's own facts (`operator` in `services.json`): who publishes this instance, who hosts
 * it, who answers for personal data and accessibility, and what the last accessibility audit found.
 * The legal notice, the personal-data page and the accessibility statement are built from them.
 * Every fact is optional so a partly filled section still starts (each gap is a warning and the
 * pages say it is not provided yet), but a fact that is given must be right.
 */

const text = z.string().trim().min(1);
const email = z.email({ error: 'must be an e-mail address such as accessibilite@example.gouv.fr' });
const httpUrl = z.url({ protocol: /^https?$/, error: 'must be an http or https URL' });
// A missing date falls through to the catalogue's own "is required" wording.
const calendarDay = z.iso.date({ error: (issue) => (issue.input === undefined ? undefined : 'must be a date written YYYY-MM-DD') });

/** Text written by the operator: French alone (marked lang="fr" on English pages), or both languages. */
const prose = z.union([text, z.object({ fr: text, en: text }).strict()], {
  error: 'must be text in double quotes, or { "fr": "…", "en": "…" }',
});
export type Prose = z.infer<typeof prose>;

/** SIREN numbers carry a Luhn check digit (https://www.insee.fr, « numéro SIREN »). */
function luhnValid(digits: string): boolean {
  let sum = 0;
  [...digits].reverse().forEach((char, i) => {
    const d = Number(char) * (i % 2 === 1 ? 2 : 1);
    sum += d > 9 ? d - 9 : d;
  });
  return sum % 10 === 0;
}

const siren = z
  .string()
  .regex(/^\d{3} ?\d{3} ?\d{3}$/, 'must be the 9 digits of the SIREN number, e.g. "130 025 265"')
  .refine((value) => luhnValid(value.replaceAll(' ', '')), 'is not a SIREN number: its check digit does not match');

const auditSchema = z
  .object({
    rgaaVersion: z.string().regex(/^4\.\d+(?:\.\d+)?$/, 'must be an RGAA version such as "4.1.2"'),
    date: calendarDay,
    auditor: text,
    criteriaMetPercent: z.number().min(0).max(100),
    averageRatePercent: z.number().min(0).max(100).optional(),
    nonConformities: z.array(prose).optional(),
    derogations: z.array(prose).optional(),
    outOfScope: z.array(prose).optional(),
    testEnvironment: z.array(z.object({ browser: text, screenReader: text }).strict()).optional(),
    tools: z.array(text).optional(),
    pagesSampled: z
      .array(
        z
          .object({ title: prose, url: z.string().regex(/^(?:\/|https?:\/\/)\S*$/, 'must be a path such as "/fr/" or an http(s) URL') })
          .strict(),
      )
      .optional(),
  })
  .strict();
export type AccessibilityAudit = z.infer<typeof auditSchema>;

/** Licences a public body usually publishes content under, each with its official page. */
export const CONTENT_LICENCES = {
  'etalab-2.0': 'https://www.etalab.gouv.fr/licence-ouverte-open-licence/',
  'CC-BY-4.0': 'https://creativecommons.org/licenses/by/4.0/',
  'CC0-1.0': 'https://creativecommons.org/publicdomain/zero/1.0/',
} as const;
export type ContentLicence = keyof typeof CONTENT_LICENCES;
export const DEFAULT_CONTENT_LICENCE: ContentLicence = 'etalab-2.0';

export const operatorSchema = z
  .object({
    publisher: z.object({ name: text, legalForm: text, address: text, phone: text, email, siren }).partial().strict(),
    director: z.object({ name: text, role: text }).partial().strict(),
    host: z.object({ name: text, address: text, phone: text, dataLocation: text }).partial().strict(),
    dataProtection: z
      .object({
        controller: text,
        dpo: z.object({ email, address: text, formUrl: httpUrl }).partial().strict(),
        serverLogRetentionDays: z.number().int().min(1).max(3650),
        mailProvider: text,
        transfersOutsideEu: z.union([z.literal('none'), prose], {
          error: 'must be "none", or text saying which data goes where and under which safeguard',
        }),
      })
      .partial()
      .strict(),
    accessibility: z
      .object({
        contact: z.object({ email, formUrl: httpUrl, address: text }).partial().strict(),
        statementDate: calendarDay,
        multiYearSchemeUrl: httpUrl,
        actionPlanUrl: httpUrl,
        audit: auditSchema,
      })
      .partial()
      .strict(),
    contentLicence: z.enum(Object.keys(CONTENT_LICENCES) as [ContentLicence, ...ContentLicence[]], {
      error: `must be one of ${Object.keys(CONTENT_LICENCES).join(', ')}`,
    }),
    independent: z.boolean({ error: 'must be true or false' }),
  })
  .partial()
  .strict();

export type OperatorFacts = z.infer<typeof operatorSchema>;

/** Shown to editors through the JSON Schema, keyed by the field's trail from the top of the file. */
export const OPERATOR_DESCRIPTIONS: Record<string, string> = {
  operator:
    'Facts about who runs this instance. The legal notice, the personal-data page and the accessibility statement are built from them; a missing fact is a warning at start, and the pages say it is not provided yet.',
  'operator.publisher': 'The publisher (éditeur) of the site, as the LCEN requires.',
  'operator.publisher.name': 'Name of the public body or organisation that publishes the site.',
  'operator.publisher.legalForm': 'Its legal form, e.g. « service à compétence nationale », « établissement public administratif ».',
  'operator.publisher.address': 'Its postal address, on one line.',
  'operator.publisher.phone': 'Its telephone number.',
  'operator.publisher.email': 'Its contact e-mail address.',
  'operator.publisher.siren': 'Its SIREN number (9 digits).',
  'operator.director': 'The publication director (directeur ou directrice de la publication): a person.',
  'operator.director.name': 'First name and last name of the publication director.',
  'operator.director.role': 'Their position, e.g. « directrice du numérique ».',
  'operator.host': 'The hosting provider (hébergeur), as the LCEN requires.',
  'operator.host.name': 'Name of the hosting provider.',
  'operator.host.address': 'Its postal address, on one line.',
  'operator.host.phone': 'Its telephone number.',
  'operator.host.dataLocation': 'Where the servers and the data are, e.g. « France » or « Union européenne ».',
  'operator.dataProtection': 'Personal data (RGPD): who is responsible and how to reach the data protection officer.',
  'operator.dataProtection.controller': 'The data controller (responsable de traitement), usually the publisher.',
  'operator.dataProtection.dpo': 'How to reach the data protection officer (DPO): e-mail, postal address or online form.',
  'operator.dataProtection.dpo.email': 'E-mail address of the data protection officer.',
  'operator.dataProtection.dpo.address': 'Postal address of the data protection officer, on one line.',
  'operator.dataProtection.dpo.formUrl': 'Address of an online form that reaches the data protection officer.',
  'operator.dataProtection.serverLogRetentionDays':
    'Days the web server or reverse proxy in front of Vigie keeps its access logs (Vigie itself writes none).',
  'operator.dataProtection.mailProvider':
    'Name of the e-mail sending provider (SMTP relay), a processor of the alert subscriptions; named on the personal-data page.',
  'operator.dataProtection.transfersOutsideEu':
    '"none" when no personal data leaves the European Union (host and mail provider included); otherwise what goes where and under which safeguard.',
  'operator.contentLicence':
    'Licence of the content this site publishes (notices, states, open data): "etalab-2.0" (the default, the State\'s usual choice), "CC-BY-4.0" or "CC0-1.0".',
  'operator.independent':
    'true (the default) when the publisher is not the bodies whose services are listed: the legal notice then says their presence does not mean they endorsed the site; false when the publisher speaks for them (a State deployment).',
  'operator.accessibility': 'Accessibility (RGAA): contact, statement date, multi-year scheme, action plan and the last audit.',
  'operator.accessibility.contact':
    'How users report an accessibility problem or ask for content in another form: e-mail or online form, and a postal address.',
  'operator.accessibility.contact.email': 'E-mail address for accessibility problems and requests for content in another form.',
  'operator.accessibility.contact.formUrl': 'Address of an online contact form for the same purpose.',
  'operator.accessibility.contact.address': 'Postal address for the same purpose, on one line.',
  'operator.accessibility.statementDate': 'Date the accessibility statement was written (YYYY-MM-DD).',
  'operator.accessibility.multiYearSchemeUrl': 'Address of the multi-year accessibility scheme (schéma pluriannuel).',
  'operator.accessibility.actionPlanUrl': "Address of this year's action plan (plan d'action annuel).",
  'operator.accessibility.audit':
    'The last RGAA conformity audit. Without one (or with one more than 3 years old) the site is « non conforme »; automatic axe-core tests are not an RGAA audit.',
  'operator.accessibility.audit.rgaaVersion': 'RGAA version the audit used, e.g. "4.1.2".',
  'operator.accessibility.audit.date': 'Date the audit was finished (YYYY-MM-DD).',
  'operator.accessibility.audit.auditor': 'Who carried out the audit (a firm, or the team in house).',
  'operator.accessibility.audit.criteriaMetPercent':
    'Percentage of the RGAA criteria met: 100 is « totalement conforme », 50 or more « partiellement conforme », under 50 « non conforme ».',
  'operator.accessibility.audit.averageRatePercent': 'Average conformity rate across the pages sampled, when the audit gives it.',
  'operator.accessibility.audit.nonConformities': 'Content that fails RGAA criteria, one item per problem.',
  'operator.accessibility.audit.derogations': 'Derogations for disproportionate burden (dérogations pour charge disproportionnée).',
  'operator.accessibility.audit.outOfScope': 'Content not subject to the accessibility obligation.',
  'operator.accessibility.audit.testEnvironment': 'Browser and screen reader pairs used to check the rendering.',
  'operator.accessibility.audit.testEnvironment.browser': 'Browser and its version, e.g. "Firefox 128".',
  'operator.accessibility.audit.testEnvironment.screenReader': 'Screen reader and its version, e.g. "NVDA 2024.4".',
  'operator.accessibility.audit.pagesSampled.title': 'Title of the page, in French, or { "fr": "…", "en": "…" }.',
  'operator.accessibility.audit.pagesSampled.url': 'Path (such as "/fr/") or full address of the page.',
  'operator.accessibility.audit.tools': 'Tools used to evaluate accessibility.',
  'operator.accessibility.audit.pagesSampled': 'Pages of the site the audit checked, each with a title and a path or address.',
};
