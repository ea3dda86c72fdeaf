import { describe, expect, it } from 'vitest';
import type { ServiceState } from '../../src/domain/vocabulary.ts';
import { quorumVerdict, type LocationVote, type QuorumVerdict } from '../../src/status/quorum.ts';

/** `paris`, `lyon` and `marseille` are in France; `montreal` and `singapour` abroad. */
const ABROAD = new Set(['montreal', 'singapour']);

/** `paris:down`, `lyon:operational!` (`!` = not voting: self-check failed or heartbeat stale). */
function votes(spec: string): LocationVote[] {
  return spec
    .split(' ')
    .filter(Boolean)
    .map((item) => {
      const [location = '', rest = ''] = item.split(':');
      return { location, abroad: ABROAD.has(location), state: rest.replace('!', '') as ServiceState, voting: !rest.endsWith('!') };
    });
}

interface Case {
  name: string;
  votes: string;
  quorum?: number;
  expect: Pick<QuorumVerdict, 'state' | 'regional'> & Partial<QuorumVerdict>;
}

const CASES: Case[] = [
  {
    name: 'one location, as without locations: its state is the verdict',
    votes: 'local:down',
    expect: { state: 'down', regional: null, downAt: ['local'] },
  },
  { name: 'one location up', votes: 'local:operational', expect: { state: 'operational', regional: null } },
  {
    name: 'three down everywhere',
    votes: 'paris:down lyon:down montreal:down',
    expect: { state: 'down', regional: null, downAt: ['paris', 'lyon', 'montreal'] },
  },
  {
    name: 'strict majority of three is two',
    votes: 'paris:down lyon:down montreal:operational',
    expect: { state: 'down', regional: null, downAt: ['paris', 'lyon'] },
  },
  {
    name: 'half of four is not a majority',
    votes: 'paris:down lyon:down marseille:operational montreal:operational',
    expect: { state: 'degraded', regional: { reason: 'unreachable_from', locations: ['paris', 'lyon'] } },
  },
  {
    name: 'a minority failing in France: unreachable from there',
    votes: 'paris:down lyon:operational montreal:operational',
    expect: { state: 'degraded', regional: { reason: 'unreachable_from', locations: ['paris'] } },
  },
  {
    name: 'only abroad fails while France succeeds: geo-fence, not an outage',
    votes: 'paris:operational lyon:operational montreal:down',
    expect: { state: 'degraded', regional: { reason: 'abroad_only', locations: ['montreal'] } },
  },
  {
    name: 'abroad is a majority but France succeeds: still not down under a quorum of three',
    votes: 'paris:operational montreal:down singapour:down',
    quorum: 3,
    expect: { state: 'degraded', regional: { reason: 'abroad_only', locations: ['montreal', 'singapour'] } },
  },
  {
    name: 'an explicit quorum of one: any voter confirming down is enough',
    votes: 'paris:down lyon:operational montreal:operational',
    quorum: 1,
    expect: { state: 'down', regional: null, downAt: ['paris'] },
  },
  {
    name: 'a quorum larger than the voters left can never be met',
    votes: 'paris:down lyon:down! montreal:down!',
    quorum: 2,
    expect: { state: 'degraded', regional: { reason: 'unreachable_from', locations: ['paris'] }, notVoting: ['lyon', 'montreal'] },
  },
  {
    name: 'a location that does not trust its network does not vote',
    votes: 'paris:down! lyon:operational montreal:operational',
    expect: { state: 'operational', regional: null, voters: ['lyon', 'montreal'], notVoting: ['paris'] },
  },
  {
    name: 'only inconclusive outcomes (no fresh state) do not push towards down',
    votes: 'paris:unknown lyon:unknown montreal:down',
    expect: { state: 'down', regional: null, voters: ['montreal'], notVoting: ['paris', 'lyon'] },
  },
  {
    name: 'inconclusive locations next to answering ones: the answers decide',
    votes: 'paris:unknown lyon:operational montreal:down',
    expect: { state: 'degraded', regional: { reason: 'unreachable_from', locations: ['montreal'] } },
  },
  {
    name: 'nobody votes: unknown',
    votes: 'paris:down! lyon:unknown montreal:operational!',
    expect: { state: 'unknown', regional: null, voters: [] },
  },
  { name: 'no location at all: unknown', votes: '', expect: { state: 'unknown', regional: null } },
  {
    name: 'slow somewhere, answering everywhere: degraded without a region',
    votes: 'paris:degraded lyon:operational',
    expect: { state: 'degraded', regional: null },
  },
  { name: 'maintenance wins over answers', votes: 'paris:maintenance lyon:operational', expect: { state: 'maintenance', regional: null } },
];

describe('quorumVerdict', () => {
  it.each(CASES)('$name', ({ votes: spec, quorum, expect: expected }) => {
    expect(quorumVerdict(votes(spec), quorum)).toMatchObject(expected);
  });
});
