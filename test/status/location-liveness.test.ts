import { describe, expect, it } from 'vitest';
import type { ProbeHeartbeat } from '../../src/domain/records.ts';
import { HEARTBEAT_FRESH_MS, locationLiveness } from '../../src/status/location-liveness.ts';

const NOW_MS = Date.parse('2026-03-10T09:00:00Z');
/** A process's heartbeat `ms` ago, its canaries answering or not. */
const beat = (location: string, process: string, ms: number, canariesHealthy = true): ProbeHeartbeat => ({
  location,
  process,
  at: new Date(NOW_MS - ms),
  canariesHealthy,
  version: 'test',
});
const FRESH = 10_000;
const GONE = HEARTBEAT_FRESH_MS + 1;

describe('locationLiveness: what the processes at a location say together', () => {
  it.each([
    ['one healthy process', [beat('paris', 'a', FRESH)], { alive: 1, healthy: 1, fresh: true, trusted: true }],
    ['one process doubting its network', [beat('paris', 'a', FRESH, false)], { alive: 1, healthy: 0, fresh: true, trusted: false }],
    ['one process, silent just past the window', [beat('paris', 'a', GONE)], { alive: 0, healthy: 0, fresh: false, trusted: false }],
    [
      'one process, heard exactly at the window',
      [beat('paris', 'a', HEARTBEAT_FRESH_MS)],
      { alive: 1, healthy: 1, fresh: true, trusted: true },
    ],
    [
      'two alive that disagree: the healthy one vouches for the location',
      [beat('paris', 'a', FRESH), beat('paris', 'b', FRESH, false)],
      { alive: 2, healthy: 1, fresh: true, trusted: true },
    ],
    [
      'two alive that disagree, the doubting one written last',
      [beat('paris', 'a', 50_000), beat('paris', 'b', 1_000, false)],
      { alive: 2, healthy: 1, fresh: true, trusted: true },
    ],
    [
      'every alive process doubting its network',
      [beat('paris', 'a', FRESH, false), beat('paris', 'b', FRESH, false)],
      { alive: 2, healthy: 0, fresh: true, trusted: false },
    ],
    [
      'a dead healthy process does not vouch for a live doubting one',
      [beat('paris', 'a', GONE), beat('paris', 'b', FRESH, false)],
      { alive: 1, healthy: 0, fresh: true, trusted: false },
    ],
    [
      'a dead process is not counted beside a live one (it used to hide behind it)',
      [beat('paris', 'a', FRESH), beat('paris', 'b', GONE)],
      { alive: 1, healthy: 1, fresh: true, trusted: true },
    ],
    [
      'three alive, two doubting',
      [beat('paris', 'a', FRESH, false), beat('paris', 'b', FRESH), beat('paris', 'c', FRESH, false)],
      { alive: 3, healthy: 1, fresh: true, trusted: true },
    ],
  ])('%s', (_, heartbeats, expected) => {
    expect(locationLiveness(heartbeats, NOW_MS).get('paris')).toMatchObject({ location: 'paris', ...expected });
  });

  it('keeps locations apart, each with its newest heartbeat, and lists no location without one', () => {
    const views = locationLiveness([beat('paris', 'a', 90_000), beat('lyon', 'c', FRESH, false), beat('paris', 'b', 30_000)], NOW_MS);
    expect([...views.keys()].sort()).toEqual(['lyon', 'paris']);
    expect(views.get('paris')).toEqual({
      location: 'paris',
      lastAt: new Date(NOW_MS - 30_000),
      alive: 2,
      healthy: 2,
      fresh: true,
      trusted: true,
    });
    expect(views.get('lyon')).toMatchObject({ alive: 1, trusted: false });
    expect(views.get('marseille')).toBeUndefined();
  });
});
