import { expect, it } from 'vitest';
import { ownPageReading } from '../../src/status/own-page-reading.ts';

const checkedAt = new Date('2026-03-02T10:00:00Z');
const after = (s: number) => new Date(checkedAt.getTime() + s * 1000);

it('says what the page said while fresh, unknown once stale like any reading, and nothing when never read', () => {
  expect(ownPageReading({ serviceId: 'fc', outcome: 'upstream_down', checkedAt }, 60, after(60))).toEqual({ state: 'down', checkedAt });
  expect(ownPageReading({ serviceId: 'fc', outcome: 'ok', checkedAt }, 60, after(60))?.state).toBe('operational');
  expect(ownPageReading({ serviceId: 'fc', outcome: 'upstream_degraded', checkedAt }, 60, after(60))?.state).toBe('degraded');
  expect(ownPageReading({ serviceId: 'fc', outcome: 'upstream_down', checkedAt }, 60, after(3600))?.state).toBe('unknown');
  expect(ownPageReading(undefined, 60, after(0))).toBeUndefined();
});
