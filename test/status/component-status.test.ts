import { describe, expect, it } from 'vitest';
import { componentStatus } from '../../src/status/component-status.ts';
import { buildSnapshot } from '../../src/status/snapshot.ts';
import type { ServiceState } from '../../src/domain/vocabulary.ts';
import { NOW, catalogue, heartbeat, incident, service, tracking } from './fixtures.ts';

function view(state: ServiceState) {
  const snapshot = buildSnapshot({
    catalogue: catalogue([service('a')]),
    trackings: state === 'unknown' ? [] : [tracking('a', state, 10)],
    heartbeats: [heartbeat(10)],
    openIncidents: [],
    maintenances: [],
    dataVersion: 1,
    now: NOW,
  });
  return state === 'maintenance' ? { ...snapshot.services[0]!, state } : snapshot.services[0]!;
}

describe('componentStatus', () => {
  it.each([
    ['operational', 'operational'],
    ['degraded', 'degraded_performance'],
    ['down', 'major_outage'],
    ['maintenance', 'under_maintenance'],
  ] as const)('maps %s to %s', (state, expected) => {
    expect(componentStatus(view(state), [])).toEqual({ status: expected, unknownReason: null });
  });

  it('never says operational when the state is unknown, and gives the reason', () => {
    expect(componentStatus(view('unknown'), [])).toEqual({ status: 'degraded_performance', unknownReason: 'no_data' });
  });

  it.each([
    ['degraded', 'degraded_performance'],
    ['partial', 'partial_outage'],
    ['major', 'major_outage'],
  ] as const)('raises an operational service to the impact staff declared (%s)', (impact, expected) => {
    const open = incident('i', { affected: [{ serviceId: 'a', impact }] });
    expect(componentStatus(view('operational'), [open]).status).toBe(expected);
  });

  it('keeps the worse of probe and staff, and ignores incidents on other services', () => {
    const partialHere = incident('i', { affected: [{ serviceId: 'a', impact: 'partial' }] });
    const elsewhere = incident('j', { affected: [{ serviceId: 'b', impact: 'major' }] });
    expect(componentStatus(view('down'), [partialHere]).status).toBe('major_outage');
    expect(componentStatus(view('operational'), [elsewhere]).status).toBe('operational');
    expect(componentStatus(view('unknown'), [partialHere])).toEqual({ status: 'partial_outage', unknownReason: null });
  });
});
