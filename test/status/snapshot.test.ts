import { describe, expect, it } from 'vitest';
import { buildSnapshot, type SnapshotInput } from '../../src/status/snapshot.ts';
import { NOW, catalogue, heartbeat, incident, maintenance, service, tracking } from './fixtures.ts';

const HOUR = 3_600_000;

function snapshot(overrides: Partial<SnapshotInput> = {}) {
  return buildSnapshot({
    catalogue: catalogue([service('a'), service('b'), service('c', 'social')]),
    trackings: [tracking('a', 'operational', 30), tracking('b', 'operational', 30), tracking('c', 'operational', 30)],
    heartbeats: [heartbeat(20)],
    openIncidents: [],
    maintenances: [],
    dataVersion: 7,
    now: NOW,
    ...overrides,
  });
}

const stateOf = (s: ReturnType<typeof snapshot>, id: string) => s.services.find((v) => v.id === id);

describe('buildSnapshot', () => {
  it('shows the probe state when data is fresh and the probe is healthy', () => {
    const s = snapshot();
    expect(s.services.map((v) => [v.id, v.state, v.unknownReason])).toEqual([
      ['a', 'operational', null],
      ['b', 'operational', null],
      ['c', 'operational', null],
    ]);
    expect(s.overall).toMatchObject({ indicator: 'none', monitoringInterrupted: false });
    expect(s.dataVersion).toBe(7);
    expect(s.lastProbeAt).toEqual(new Date(NOW.getTime() - 20_000));
  });

  it('names the unreachable store as the reason once the last rows read from it are too old', () => {
    const since = new Date(NOW.getTime() - 10 * 60_000);
    const s = snapshot({
      trackings: [tracking('a', 'operational', 30), tracking('b', 'operational', 400), tracking('c', 'down', 30)],
      storeUnreachableSince: since,
    });
    expect(s.services.map((v) => [v.id, v.state, v.unknownReason])).toEqual([
      ['a', 'operational', null],
      ['b', 'unknown', 'store_unreachable'],
      ['c', 'down', null],
    ]);
    expect(s.storeUnreachableSince).toEqual(since);
    const silent = snapshot({ heartbeats: [heartbeat(600)], storeUnreachableSince: since });
    expect(silent.services.every((v) => v.unknownReason === 'store_unreachable')).toBe(true);
    expect(snapshot().storeUnreachableSince).toBeNull();
  });

  it('never shows a service that was never checked as operational', () => {
    const s = snapshot({ trackings: [tracking('a', 'operational', 30)] });
    expect(stateOf(s, 'b')).toMatchObject({ state: 'unknown', unknownReason: 'no_data', since: null });
    expect(s.overall.indicator).toBe('minor');
  });

  it('turns data older than three intervals into unknown (stale), since the last check', () => {
    const s = snapshot({
      catalogue: catalogue([service('a'), service('slow', 'tax', { interval: 300 })]),
      trackings: [tracking('a', 'operational', 181), tracking('slow', 'operational', 899)],
    });
    expect(stateOf(s, 'a')).toMatchObject({ state: 'unknown', unknownReason: 'stale', since: new Date(NOW.getTime() - 181_000) });
    expect(stateOf(s, 'slow')).toMatchObject({ state: 'operational', unknownReason: null });
  });

  it('says the probe is offline when its canaries fail, and monitoring is interrupted', () => {
    const s = snapshot({ heartbeats: [heartbeat(10, false)] });
    expect(s.probeOffline).toBe(true);
    expect(s.services.every((v) => v.state === 'unknown' && v.unknownReason === 'probe_offline')).toBe(true);
    expect(s.overall).toMatchObject({ indicator: 'minor', monitoringInterrupted: true });
  });

  it('says the probe is offline when no heartbeat came in the last three minutes', () => {
    expect(snapshot({ heartbeats: [heartbeat(181)] }).probeOffline).toBe(true);
    expect(snapshot({ heartbeats: [] }).probeOffline).toBe(true);
    expect(snapshot({ heartbeats: [heartbeat(179)] }).probeOffline).toBe(false);
  });

  it('trusts any location that is fresh and healthy when several report', () => {
    const s = snapshot({ heartbeats: [heartbeat(5, false), { ...heartbeat(30), location: 'lyon' }] });
    expect(s.probeOffline).toBe(false);
  });

  it('shows maintenance during an active window, whatever the probe saw', () => {
    const window = maintenance('m1', ['a'], new Date(NOW.getTime() - HOUR), new Date(NOW.getTime() + HOUR));
    const s = snapshot({
      trackings: [tracking('a', 'down', 30), tracking('b', 'operational', 30), tracking('c', 'operational', 30)],
      maintenances: [window],
    });
    expect(stateOf(s, 'a')).toMatchObject({ state: 'maintenance', since: window.startsAt, maintenanceIds: ['m1'] });
    expect(s.activeMaintenances.map((m) => m.id)).toEqual(['m1']);
    expect(s.overall.indicator).toBe('none');
  });

  it('separates active and upcoming maintenance and ignores cancelled or finished windows', () => {
    const at = (h: number) => new Date(NOW.getTime() + h * HOUR);
    const s = snapshot({
      maintenances: [
        maintenance('later', ['b'], at(5), at(6)),
        maintenance('soon', ['a'], at(1), at(2)),
        maintenance('cancelled', ['a'], at(-1), at(1), { cancelledAt: at(-2) }),
        maintenance('over', ['a'], at(-3), at(-2)),
      ],
    });
    expect(s.upcomingMaintenances.map((m) => m.id)).toEqual(['soon', 'later']);
    expect(s.activeMaintenances).toEqual([]);
    expect(stateOf(s, 'a')?.state).toBe('operational');
  });

  it('maps the overall indicator once: degraded minor, any down major, a third down critical', () => {
    const with4 = catalogue([service('a'), service('b'), service('c'), service('d')]);
    const states = (list: ('operational' | 'degraded' | 'down')[]) =>
      snapshot({ catalogue: with4, trackings: list.map((st, i) => tracking('abcd'[i]!, st, 30)) }).overall.indicator;
    expect(states(['operational', 'operational', 'operational', 'operational'])).toBe('none');
    expect(states(['degraded', 'operational', 'operational', 'operational'])).toBe('minor');
    expect(states(['down', 'operational', 'operational', 'operational'])).toBe('major');
    expect(states(['down', 'down', 'operational', 'operational'])).toBe('critical');
  });

  it('lets an open incident raise the indicator and lists it on the services it affects', () => {
    const open = incident('i1', { affected: [{ serviceId: 'b', impact: 'partial' }] });
    const s = snapshot({ openIncidents: [open] });
    expect(s.overall.indicator).toBe('minor');
    expect(stateOf(s, 'b')).toMatchObject({ state: 'partial', declaredByStaff: true });
    expect(stateOf(s, 'b')?.incidentIds).toEqual(['i1']);
    expect(stateOf(s, 'a')?.incidentIds).toEqual([]);
  });

  it('keeps categories and services in catalogue order', () => {
    const s = snapshot({ catalogue: catalogue([service('z', 'social'), service('a'), service('m', 'social')]), trackings: [] });
    expect(s.categories.map((c) => [c.id, c.services.map((v) => v.id)])).toEqual([
      ['social', ['z', 'm']],
      ['tax', ['a']],
    ]);
  });

  it('publishes what staff declared when worse than the probe, and the probe when it sees worse', () => {
    const declared = incident('i1', {
      affected: [
        { serviceId: 'a', impact: 'major' },
        { serviceId: 'b', impact: 'degraded' },
      ],
    });
    const s = snapshot({
      trackings: [tracking('a', 'operational', 30), tracking('b', 'down', 30), tracking('c', 'operational', 30)],
      openIncidents: [declared],
    });
    expect(stateOf(s, 'a')).toMatchObject({ state: 'down', declaredByStaff: true, since: declared.startedAt });
    expect(stateOf(s, 'b')).toMatchObject({ state: 'down', declaredByStaff: false });
    expect(s.overall.counts).toMatchObject({ down: 2, operational: 1 });
  });

  it('does not take an automatic incident nobody took over for a staff declaration', () => {
    const auto = incident('i1', { kind: 'auto', serviceId: 'a', affected: [{ serviceId: 'a', impact: 'major' }] });
    const stale = snapshot({ trackings: [tracking('a', 'down', 3600)], openIncidents: [auto] });
    expect(stateOf(stale, 'a')).toMatchObject({ state: 'unknown', unknownReason: 'stale', declaredByStaff: false });
    const takenOver = snapshot({ trackings: [tracking('a', 'down', 3600)], openIncidents: [{ ...auto, takenOverBy: 'staff@example.fr' }] });
    expect(stateOf(takenOver, 'a')).toMatchObject({ state: 'down', declaredByStaff: true });
  });

  it('shows a service outside its opening hours as closed, with the next opening', () => {
    const weekdays = { from: 8 * 60, to: 20 * 60 };
    const hours = {
      weekly: { mon: [weekdays], tue: [weekdays], wed: [weekdays], thu: [weekdays], fri: [weekdays], sat: [], sun: [] },
      exceptions: {},
    };
    // NOW is Tuesday 24 November 2026, 22:00 in Paris.
    const s = snapshot({
      catalogue: catalogue([service('a', 'tax', { hours }), service('b')]),
      trackings: [tracking('b', 'operational', 30)],
    });
    expect(stateOf(s, 'a')).toMatchObject({ state: 'closed', opensAt: new Date('2026-11-25T07:00:00Z'), watched: false });
    expect(s.overall).toMatchObject({ indicator: 'none', monitoringInterrupted: false });
  });

  it('says unknown without a fresh reason when the probe itself could not judge', () => {
    const blocked = { ...tracking('a', 'unknown', 30), lastOutcome: 'blocked' as const };
    expect(stateOf(snapshot({ trackings: [blocked] }), 'a')).toMatchObject({ state: 'unknown', unknownReason: 'not_checkable' });
  });
});

