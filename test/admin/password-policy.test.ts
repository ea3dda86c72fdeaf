import { describe, expect, it } from 'vitest';
import { PASSWORD_MAX_LENGTH, passwordProblem } from '../../src/admin/password-policy.ts';

describe('staff password policy', () => {
  it.each([
    ['fourteen chars', 'too_short'],
    ['a'.repeat(PASSWORD_MAX_LENGTH + 1), 'too_long'],
    ['aaaaaaaaaaaaaaaaaaaa', 'too_few_characters'],
    ['abababababababababab', 'too_few_characters'],
    ['motdepasse2024!!', 'common'],
    ['P@ssw0rd12345678', 'common'],
    ['passwordpassword', 'common'],
    ['azertyuiopqsdfghjklm', 'common'],
    ['qwertyuiop123456', 'common'],
    ['123456789012345678', 'common'],
    ['Bienvenue@Paris75', 'common'],
    ['S0leil-S0leil-2024', 'common'],
    ['correct horse battery staple', 'common'],
  ] as const)('refuses %j (%s)', (password, problem) => {
    expect(passwordProblem(password)).toBe(problem);
  });

  it('refuses a password built on the account email', () => {
    expect(passwordProblem('jean.dupont-2024-pour-vigie', { email: 'jean.dupont@interieur.gouv.fr' })).toBe('contains_email');
  });

  it.each(['lapin vert mange trois carottes', 'Tr0ub4dour&3-horse-lake', 'gare du nord, quai 7, train bleu', 'x'.repeat(10) + 'yzwvut' + 'é'.repeat(100)])(
    'accepts %j',
    (password) => {
      expect(passwordProblem(password, { email: 'agent@example.gouv.fr' })).toBeNull();
    },
  );

  it('accepts long passwords up to the cap, counted in characters', () => {
    const long = 'une phrase de passe assez longue '.repeat(31).slice(0, PASSWORD_MAX_LENGTH);
    expect(passwordProblem(long)).toBeNull();
    expect(passwordProblem('é'.repeat(8) + 'ïôûàç€£')).toBeNull();
  });
});
