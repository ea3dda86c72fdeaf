import { describe, expect, it } from 'vitest';
import { isPermanentSmtpFailure, MAX_ATTEMPTS, nextAttempt, retryDelayMs } from '../../src/notify/retry.ts';

const NOW = new Date('2026-03-10T10:00:00Z');

describe('retries', () => {
  it.each([
    [1, 30_000],
    [2, 60_000],
    [5, 480_000],
    [8, 3_600_000],
    [29, 3_600_000],
  ])('attempt %i waits %i ms', (attempts, ms) => expect(retryDelayMs(attempts, 30_000)).toBe(ms));

  it.each([
    [1, 1_000],
    [2, 2_000],
    [12, 2_048_000],
    [13, 3_600_000],
  ])('with a first delay of 1 s, attempt %i waits %i ms', (attempts, ms) => expect(retryDelayMs(attempts, 1_000)).toBe(ms));

  it.each([
    { error: { responseCode: 550 }, permanent: true },
    { error: { responseCode: 421 }, permanent: false },
    { error: new Error('connect ECONNREFUSED'), permanent: false },
    { error: null, permanent: false },
  ])('$error is permanent: $permanent', ({ error, permanent }) => expect(isPermanentSmtpFailure(error)).toBe(permanent));

  it('gives up on permanent failures and after the last attempt', () => {
    expect(nextAttempt(1, true, NOW, 30_000)).toBeNull();
    expect(nextAttempt(MAX_ATTEMPTS, false, NOW, 30_000)).toBeNull();
    expect(nextAttempt(3, false, NOW, 30_000)).toEqual(new Date(NOW.getTime() + 120_000));
  });
});
