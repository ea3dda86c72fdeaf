import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { closuresOf, fold, maintenanceEvent, renderCalendar } from '../../src/feeds/calendar.ts';
import type { Maintenance } from '../../src/domain/incident-records.ts';
import { WEEKDAYS } from '../../src/domain/vocabulary.ts';
import type { ServiceHours } from '../../src/domain/service-hours.ts';

const maintenance = (overrides: Partial<Maintenance> = {}): Maintenance => ({
  id: 'm1',
  title: { fr: 'Mise à jour', en: 'Upgrade' },
  body: { fr: 'Indisponible.', en: null },
  serviceIds: ['impots'],
  startsAt: new Date('2026-03-28T21:00:00Z'),
  endsAt: new Date('2026-03-29T03:00:00Z'),
  createdAt: new Date('2026-03-01T10:00:00Z'),
  updatedAt: new Date('2026-03-01T10:00:00Z'),
  cancelledAt: null,
  author: 'agent@example.gouv.fr',
  ...overrides,
});
const words = {
  summary: 'Maintenance : mise à jour, étape 1; puis 2\\3',
  description: 'Ligne 1\nLigne 2 — « accentuée »',
  url: 'https://statut.example.gouv.fr/fr/maintenance',
  host: 'statut.example.gouv.fr',
};

describe('iCalendar rendering, read back by ical.js', () => {
  it('writes events a real parser reads back whole, cancelled ones as CANCELLED with a newer sequence', () => {
    const text = renderCalendar({
      name: 'Vigie — maintenances',
      events: [
        maintenanceEvent(maintenance(), words),
        maintenanceEvent(maintenance({ id: 'm2', cancelledAt: new Date('2026-03-02T10:00:00Z') }), {
          ...words,
          description: 'x'.repeat(300) + 'é'.repeat(50),
        }),
      ],
    });
    expect(text.split('\r\n').every((line) => Buffer.byteLength(line) <= 75)).toBe(true);
    const calendar = new ICAL.Component(ICAL.parse(text));
    expect(calendar.getFirstPropertyValue('version')).toBe('2.0');
    const events = calendar.getAllSubcomponents('vevent').map((c) => new ICAL.Event(c));
    expect(events.map((e) => e.uid)).toEqual(['maintenance-m1@statut.example.gouv.fr', 'maintenance-m2@statut.example.gouv.fr']);
    expect(events[0]!.summary).toBe(words.summary);
    expect(events[0]!.description).toBe(words.description);
    expect(events[0]!.startDate.toJSDate()).toEqual(new Date('2026-03-28T21:00:00Z'));
    expect(events[0]!.endDate.toJSDate()).toEqual(new Date('2026-03-29T03:00:00Z'));
    expect(events[1]!.component.getFirstPropertyValue('status')).toBe('CANCELLED');
    expect(events[1]!.sequence).toBe(86_400);
    expect(events[1]!.description).toBe('x'.repeat(300) + 'é'.repeat(50));
  });

  it('folds long lines without cutting a character', () => {
    const folded = fold(`DESCRIPTION:${'é'.repeat(60)}`);
    expect(folded.split('\r\n ').join('')).toBe(`DESCRIPTION:${'é'.repeat(60)}`);
  });

  it('turns dated exceptions into closed stretches, in Paris time, the spring clock change included', () => {
    const hours: ServiceHours = {
      weekly: Object.fromEntries(WEEKDAYS.map((d) => [d, [{ from: 0, to: 1440 }]])) as ServiceHours['weekly'],
      exceptions: { '2026-03-29': [{ from: 420, to: 1200 }], '2026-12-25': [], '2025-01-01': [] },
    };
    expect(closuresOf(hours, '2026-01-01').map((c) => [c.day, c.start.toISOString(), c.end.toISOString()])).toEqual([
      ['2026-03-29', '2026-03-28T23:00:00.000Z', '2026-03-29T05:00:00.000Z'],
      ['2026-03-29', '2026-03-29T18:00:00.000Z', '2026-03-29T22:00:00.000Z'],
      ['2026-12-25', '2026-12-24T23:00:00.000Z', '2026-12-25T23:00:00.000Z'],
    ]);
    expect(closuresOf(null, '2026-01-01')).toEqual([]);
  });
});
