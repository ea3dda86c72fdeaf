import { describe, expect, it } from 'vitest';
import { locationReadings } from '../../src/status/location-votes.ts';
import { service } from '../probe/support/catalogue.ts';
import { serviceTracking } from '../support/records.ts';

/** A check dated by a clock running ahead is neither shown in the future nor taken as fresh for as long as that clock is ahead. */
const NOW = Date.parse('2026-12-06T08:11:00Z');
const impots = service('impots', 'https://www.impots.gouv.fr/');
const heartbeats = [{ location: 'paris', process: 'p', at: new Date(NOW - 10_000), canariesHealthy: true, version: 't' }];
const read = (checkedAt: number) =>
  locationReadings(impots, [serviceTracking({ location: 'paris', lastCheckedAt: new Date(checkedAt) })], {
    locations: [],
    heartbeats,
    nowMs: NOW,
  })[0]!;

describe('a check dated in the future', () => {
  it('votes when within a few seconds (clocks a little apart), shown at now at the latest', () => {
    expect(read(NOW + 2_000)).toMatchObject({ voting: true, lastCheckedAt: new Date(NOW) });
    expect(read(NOW - 2_000)).toMatchObject({ voting: true, lastCheckedAt: new Date(NOW - 2_000) });
  });

  it('is stale when two minutes ahead, and never shows a time after now', () => {
    expect(read(NOW + 120_000)).toMatchObject({ voting: false, silentReason: 'stale', state: 'unknown', lastCheckedAt: new Date(NOW) });
  });
});
