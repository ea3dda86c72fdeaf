import { ZxcvbnFactory } from '@zxcvbn-ts/core';
import * as common from '@zxcvbn-ts/language-common';
import * as english from '@zxcvbn-ts/language-en';
import * as french from '@zxcvbn-ts/language-fr';
import { normalizePassword } from './password.ts';

/**
 * Staff password rules: long enough to resist guessing, and not guessable from common passwords,
 * French or English words, names, keyboard rows, sequences, dates or the account's own email.
 * The guessing estimate is zxcvbn's (with French and English dictionaries), not ours.
 */
export const PASSWORD_MIN_LENGTH = 15;
export const PASSWORD_MAX_LENGTH = 1024;

/**
 * Below about 10^12 guesses a password falls to an offline attack on a stolen database within
 * reach of a determined attacker, even with scrypt; staff accounts speak for the State to citizens.
 */
export const MIN_GUESSES_LOG10 = 12;

export const PASSWORD_PROBLEMS = ['too_short', 'too_long', 'contains_email', 'guessable'] as const;
export type PasswordProblem = (typeof PASSWORD_PROBLEMS)[number];

export const PASSWORD_PROBLEM_TEXT: Record<PasswordProblem, string> = {
  too_short: `is too short: use at least ${PASSWORD_MIN_LENGTH} characters (a few unrelated words work well)`,
  too_long: `is too long: at most ${PASSWORD_MAX_LENGTH} characters`,
  contains_email: 'contains the account email: choose something unrelated to it',
  guessable:
    'is too easy to guess (common passwords, words with substitutions, keyboard rows, repeats or dates): choose several unrelated words',
};

// The estimate's cost grows with length; past this, extra characters only add strength.
const ESTIMATED_PREFIX = 100;
const SITE_WORDS = ['vigie', 'statut', 'status', 'gouv', 'service-public', 'admin'];

const estimator = new ZxcvbnFactory({
  graphs: common.adjacencyGraphs,
  dictionary: { ...common.dictionary, ...french.dictionary, ...english.dictionary },
});

/** The first rule the password breaks, or null when it is acceptable. */
export function passwordProblem(password: string, context: { email?: string } = {}): PasswordProblem | null {
  const normalized = normalizePassword(password);
  const length = [...normalized].length;
  if (length < PASSWORD_MIN_LENGTH) return 'too_short';
  if (length > PASSWORD_MAX_LENGTH) return 'too_long';
  const folded = normalized.toLowerCase();
  const local = context.email?.split('@')[0]?.toLowerCase() ?? '';
  if (local.length >= 3 && folded.includes(local)) return 'contains_email';
  const userInputs = [...SITE_WORDS, ...(context.email ? [context.email, local, ...local.split(/[._-]/)] : [])];
  const estimate = estimator.check([...normalized].slice(0, ESTIMATED_PREFIX).join(''), userInputs);
  return estimate.guessesLog10 < MIN_GUESSES_LOG10 ? 'guessable' : null;
}
