/**
 * The processings of personal data Vigie performs, in the order the personal-data page lists
 * them. Each dictionary must describe every one (purpose, legal basis, data, retention,
 * recipients, processors, rights): a processing added here without its words fails the type check.
 */
export const PROCESSINGS = ['serverLogs', 'staffAccounts', 'signInAudit', 'alerts'] as const;
export type Processing = (typeof PROCESSINGS)[number];

/** The processings this instance performs: email alerts only when subscriptions are on. */
export function processingsInUse(subscriptions: boolean): Processing[] {
  return PROCESSINGS.filter((p) => p !== 'alerts' || subscriptions);
}