describe('buildSnapshot with catalogue locations', () => {
  const locations = [
    { id: 'paris', name: { fr: 'Paris', en: 'Paris' }, country: 'FR' },
    { id: 'lyon', name: { fr: 'Lyon', en: 'Lyon' }, country: 'FR' },
    { id: 'montreal', name: { fr: 'Montréal', en: 'Montreal' }, country: 'CA' },
  ];
  const at = (location: string, state: Parameters<typeof tracking>[1], secondsAgo = 30) => ({
    ...tracking('a', state, secondsAgo),
    location,
  });
  const located = (trackings: ReturnType<typeof at>[], heartbeats = locations.map((l) => ({ ...heartbeat(20), location: l.id }))) =>
    buildSnapshot({
      catalogue: { ...catalogue([service('a')]), locations },
      trackings,
      heartbeats,
      openIncidents: [],
      maintenances: [],
      dataVersion: 1,
      now: NOW,
    });

  it('publishes the quorum verdict and counts regional trouble apart', () => {
    const fenced = located([at('paris', 'operational'), at('lyon', 'operational'), at('montreal', 'down')]);
    expect(fenced.services[0]).toMatchObject({ state: 'degraded', regional: { reason: 'abroad_only', locations: ['montreal'] } });
    expect(fenced.overall).toMatchObject({ regional: 1, indicator: 'minor' });
    const down = located([at('paris', 'down'), at('lyon', 'down'), at('montreal', 'operational')]);
    expect(down.services[0]).toMatchObject({ state: 'down', regional: null });
    expect(down.overall.regional).toBe(0);
  });

  it('shows each location, whether it votes and why not', () => {
    const heartbeats = [
      { ...heartbeat(20), location: 'paris' },
      { ...heartbeat(20, false), location: 'lyon' },
      { ...heartbeat(20), location: 'montreal' },
    ];
    const s = located([at('paris', 'operational'), at('lyon', 'down'), at('montreal', 'operational', 600)], heartbeats);
    expect(s.services[0]!.locations.map((l) => [l.location, l.ownState, l.silentReason])).toEqual([
      ['paris', 'operational', null],
      ['lyon', 'down', 'probe_offline'],
      ['montreal', 'operational', 'stale'],
    ]);
    expect(s.services[0]).toMatchObject({ state: 'operational', regional: null });
  });

  it('says unknown when no location votes', () => {
    const s = located([at('paris', 'operational', 600), at('lyon', 'operational', 600)]);
    expect(s.services[0]).toMatchObject({ state: 'unknown', unknownReason: 'stale' });
  });
});
