import { describe, expect, it } from 'vitest';
import type { TimelineRows } from '../../src/domain/timeline-records.ts';
import { timelineCsv, timelineJson } from '../../src/opendata/timeline-documents.ts';
import { parseTimelineQuery } from '../../src/opendata/timeline-query.ts';
import { withTimelineWords } from '../../src/opendata/timeline-words.ts';
import { outageTitle } from '../../src/i18n/probe-words.ts';
import { outageSeen } from '../support/records.ts';

const NOW = new Date('2026-03-11T12:00:00Z');
const query = (text: string) => parseTimelineQuery(new URLSearchParams(text), NOW);

describe('timeline query', () => {
  it('reads from and to with their offset, to the minute; to defaults to now', () => {
    expect(query('from=2026-03-11T09:00:59Z&to=2026-03-11T10:30%2B01:00')).toEqual({
      from: new Date('2026-03-11T09:00:00Z'),
      to: new Date('2026-03-11T09:30:00Z'),
    });
    expect(query('from=2026-03-11T09:00Z')).toEqual({ from: new Date('2026-03-11T09:00:00Z'), to: NOW });
  });

  it.each([
    ['', 'from: is required (an ISO 8601 date and time, such as 2026-03-11T09:00Z)'],
    ['from=yesterday', 'from: must be an ISO 8601 date and time with its offset'],
    ['from=2026-03-11T09:00', 'from: must be an ISO 8601 date and time with its offset'],
    ['from=2026-03-11T09:00Z&to=2026-03-11T08:00Z', 'to: must be after "from"'],
    ['from=2026-03-11T09:00Z&format=xml', 'format: unknown parameter: only "from" and "to" are read'],
    ['from=2026-03-11T09:00Z&from=2026-03-11T10:00Z', 'from: given twice: give it once'],
    ['from=2026-01-01T00:00Z', 'to: at most 31 days after "from"'],
    ['from=2026-03-12T00:00Z', 'from: must be before now (or before "to")'],
  ])('refuses %j, saying why', (text, message) => {
    const parsed = query(text);
    expect('problems' in parsed && parsed.problems.join('\n')).toContain(message);
  });
});

const rows: TimelineRows = {
  stateChanges: [
    { serviceId: 'impots', location: 'paris', at: new Date('2026-03-11T09:02:31Z'), from: 'operational', to: 'down' },
    { serviceId: 'caf', location: 'lyon', at: new Date('2026-03-11T09:01:05Z'), from: 'operational', to: 'degraded' },
  ],
  updates: [
    {
      incidentId: 'inc1',
      updateId: 'u1',
      incidentKind: 'staff',
      title: { fr: 'Attaque, "vague"', en: null },
      at: new Date('2026-03-11T09:02:00Z'),
      status: 'investigating',
      body: { fr: '=HYPERLINK("x")\nsuite', en: 'We are on it.' },
      byProbe: false,
      words: {
        serviceId: null,
        incidentStartedAt: new Date('2026-03-11T09:02:00Z'),
        takenOver: false,
        observed: null,
        opening: null,
        reason: null,
      },
    },
  ],
  staffActions: [{ at: new Date('2026-03-11T09:02:10Z'), action: 'incident.created', target: 'inc1' }],
};

describe('timeline documents', () => {
  it('lists every event oldest first at the minute, state changes before notices within one minute', () => {
    const csv = timelineCsv(rows);
    expect(csv.split('\r\n')[0]).toBe(
      'time,event,service,location,from,to,incident,status,by,title_fr,title_en,text_fr,text_en,action,target',
    );
    expect(csv).toContain('2026-03-11T09:01Z,state_change,caf,lyon,operational,degraded,,,,,,,,,\r\n');
    const lines = csv.split('\r\n');
    expect(lines[2]).toMatch(
      /^2026-03-11T09:02Z,incident_update,,,,,inc1,investigating,staff,"Attaque, ""vague""",,"'=HYPERLINK\(""x""\)\nsuite",We are on it\.,,$/,
    );
    expect(lines[3]).toBe('2026-03-11T09:02Z,staff_action,,,,,,,,,,,,incident.created,inc1');
    expect(lines[4]).toBe('2026-03-11T09:02Z,state_change,impots,paris,operational,down,,,,,,,,,');
  });

  it('gives the same bytes for the same rows, in any order of the same instant kinds', () => {
    const range = { from: new Date('2026-03-11T09:00:00Z'), to: new Date('2026-03-11T10:00:00Z') };
    expect(timelineCsv(rows)).toBe(timelineCsv(structuredClone(rows)));
    expect(timelineJson(rows, range)).toBe(timelineJson(structuredClone(rows), range));
    const json = JSON.parse(timelineJson(rows, range)) as { from: string; events: { event: string }[] };
    expect(json.from).toBe('2026-03-11T09:00Z');
    expect(json.events.map((e) => e.event)).toEqual(['state_change', 'incident_update', 'staff_action', 'state_change']);
  });
});

describe('timeline words', () => {
  it('words an automatic incident as every page does, from what the probes saw', () => {
    const seen = outageSeen('impots.gouv.fr');
    const auto: TimelineRows = {
      stateChanges: [],
      staffActions: [],
      updates: [
        {
          ...rows.updates[0]!,
          incidentKind: 'auto',
          title: { fr: '', en: null },
          body: { fr: '', en: null },
          byProbe: true,
          words: {
            ...rows.updates[0]!.words,
            serviceId: 'impots',
            observed: { type: 'outage', ...seen },
            opening: { type: 'outage', ...seen },
          },
        },
      ],
    };
    const [update] = withTimelineWords(auto, new Map([['impots', { fr: 'impots.gouv.fr', en: 'impots.gouv.fr' }]])).updates;
    expect(update?.title).toEqual(outageTitle(seen, { fr: 'impots.gouv.fr', en: 'impots.gouv.fr' }));
    expect(update?.body.fr).toContain('impots.gouv.fr');
    expect(timelineCsv({ ...auto, updates: [update!] })).toContain('Nos sondes');
  });
});
