import { COMMON_WORDS, SEQUENCES } from './common-passwords.ts';
import { normalizePassword } from './password.ts';

/** Staff password rules: long enough to resist guessing, not a dressed-up common password. */
export const PASSWORD_MIN_LENGTH = 15;
export const PASSWORD_MAX_LENGTH = 1024;

export const PASSWORD_PROBLEMS = ['too_short', 'too_long', 'too_few_characters', 'common', 'contains_email'] as const;
export type PasswordProblem = (typeof PASSWORD_PROBLEMS)[number];

export const PASSWORD_PROBLEM_TEXT: Record<PasswordProblem, string> = {
  too_short: `is too short: use at least ${PASSWORD_MIN_LENGTH} characters (a few unrelated words work well)`,
  too_long: `is too long: at most ${PASSWORD_MAX_LENGTH} characters`,
  too_few_characters: 'repeats too few different characters: mix several words',
  common: 'is built from common passwords, keyboard rows or sequences: choose unrelated words',
  contains_email: 'contains the account email: choose something unrelated to it',
};

const LEET: Record<string, string> = { '0': 'o', '1': 'i', '3': 'e', '4': 'a', '5': 's', '7': 't', '@': 'a', $: 's', '!': 'i' };

const words = new Set<string>(COMMON_WORDS);
const fragments = new Set<string>();
for (const sequence of SEQUENCES) {
  for (const line of [sequence, [...sequence].reverse().join('')]) {
    for (let i = 0; i < line.length; i++) for (let j = i + 3; j <= line.length; j++) fragments.add(line.slice(i, j));
  }
}

/**
 * True when the whole text splits into common words, keyboard/alphabet runs, short digit groups,
 * separators and repetitions of any of these (dynamic programming over prefixes).
 */
function isCoveredByCommonParts(text: string): boolean {
  const covered: boolean[] = [true];
  for (let end = 1; end <= text.length; end++) {
    covered[end] = false;
    for (let start = Math.max(0, end - 40); start < end && !covered[end]; start++) {
      if (!covered[start]) continue;
      const part = text.slice(start, end);
      covered[end] =
        words.has(part) ||
        words.has(unleet(part)) ||
        fragments.has(part) ||
        /^\d{1,4}$/.test(part) ||
        /^[^\p{L}\p{N}]$/u.test(part) ||
        (start > 0 && text.slice(0, start).endsWith(part) && part.length >= 2);
    }
  }
  return covered[text.length] === true;
}

const unleet = (text: string): string => [...text].map((c) => LEET[c] ?? c).join('');

/** The first rule the password breaks, or null when it is acceptable. */
export function passwordProblem(password: string, context: { email?: string } = {}): PasswordProblem | null {
  const normalized = normalizePassword(password);
  const length = [...normalized].length;
  if (length < PASSWORD_MIN_LENGTH) return 'too_short';
  if (length > PASSWORD_MAX_LENGTH) return 'too_long';
  if (new Set(normalized.toLowerCase()).size < 6) return 'too_few_characters';
  const folded = normalized.toLowerCase().normalize('NFD').replace(/\p{M}/gu, '');
  const local = context.email?.split('@')[0]?.toLowerCase() ?? '';
  if (local.length >= 3 && (folded.includes(local) || unleet(folded).includes(local))) return 'contains_email';
  if (isCoveredByCommonParts(folded)) return 'common';
  return null;
}
