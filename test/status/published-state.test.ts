import { describe, expect, it } from 'vitest';
import type { Impact, ServiceState } from '../../src/domain/vocabulary.ts';
import { publishedState, type PublishedStateInput } from '../../src/status/published-state.ts';

const NOW = new Date('2026-11-24T21:00:00Z');
const ago = (s: number) => new Date(NOW.getTime() - s * 1000);
const SINCE = ago(3600);
const DECLARED_AT = ago(600);
const OPENS = new Date('2026-11-25T07:00:00Z');

function input(patch: {
  probe?: ServiceState | null;
  checkedSecondsAgo?: number;
  notCheckable?: boolean;
  offline?: boolean;
  storeGone?: boolean;
  maintenance?: boolean;
  closed?: boolean;
  declared?: Impact;
}): PublishedStateInput {
  const probe = patch.probe === undefined ? 'operational' : patch.probe;
  return {
    now: NOW,
    verdict:
      probe === null
        ? null
        : { state: probe, since: SINCE, checkedAt: ago(patch.checkedSecondsAgo ?? 30), notCheckable: patch.notCheckable ?? false },
    probeOffline: patch.offline ?? false,
    storeUnreachable: patch.storeGone ?? false,
    staleAfterMs: 180_000,
    maintenanceSince: patch.maintenance ? ago(1200) : null,
    hours: patch.closed ? { open: false, opensAt: OPENS } : { open: true },
    declared: patch.declared ? { impact: patch.declared, since: DECLARED_AT } : null,
  };
}

describe('publishedState', () => {
  it.each([
    // what the probe sees, fresh
    ['operational, fresh', {}, 'operational', false, null],
    ['degraded, fresh', { probe: 'degraded' }, 'degraded', false, null],
    ['down, fresh', { probe: 'down' }, 'down', false, null],
    // what the probe cannot vouch for
    ['never checked', { probe: null }, 'unknown', false, 'no_data'],
    ['stale', { checkedSecondsAgo: 600 }, 'unknown', false, 'stale'],
    ['probe offline', { offline: true }, 'unknown', false, 'probe_offline'],
    ['anti-bot wall', { probe: 'unknown', notCheckable: true }, 'unknown', false, 'not_checkable'],
    ['stale rows read before the store went away', { checkedSecondsAgo: 600, storeGone: true }, 'unknown', false, 'store_unreachable'],
    ['probe offline in rows read before the store went away', { offline: true, storeGone: true }, 'unknown', false, 'store_unreachable'],
    ['probe still in a window that ended', { probe: 'maintenance' }, 'unknown', false, 'stale'],
    // planned time
    ['maintenance over a failing probe', { probe: 'down', maintenance: true }, 'maintenance', false, null],
    ['closed hours over a failing probe', { probe: 'down', closed: true }, 'closed', false, null],
    ['closed hours, never checked', { probe: null, closed: true }, 'closed', false, null],
    ['maintenance before closed hours', { maintenance: true, closed: true }, 'maintenance', false, null],
    // staff say worse than the probe: theirs, marked
    ['staff major over operational', { declared: 'major' }, 'down', true, null],
    ['staff partial over operational', { declared: 'partial' }, 'partial', true, null],
    ['staff degraded over operational', { declared: 'degraded' }, 'degraded', true, null],
    ['staff partial over degraded', { probe: 'degraded', declared: 'partial' }, 'partial', true, null],
    ['staff degraded over stale data', { checkedSecondsAgo: 600, declared: 'degraded' }, 'degraded', true, null],
    ['staff major over offline probe', { offline: true, declared: 'major' }, 'down', true, null],
    ['staff major during maintenance', { maintenance: true, declared: 'major' }, 'down', true, null],
    ['staff partial during closed hours', { closed: true, declared: 'partial' }, 'partial', true, null],
    // the probe sees worse, or the same: the probe's
    ['probe down over staff partial', { probe: 'down', declared: 'partial' }, 'down', false, null],
    ['probe down over staff major', { probe: 'down', declared: 'major' }, 'down', false, null],
    ['probe degraded over staff degraded', { probe: 'degraded', declared: 'degraded' }, 'degraded', false, null],
  ] as const)('%s', (_name, patch, state, declaredByStaff, unknownReason) => {
    const published = publishedState(input(patch));
    expect(published).toMatchObject({ state, declaredByStaff, unknownReason });
  });

  it('dates each state from what decided it', () => {
    expect(publishedState(input({})).since).toEqual(SINCE);
    expect(publishedState(input({ declared: 'major' })).since).toEqual(DECLARED_AT);
    expect(publishedState(input({ maintenance: true })).since).toEqual(ago(1200));
    expect(publishedState(input({ checkedSecondsAgo: 600 })).since).toEqual(ago(600));
  });

  it('gives the next opening only while closed, and says planned time is not watched', () => {
    expect(publishedState(input({ closed: true }))).toMatchObject({ opensAt: OPENS, watched: false });
    expect(publishedState(input({ closed: true, declared: 'major' }))).toMatchObject({ opensAt: null, watched: false });
    expect(publishedState(input({ maintenance: true })).watched).toBe(false);
    expect(publishedState(input({})).watched).toBe(true);
  });
});
