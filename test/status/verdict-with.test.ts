import { describe, expect, it } from 'vitest';
import type { LocationConfig } from '../../src/config/services-schema.ts';
import type { ProbeHeartbeat, ServiceTracking } from '../../src/domain/records.ts';
import type { ServiceState } from '../../src/domain/vocabulary.ts';
import { verdictWith } from '../../src/status/verdict-with.ts';
import { heartbeat, NOW, service, tracking } from './fixtures.ts';

/**
 * The state each location gives its share of the time to in the rollups: the quorum's, with its
 * new tracking counted among what it last read of the others.
 */
const place = (id: string, country: string): LocationConfig => ({ id, name: { fr: id, en: id }, country });
const THREE = [place('paris', 'FR'), place('lyon', 'FR'), place('montreal', 'CA')];

/**
 * `lyon:down` = lyon's tracking says down, checked 30 s ago, heartbeat fresh and healthy;
 * `lyon:down~` its tracking is stale (checked 10 min ago); `lyon:down!` its canaries fail;
 * `lyon:down?` its heartbeat is 10 min old.
 */
function others(spec: string): { trackings: ServiceTracking[]; heartbeats: ProbeHeartbeat[] } {
  const items = spec.split(' ').filter(Boolean);
  const parsed = items.map((item) => {
    const [location = '', rest = ''] = item.split(':');
    return { location, state: rest.replace(/[~!?]$/, '') as ServiceState, mark: rest.at(-1) };
  });
  return {
    trackings: parsed.map((p) => ({ ...tracking('svc', p.state, p.mark === '~' ? 600 : 30), location: p.location })),
    heartbeats: parsed.map((p) => ({ ...heartbeat(p.mark === '?' ? 600 : 20, p.mark !== '!'), location: p.location })),
  };
}

interface Case {
  name: string;
  locations: LocationConfig[];
  /** The checking location and its new state. */
  own: `${string}:${ServiceState}`;
  others: string;
  quorum?: number;
  expect: ServiceState;
}

const CASES: Case[] = [
  { name: 'no locations listed: the own state', locations: [], own: 'local:down', others: '', expect: 'down' },
  { name: 'one location listed: the own state', locations: [place('paris', 'FR')], own: 'paris:degraded', others: '', expect: 'degraded' },
  {
    name: 'geo-fence seen from abroad: degraded, not down',
    locations: THREE,
    own: 'montreal:down',
    others: 'paris:operational lyon:operational',
    expect: 'degraded',
  },
  {
    name: 'geo-fence seen from France: degraded, not operational',
    locations: THREE,
    own: 'paris:operational',
    others: 'lyon:operational montreal:down',
    expect: 'degraded',
  },
  {
    name: 'one location blips: degraded',
    locations: THREE,
    own: 'lyon:down',
    others: 'paris:operational montreal:operational',
    expect: 'degraded',
  },
  { name: 'down everywhere: down', locations: THREE, own: 'paris:down', others: 'lyon:down montreal:down', expect: 'down' },
  {
    name: 'the new tracking makes the majority: down',
    locations: THREE,
    own: 'montreal:down',
    others: 'paris:down lyon:operational',
    expect: 'down',
  },
  {
    name: 'the new tracking ends the majority: degraded',
    locations: THREE,
    own: 'paris:operational',
    others: 'paris:down lyon:down montreal:operational',
    expect: 'degraded',
  },
  { name: 'everyone answers: operational', locations: THREE, own: 'lyon:operational', others: 'paris:operational', expect: 'operational' },
  {
    name: 'stale trackings of the others do not vote: the own state',
    locations: THREE,
    own: 'montreal:down',
    others: 'paris:operational~ lyon:operational~',
    expect: 'down',
  },
  {
    name: 'others whose canaries fail do not vote',
    locations: THREE,
    own: 'paris:down',
    others: 'lyon:operational! montreal:operational!',
    expect: 'down',
  },
  {
    name: 'others with an old heartbeat do not vote',
    locations: THREE,
    own: 'paris:down',
    others: 'lyon:operational? montreal:operational',
    expect: 'degraded',
  },
  {
    name: 'the checking location votes even when its own heartbeat read earlier is old',
    locations: THREE,
    own: 'paris:down',
    others: 'paris:operational? lyon:down montreal:operational',
    expect: 'down',
  },
  {
    name: 'a window in progress at this location: maintenance',
    locations: THREE,
    own: 'paris:maintenance',
    others: 'lyon:down montreal:down',
    expect: 'maintenance',
  },
  {
    name: 'a quorum of one: a single location down is down',
    locations: THREE,
    own: 'lyon:down',
    others: 'paris:operational montreal:operational',
    quorum: 1,
    expect: 'down',
  },
];

describe('verdictWith', () => {
  it.each(CASES)('$name', (c) => {
    const [location = '', state = ''] = c.own.split(':');
    const own = { ...tracking('svc', state as ServiceState, 0), location };
    const detection = { failuresBeforeDown: 3, successesBeforeUp: 2, ...(c.quorum === undefined ? {} : { quorum: c.quorum }) };
    expect(verdictWith(service('svc', 'tax', { detection }), own, others(c.others), c.locations, NOW)).toBe(c.expect);
  });

  it('ignores other services', () => {
    const known = others('paris:down lyon:down');
    const elsewhere = { ...known, trackings: known.trackings.map((t) => ({ ...t, serviceId: 'other' })) };
    const own = { ...tracking('svc', 'operational', 0), location: 'montreal' };
    expect(verdictWith(service('svc'), own, elsewhere, THREE, NOW)).toBe('operational');
  });
});
