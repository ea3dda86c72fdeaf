import { describe, expect, it } from 'vitest';
import { eventsFor } from '../../src/notify/recipients.ts';
import { down, event, incident } from './events.ts';

const caf = down('caf', 0, 'caf');
const msa = down('msa', 0, 'msa');
const general = incident('incident_published', [], 0, 'x', 'general');
const both = incident('incident_updated', ['msa', 'urssaf'], 0, 'x', 'both');
const works = event(
  { kind: 'maintenance_scheduled', maintenanceId: 'm', title: { fr: 't', en: 't' }, serviceIds: ['urssaf'], startsAt: '', endsAt: '' },
  0,
  'works',
);
const all = [caf, msa, general, both, works];

describe('eventsFor: who is told what', () => {
  it.each([
    { name: 'every-service subscribers get everything', services: null, expected: ['caf', 'msa', 'general', 'both', 'works'] },
    { name: 'one service: its events and notices about no service in particular', services: ['caf'], expected: ['caf', 'general'] },
    { name: 'an incident touching one of several chosen services', services: ['urssaf'], expected: ['general', 'both', 'works'] },
    { name: 'a service with no event: only general notices', services: ['impots'], expected: ['general'] },
    { name: 'no service chosen', services: [], expected: ['general'] },
  ])('$name', ({ services, expected }) => {
    expect(eventsFor(services, all).map((e) => e.id)).toEqual(expected);
  });
});
