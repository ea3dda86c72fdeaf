import { describe, expect, it } from 'vitest';
import { normalizeEmail } from '../../src/admin/staff-accounts.ts';

describe('normalizeEmail', () => {
  it.each([
    [' Agent.Martin@Example.GOUV.fr ', 'agent.martin@example.gouv.fr'],
    ['a@b.fr', 'a@b.fr'],
    ['a@b.c.d.fr', 'a@b.c.d.fr'],
    ['not-an-email', null],
    ['a@b', null],
    ['a@b.f', null],
    ['a@@b.fr', null],
    ['a@b..fr', null],
    ['a b@c.fr', null],
    [`${'x'.repeat(65)}@b.fr`, null],
    [`a@${'b.'.repeat(130)}fr`, null],
    [`\0@\0.${'\0.'.repeat(40_000)}\0.@@`, null],
  ])('reads %j as %j', (input, expected) => {
    expect(normalizeEmail(input)).toBe(expected);
  });
});
