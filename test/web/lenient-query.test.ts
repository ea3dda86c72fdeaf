import { describe, expect, it } from 'vitest';
import { lenientTarget } from '../../src/web/lenient-query.ts';

/** Queries that are not UTF-8 are read leniently instead of refused (conformance review, `?q=caf%e9`). */
describe('lenient query decoding', () => {
  it.each([
    ['/fr/?q=caf%e9', '/fr/?q=caf%C3%A9'],
    ['/fr/?q=caf%E9&lang=en', '/fr/?q=caf%C3%A9&lang=en'],
    ['/fr/?q=%FF%FE', '/fr/?q=%C3%BF%C3%BE'],
    ['/fr/?q=100%&x', '/fr/?q=100%25&x='],
    ['/fr/?q=a+%e9', '/fr/?q=a+%C3%A9'],
  ])('rewrites %s as %s', (target, rewritten) => {
    expect(lenientTarget(target)).toBe(rewritten);
  });

  it.each(['/fr/?q=caf%C3%A9', '/fr/', '/fr/caf%e9', '/fr/caf%e9?q=x'])('leaves %s alone', (target) => {
    expect(lenientTarget(target)).toBeNull();
  });
});
