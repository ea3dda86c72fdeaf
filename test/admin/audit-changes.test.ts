import { describe, expect, it } from 'vitest';
import { auditChanges } from '../../src/admin/audit-changes.ts';

describe('auditChanges', () => {
  it.each([
    ['nothing recorded', null, null, []],
    [
      'a record created',
      null,
      { title: 'Panne', status: 'investigating' },
      [
        { field: 'title', before: '—', after: 'Panne' },
        { field: 'status', before: '—', after: 'investigating' },
      ],
    ],
    [
      'one field changed among several',
      { title: 'A', body: { fr: 'x' } },
      { title: 'A', body: { fr: 'y' } },
      [{ field: 'body', before: '{"fr":"x"}', after: '{"fr":"y"}' }],
    ],
    ['a plain value', 'ancien', 'nouveau', [{ field: 'value', before: 'ancien', after: 'nouveau' }]],
  ])('%s', (_, before, after, expected) => {
    expect(auditChanges(before, after)).toEqual(expected);
  });
});
