/**
 * The processings of personal data Vigie performs, in the order the personal-data page lists
 * them. Each dictionary must describe every one (purpose, legal basis, data, retention,
 * recipients): a processing added here without its words fails the type check.
 */
export const PROCESSINGS = ['serverLogs', 'staffAccounts', 'signInAudit'] as const;
export type Processing = (typeof PROCESSINGS)[number];
