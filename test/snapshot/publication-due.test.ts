import { describe, expect, it } from 'vitest';
import { MAX_GAP_MS, MIN_GAP_MS, publicationDue } from '../../src/snapshot/publication-due.ts';

describe('publicationDue', () => {
  const at = 1_000_000;
  it.each([
    ['never published', null, at, 7, true],
    ['data changed, but too soon after the last one', { at, version: 7 }, at + MIN_GAP_MS - 1, 8, false],
    ['data changed, a few seconds later', { at, version: 7 }, at + MIN_GAP_MS, 8, true],
    ['nothing changed since the last one, not long ago', { at, version: 7 }, at + MAX_GAP_MS - 1, 7, false],
    ['nothing changed for a while: the timestamp must move and pages be refreshed', { at, version: 7 }, at + MAX_GAP_MS, 7, true],
    ['the store does not say its version', { at, version: 7 }, at + MIN_GAP_MS, null, false],
    ['the store does not say, for a while', { at, version: 7 }, at + MAX_GAP_MS, null, true],
  ] as const)('%s', (_, last, now, version, due) => {
    expect(publicationDue(last, now, version)).toBe(due);
  });
});
