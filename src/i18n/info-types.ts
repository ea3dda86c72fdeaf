import type { OperatorFacts, Prose } from '../config/operator-schema.ts';
import type { Locale } from '../domain/vocabulary.ts';
import type { Conformity } from '../legal/conformity.ts';

/**
 * The building blocks of the information pages (accessibility statement, legal notice, personal
 * data, probes): plain text, or runs of text where a fact may be missing (said plainly, never
 * invented), a link, or words in the other language.
 */
export type Inline = string | { text: string; href?: string; lang?: Locale; missing?: boolean };
export type Paragraph = Inline | Inline[];

export interface Section {
  /** Absent for the opening paragraphs under the page title. */
  heading?: string;
  paragraphs: Paragraph[];
  /** A bulleted list after the paragraphs. */
  list?: Paragraph[];
  /** Sub-sections, shown with the next heading level. */
  subsections?: Section[];
  links?: { label: string; href: string; lang?: string }[];
  /** Texts to copy as is (shown as code), one paragraph each. */
  code?: string[];
}

/** How long staff and subscription data is kept, as the code keeps it. */
export interface RetentionFacts {
  unconfirmedHours: number;
  fingerprintHours: number;
  messageDays: number;
  manageLinkDays: number;
  auditLogDays: number;
  loginFailureHours: number;
  sessionIdleMinutes: number;
  sessionMaxHours: number;
  sessionCookie: string;
}

/** Everything the accessibility statement, the legal notice and the personal-data page are written from. */
export interface InfoFacts {
  site: string;
  operator: OperatorFacts;
  conformity: Conformity;
  retention: RetentionFacts;
  /** Paths of the other information pages, in the page's language. */
  paths: { legal: string; privacy: string; accessibility: string };
  formatDay: (day: string) => string;
  formatPercent: (value: number) => string;
}

/** A fact from the operator, or the plain statement that it is not provided yet. */
export function given(value: string | undefined, missing: string): Inline {
  return value ?? { text: missing, missing: true };
}

/** Operator prose in the page's language; French alone is marked as French on English pages. */
export function proseIn(prose: Prose, locale: Locale): Inline {
  if (typeof prose !== 'string') return prose[locale];
  return locale === 'fr' ? prose : { text: prose, lang: 'fr' };
}

/** An official French term on an English page is marked as French (RGAA 8.7). */
export function frenchTerm(text: string, locale: Locale): Inline {
  return locale === 'fr' ? text : { text, lang: 'fr' };
}

export function mailto(email: string): Inline {
  return { text: email, href: `mailto:${email}` };
}

/** The lines the RGPD requires for each processing of personal data, under words of one language. */
export interface ProcessingLines {
  purpose: string;
  basis: string;
  data: string;
  retention: Paragraph;
  recipients: Paragraph;
  /** Who handles the data on the publisher's behalf (RGPD art. 28), named from the operator facts. */
  processors: Paragraph;
  /** The rights that apply to this processing, which depend on its legal basis. */
  rights: Paragraph;
}

const LINE_ORDER = ['purpose', 'basis', 'data', 'retention', 'recipients', 'processors', 'rights'] as const;

export function processingSection(heading: string, labels: Record<keyof ProcessingLines, string>, lines: ProcessingLines): Section {
  return { heading, paragraphs: [], list: LINE_ORDER.map((key): Paragraph => [labels[key], ...[lines[key]].flat()]) };
}

/** What the probes page says of the probes: from the catalogue and from what the probes wrote of themselves. */
export interface ProbeFacts {
  minInterval: string;
  maxInterval: string;
  failuresBeforeDown: number;
  successesBeforeUp: number;
  /** What the probes wrote of themselves; null until one has. */
  reported: {
    /** Every location a probe reported from, in catalogue order, with its probe processes alive now. */
    /** A location's catalogue name; null without catalogue locations (its id is no name for citizens). */
    locations: { name: string | null; processes: number }[];
    /** Several while probes of different versions run side by side. */
    userAgents: string[];
    perHost: number;
  } | null;
}
