import { describe, expect, it } from 'vitest';
import type { Alternative } from '../../src/domain/guidance.ts';
import { parseOpeningRange } from '../../src/domain/service-hours.ts';
import { messageItems } from '../../src/notify/message-items.ts';
import { renderDigest } from '../../src/notify/render-message.ts';
import { webhookBody } from '../../src/notify/webhook-payload.ts';
import { down, up } from './events.ts';

/** An outage message and webhook say what to do instead, each way open or closed when the message is written. */
const office = [parseOpeningRange('08:30-19:00')].filter((r) => r !== null);
const PHONE: Alternative = {
  kind: 'phone',
  label: { fr: 'Numéro des impôts', en: 'Tax helpline' },
  number: '0 809 401 401',
  hours: { weekly: { mon: office, tue: office, wed: office, thu: office, fri: office, sat: [], sun: [] }, exceptions: {} },
};
const COUNTER: Alternative = {
  kind: 'place',
  label: { fr: 'France services', en: 'France services' },
  url: 'https://x.example.fr/',
  hours: null,
};
const names = new Map([['impots', { fr: 'impots.gouv.fr', en: 'impots.gouv.fr' }]]);
// T0 of the events is a Tuesday at 11 h Paris.
const instead = { alternatives: (id: string) => (id === 'impots' ? [PHONE, COUNTER] : []), now: new Date('2026-03-10T10:00:00Z') };

describe('what to do instead, in outage messages and webhooks', () => {
  it.each([
    [
      'fr',
      [
        'Que faire en attendant\u00a0?',
        'Par téléphone\u00a0: 0 809 401 401, ouvert jusqu’à 19\u00a0h',
        'Sur place\u00a0: France services (https://x.example.fr/)',
      ],
    ],
    [
      'en',
      ['What you can do meanwhile', 'By phone: 0 809 401 401, open until 19:00', 'In person: France services (https://x.example.fr/)'],
    ],
  ] as const)('lists the other ways in the %s outage email, not in the recovery one', (locale, lines) => {
    const [outage, recovery] = messageItems([down('impots', 0), up('impots', 600)], locale, names, instead);
    expect(outage?.paragraphs.map((p) => p.text)).toEqual(lines);
    expect(recovery?.paragraphs).toEqual([]);
    expect(renderDigest(outage ? [outage] : [], locale, 'https://vigie.example.fr').text).toContain(lines[1]);
  });

  it('gives a webhook receiver the facts, open or not at sending time', () => {
    const body = JSON.parse(webhookBody(down('impots', 0, 'e1'), instead));
    expect(body.type).toBe('outage.confirmed');
    expect(body.data.alternatives).toEqual([
      { kind: 'phone', label: PHONE.label, number: '0 809 401 401', openNow: true, openUntil: '2026-03-10T18:00:00.000Z' },
      { kind: 'place', label: COUNTER.label, url: 'https://x.example.fr/', openNow: null },
    ]);
    expect(JSON.parse(webhookBody(up('impots', 600, 'e2'), instead)).data.alternatives).toBeUndefined();
  });
});
