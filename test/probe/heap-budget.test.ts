import { describe, expect, it } from 'vitest';
import { probeHeapLimitMb } from '../../src/probe/heap-budget.ts';

describe('probe heap budget', () => {
  it.each([
    [0, 160],
    [40, 160],
    [5_000, 160],
    [10_000, 184],
    [20_000, 304],
  ])('gives %i services a %i MB heap', (services, mb) => {
    expect(probeHeapLimitMb(services)).toBe(mb);
  });
});
