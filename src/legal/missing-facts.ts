import type { OperatorFacts } from '../config/operator-schema.ts';

/**
 * The operator facts still missing, each named by its path in `services.json` and the page that
 * says it is not provided yet. Reported at start as warnings, never filled in by guesswork.
 */
export const FACT_PAGES = ['legal', 'privacy', 'accessibility'] as const;
export type FactPage = (typeof FACT_PAGES)[number];

export interface MissingFact {
  path: string;
  page: FactPage;
}

type Check = [path: string, page: FactPage, present: (o: OperatorFacts) => unknown];

const CHECKS: Check[] = [
  ['operator.publisher.name', 'legal', (o) => o.publisher?.name],
  ['operator.publisher.legalForm', 'legal', (o) => o.publisher?.legalForm],
  ['operator.publisher.address', 'legal', (o) => o.publisher?.address],
  ['operator.publisher.phone', 'legal', (o) => o.publisher?.phone],
  ['operator.publisher.email', 'legal', (o) => o.publisher?.email],
  ['operator.publisher.siren', 'legal', (o) => o.publisher?.siren],
  ['operator.director.name', 'legal', (o) => o.director?.name],
  ['operator.director.role', 'legal', (o) => o.director?.role],
  ['operator.host.name', 'legal', (o) => o.host?.name],
  ['operator.host.address', 'legal', (o) => o.host?.address],
  ['operator.host.phone', 'legal', (o) => o.host?.phone],
  ['operator.host.dataLocation', 'privacy', (o) => o.host?.dataLocation],
  ['operator.dataProtection.controller', 'privacy', (o) => o.dataProtection?.controller],
  [
    'operator.dataProtection.dpo',
    'privacy',
    (o) => o.dataProtection?.dpo?.email ?? o.dataProtection?.dpo?.address ?? o.dataProtection?.dpo?.formUrl,
  ],
  ['operator.dataProtection.serverLogRetentionDays', 'privacy', (o) => o.dataProtection?.serverLogRetentionDays],
  ['operator.dataProtection.transfersOutsideEu', 'privacy', (o) => o.dataProtection?.transfersOutsideEu],
  [
    'operator.accessibility.contact (email or formUrl)',
    'accessibility',
    (o) => o.accessibility?.contact?.email ?? o.accessibility?.contact?.formUrl,
  ],
  ['operator.accessibility.contact.address', 'accessibility', (o) => o.accessibility?.contact?.address],
  ['operator.accessibility.statementDate', 'accessibility', (o) => o.accessibility?.statementDate],
  ['operator.accessibility.multiYearSchemeUrl', 'accessibility', (o) => o.accessibility?.multiYearSchemeUrl],
  ['operator.accessibility.actionPlanUrl', 'accessibility', (o) => o.accessibility?.actionPlanUrl],
  ['operator.accessibility.audit', 'accessibility', (o) => o.accessibility?.audit],
];

// Inside an audit, lists may be empty (nothing to declare) but must be there: absent means "not said".
const AUDIT_LISTS = ['nonConformities', 'derogations', 'outOfScope', 'testEnvironment', 'tools', 'pagesSampled'] as const;

export function missingOperatorFacts(operator: OperatorFacts | undefined): MissingFact[] {
  const facts = operator ?? {};
  const missing = CHECKS.filter(([, , present]) => present(facts) === undefined).map(([path, page]) => ({ path, page }));
  const audit = facts.accessibility?.audit;
  if (!audit) return missing;
  return [
    ...missing,
    ...AUDIT_LISTS.filter((list) => audit[list] === undefined).map((list) => ({
      path: `operator.accessibility.audit.${list}`,
      page: 'accessibility' as const,
    })),
  ];
}

const PAGE_NAMES: Record<FactPage, string> = {
  legal: 'the legal notice',
  privacy: 'the personal-data page',
  accessibility: 'the accessibility statement',
};

/** One warning line per missing fact, for the operator's console. */
export function missingFactWarnings(fileName: string, operator: OperatorFacts | undefined): string[] {
  return missingOperatorFacts(operator).map(
    ({ path, page }) =>
      `${fileName}: ${path}: not provided: ${PAGE_NAMES[page]} says so until you add it${path === 'operator.accessibility.audit' ? ' (without an audit the site is « non conforme »)' : ''}`,
  );
}
