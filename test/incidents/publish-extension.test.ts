import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { resolveCatalogue } from '../../src/config/services-schema.ts';
import { publishExtension } from '../../src/incidents/publish-extension.ts';
import type { IncidentContext } from '../../src/incidents/service-context.ts';
import type { Store } from '../../src/store/store.ts';
import { tempStore } from '../admin/support/temp-store.ts';

/** Staff publish an extension in one action: the new date is kept, and the news goes out as an incident update. */
const NOW = new Date('2026-05-20T10:00:00Z');
const catalogue = resolveCatalogue({
  categories: [{ id: 'tax', name: { fr: 'Impôts', en: 'Tax' } }],
  services: [
    {
      id: 'impots',
      name: 'impots.gouv.fr',
      category: 'tax',
      url: 'https://www.impots.gouv.fr/',
      deadlines: [{ id: 'zone-1', name: { fr: 'déclaration, zone 1', en: 'tax return, zone 1' }, at: '2026-05-22T23:59:00+02:00' }],
    },
  ],
});
const VALID = { serviceId: 'impots', deadlineId: 'zone-1', date: '2026-05-24', time: '23:59', url: 'https://www.impots.gouv.fr/report' };

describe('publishing a deadline extension', () => {
  let store: Store;
  let dispose: () => Promise<void>;
  let ctx: IncidentContext;

  beforeEach(async () => {
    ({ store, dispose } = await tempStore());
    ctx = { store, catalogue, clock: () => NOW, actor: { email: 'agent@example.gouv.fr', ip: '198.51.100.7' } };
  });
  afterEach(() => dispose());

  it.each([
    [{ ...VALID, deadlineId: 'zone-9' }, { _form: 'not_found' }],
    [{ ...VALID, date: '2026-05-21' }, { date: 'not_later' }],
    [{ ...VALID, date: '2026-02-30' }, { date: 'invalid_time' }],
    [{ ...VALID, url: 'javascript:alert(1)' }, { url: 'invalid' }],
    [{ ...VALID, noteFr: 'Précision' }, { noteEn: 'required_en' }],
  ])('refuses %j', async (input, errors) => {
    expect(await publishExtension({ ctx, input })).toEqual({ ok: false, errors });
    expect(await store.listDeadlineExtensions()).toEqual([]);
  });

  it('adds the news to the open incident about the service, keeps the date, and audits it', async () => {
    const open = await store.createIncident({
      title: { fr: 'Panne', en: 'Outage' },
      status: 'identified',
      affected: [{ serviceId: 'impots', impact: 'major' }],
      body: { fr: 'Le site ne répond pas.', en: 'The site does not answer.' },
      author: 'agent@example.gouv.fr',
      at: new Date(NOW.getTime() - 3_600_000),
    });
    const result = await publishExtension({ ctx, input: { ...VALID, noteFr: 'Aussi par papier.', noteEn: 'Also on paper.' } });
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    expect(result.value.id).toBe(open.id);
    expect(result.value.status).toBe('identified');
    const news = result.value.updates.at(-1)?.body;
    expect(news?.fr).toBe(
      'La date limite «\u00a0déclaration, zone 1\u00a0» est reportée au 24\u00a0mai\u00a02026 à 23\u00a0h\u00a059 (heure de Paris), au lieu du 22\u00a0mai à 23\u00a0h\u00a059. [Annonce officielle](https://www.impots.gouv.fr/report)\n\nAussi par papier.',
    );
    expect(news?.en).toContain('is extended to 24\u00a0May\u00a02026 at 23:59 (Paris time), instead of 22\u00a0May at 23:59');
    expect(await store.listDeadlineExtensions()).toEqual([
      {
        serviceId: 'impots',
        deadlineId: 'zone-1',
        at: new Date('2026-05-24T21:59:00Z'),
        url: VALID.url,
        author: 'agent@example.gouv.fr',
        publishedAt: NOW,
      },
    ]);
    const [entry] = (await store.listAudit({ limit: 1 })).items;
    expect(entry).toMatchObject({ action: 'deadline.extended', target: 'impots/zone-1', actor: 'agent@example.gouv.fr' });
  });

  it('with no open incident, publishes a closed notice that leaves the service’s state alone; a later extension replaces the first', async () => {
    const first = await publishExtension({ ctx, input: VALID });
    const second = await publishExtension({ ctx, input: { ...VALID, date: '2026-05-26' } });
    if (!first.ok || !second.ok) throw new Error('not published');
    expect(first.value).toMatchObject({ status: 'resolved', title: { fr: 'Date limite reportée\u00a0: déclaration, zone 1' } });
    expect((await store.listDeadlineExtensions()).map((e) => e.at.toISOString())).toEqual(['2026-05-26T21:59:00.000Z']);
  });
});
