import { describe, expect, it } from 'vitest';
import { PASSWORD_MAX_LENGTH, passwordProblem } from '../../src/admin/password-policy.ts';

describe('staff password policy', () => {
  it.each([
    ['fourteen chars', 'too_short'],
    ['a'.repeat(PASSWORD_MAX_LENGTH + 1), 'too_long'],
    ['aaaaaaaaaaaaaaaaaaaa', 'guessable'],
    ['abababababababababab', 'guessable'],
    ['motdepasse2024!!', 'guessable'],
    ['P@ssw0rd12345678', 'guessable'],
    ['passwordpassword', 'guessable'],
    ['azertyuiopqsdfghjklm', 'guessable'],
    ['qwertyuiop123456', 'guessable'],
    ['123456789012345678', 'guessable'],
    ['Bienvenue@Paris75', 'guessable'],
    ['S0leil-S0leil-2024', 'guessable'],
    ['vigievigievigie2026', 'guessable'],
  ] as const)('refuses %j (%s)', (password, problem) => {
    expect(passwordProblem(password)).toBe(problem);
  });

  it('refuses a password built on the account email', () => {
    expect(passwordProblem('jean.dupont-2024-pour-vigie', { email: 'jean.dupont@interieur.gouv.fr' })).toBe('contains_email');
  });

  it.each([
    'lapin vert mange trois carottes',
    'Tr0ub4dour&3-horse-lake',
    'gare du nord, quai 7, train bleu',
    'nous irons au bois quand il fera beau',
  ])('accepts %j', (password) => {
    expect(passwordProblem(password, { email: 'agent@example.gouv.fr' })).toBeNull();
  });

  it('accepts long passwords up to the cap, counted in characters', () => {
    const long = 'une phrase de passe assez longue '.repeat(31).slice(0, PASSWORD_MAX_LENGTH);
    expect(passwordProblem(long)).toBeNull();
    expect(passwordProblem('Été à Sète, où ça ? Ni là, ni çà.')).toBeNull();
  });
});
