import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { incidentEntries, maintenanceEntries, newestEntries, type EntryContext } from '../../src/feeds/feed-entries.ts';
import { renderFeed, type ChannelInfo, type FeedKind } from '../../src/feeds/render-feed.ts';
import type { Locale } from '../../src/domain/vocabulary.ts';
import { t } from '../../src/i18n/index.ts';
import { escapeHtml } from '../../src/addresses/escape.ts';
import type { Incident } from '../../src/domain/incident-records.ts';
import { incidentViews } from '../../src/status/incident-view.ts';
import { NOW, incident, maintenance, update } from '../status/fixtures.ts';

const BASE = 'https://vigie.example.fr';
const HOUR = 3_600_000;

function entryContext(locale: Locale): EntryContext {
  return {
    locale,
    words: {
      incidentStatus: t(locale).incidentStatuses,
      maintenanceAnnounced: t(locale).feeds.maintenanceAnnounced,
      maintenanceCancelled: t(locale).feeds.maintenanceCancelled,
      translationPending: t(locale).feeds.translationPending,
      affectedServices: t(locale).feeds.affectedServices,
      // Raw instants, so a test can tell the window passed through (its wording is the formatter's test).
      window: (start, end) => `WINDOW ${start.toISOString()} ${end.toISOString()}`,
      cancelledWindow: (start, end) => `NOT ANY MORE ${start.toISOString()} ${end.toISOString()}`,
      whatNow: t(locale).guidance.alternativesTitle,
    },
    incidentUrl: (id) => `${BASE}/${locale}/incidents/${id}`,
    maintenanceUrl: `${BASE}/${locale}/maintenance`,
    serviceName: (id) => (id === 'impots' ? { text: 'impots.gouv.fr', lang: 'fr' } : null),
    alternatives: (id) => (id === 'impots' ? ['PHONE <0 809 401 401> & co'] : []),
    now: NOW,
  };
}

const views = (list: Incident[], locale: Locale) =>
  incidentViews(list, { locale, names: new Map([['impots', { fr: 'impots.gouv.fr', en: 'impots.gouv.fr' }]]), now: NOW });

function channel(locale: Locale): ChannelInfo {
  return {
    locale,
    title: 'Vigie & co <test>',
    description: 'Incidents',
    pageUrl: `${BASE}/${locale}/`,
    selfUrl: { rss: `${BASE}/${locale}/feed.xml`, atom: `${BASE}/${locale}/feed.atom` },
    publisherName: 'Vigie',
    now: NOW,
  };
}

const resolvedOutage = incident('inc1', {
  title: { fr: 'Panne de impots.gouv.fr <script>alert(1)</script> & co', en: null },
  status: 'resolved',
  affected: [{ serviceId: 'impots', impact: 'major' }],
  updates: [
    update('u1', 'inc1', 'investigating', new Date(NOW.getTime() - 2 * HOUR), {
      fr: 'Le site ne répond pas <script>x()</script> & rien',
      en: null,
    }),
    update('u2', 'inc1', 'resolved', new Date(NOW.getTime() - HOUR), { fr: 'Rétabli.', en: 'Back up.' }),
    update('future', 'inc1', 'resolved', new Date(NOW.getTime() + HOUR), { fr: 'Futur.', en: 'Future.' }),
  ],
});

function feedOf(kind: FeedKind, locale: Locale): string {
  const ctx = entryContext(locale);
  const planned = maintenance('m1', ['impots'], new Date(NOW.getTime() + 24 * HOUR), new Date(NOW.getTime() + 26 * HOUR), {
    createdAt: new Date(NOW.getTime() - 30 * 60_000),
  });
  const entries = newestEntries([...incidentEntries(views([resolvedOutage], locale), ctx), ...maintenanceEntries([planned], ctx)], 50);
  return renderFeed(kind, channel(locale), entries);
}

// htmlEntities: numeric character references (&#x26;) are decoded too, as every XML parser does.
const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@', textNodeName: '#text', htmlEntities: true });
const asArray = <T>(x: T | T[]): T[] => (Array.isArray(x) ? x : [x]);
const RFC822 = /^(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d{2} (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{4} \d{2}:\d{2}:\d{2} GMT$/;
const RFC3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;

describe('CDATA in both formats', () => {
  const hostile = 'A ]]> B ]]><link>https://phishing.example/</link><![CDATA[ C ]]>';
  for (const kind of ['rss', 'atom'] as const) {
    it(`keeps a title with several ]]> as text and adds no element (${kind})`, () => {
      const xml = renderFeed(
        kind,
        channel('en'),
        incidentEntries(views([incident('cdata', { title: { fr: hostile, en: hostile } })], 'en'), entryContext('en')),
      );
      expect(XMLValidator.validate(xml)).toBe(true);
      const parsed = parser.parse(xml);
      const item = kind === 'rss' ? asArray(parsed.rss.channel.item)[0] : asArray(parsed.feed.entry)[0];
      const title = kind === 'rss' ? String(item.title) : String(item.title['#text']);
      expect(title).toContain(kind === 'rss' ? hostile : escapeHtml(hostile));
      expect(JSON.stringify(item.link)).not.toContain('phishing');
    });
  }
});

describe('RSS', () => {
  it('writes item titles as character data with & and < as hexadecimal references, never in CDATA', () => {
    const xml = feedOf('rss', 'fr');
    expect(xml).toContain(
      `<title>[${t('fr').incidentStatuses.resolved}] Panne de impots.gouv.fr &#x3C;script&#x3E;alert(1)&#x3C;/script&#x3E; &#x26; co</title>`,
    );
    expect(xml).not.toMatch(/<item>\s*<title><!\[CDATA\[/);
  });

  for (const locale of ['fr', 'en'] as const) {
    it(`is well-formed with its language, self link and RFC 822 dates (${locale})`, () => {
      const xml = feedOf('rss', locale);
      expect(XMLValidator.validate(xml)).toBe(true);
      const rss = parser.parse(xml).rss;
      expect(rss.channel.language).toBe(locale);
      expect(rss.channel.title).toBe('Vigie & co <test>');
      expect(rss.channel['atom:link']).toMatchObject({ '@rel': 'self', '@href': `${BASE}/${locale}/feed.xml` });
      const items = asArray(rss.channel.item);
      expect(items).toHaveLength(3);
      for (const item of items) {
        expect(item.pubDate).toMatch(RFC822);
        expect(new Date(item.pubDate).getTime()).toBeLessThanOrEqual(NOW.getTime());
        expect(item.link.startsWith(`${BASE}/${locale}/`)).toBe(true);
      }
    });
  }

  it('prefixes each update with its localised status and links to the incident page', () => {
    const items = asArray(parser.parse(feedOf('rss', 'fr')).rss.channel.item);
    const fr = t('fr');
    expect(items.map((i) => i.title)).toEqual([
      `[${fr.feeds.maintenanceAnnounced}] Maintenance m1`,
      `[${fr.incidentStatuses.resolved}] Panne de impots.gouv.fr <script>alert(1)</script> & co`,
      `[${fr.incidentStatuses.investigating}] Panne de impots.gouv.fr <script>alert(1)</script> & co`,
    ]);
    expect(items[1].link).toBe(`${BASE}/fr/incidents/inc1`);
    const english = asArray(parser.parse(feedOf('rss', 'en')).rss.channel.item);
    expect(english[1].title).toBe(`[${t('en').incidentStatuses.resolved}] Panne de impots.gouv.fr <script>alert(1)</script> & co`);
  });

  it('keeps staff text inert: no live script in item HTML, ampersands escaped', () => {
    const items = asArray(parser.parse(feedOf('rss', 'fr')).rss.channel.item);
    const first = items.find((i) => String(i.guid['#text']).endsWith('#update-u1'));
    expect(first.description).not.toContain('<script');
    expect(first.description).toContain('&lt;script&gt;x()&lt;/script&gt; &amp; rien');
    expect(first.description).toContain('impots.gouv.fr');
  });

  it('declares and marks French text shown in the English feed', () => {
    const items = asArray(parser.parse(feedOf('rss', 'en')).rss.channel.item);
    const first = items.find((i) => String(i.guid['#text']).endsWith('#update-u1'));
    expect(first.description).toContain(t('en').feeds.translationPending);
    expect(first.description).toContain('<div lang="fr">');
    expect(first.description).toContain('Affected services: <span lang="fr">impots.gouv.fr</span>');
  });

  it('publishes maintenance when announced, with its window in the text, never a future date', () => {
    const items = asArray(parser.parse(feedOf('rss', 'en')).rss.channel.item);
    const planned = items[0];
    expect(new Date(planned.pubDate)).toEqual(new Date(Math.floor((NOW.getTime() - 30 * 60_000) / 1000) * 1000));
    expect(planned.description).toContain(`WINDOW ${new Date(NOW.getTime() + 24 * HOUR).toISOString()}`);
    expect(planned.link).toBe(`${BASE}/en/maintenance`);
  });

  it('publishes a cancellation with the window it no longer covers, not the notice that announced it', () => {
    const ctx = entryContext('fr');
    const start = new Date(NOW.getTime() + 24 * HOUR);
    const called = maintenance('m2', ['impots'], start, new Date(NOW.getTime() + 26 * HOUR), {
      body: { fr: 'Le site sera indisponible.', en: null },
      createdAt: new Date(NOW.getTime() - 2 * HOUR),
      cancelledAt: new Date(NOW.getTime() - HOUR),
    });
    const [cancelled] = newestEntries(maintenanceEntries([called], ctx), 1);
    expect(cancelled!.title).toMatch(/^\[Maintenance annulée\] /);
    expect(cancelled!.html).toContain(`NOT ANY MORE ${start.toISOString()}`);
    expect(cancelled!.html).toContain('Services touchés');
    expect(cancelled!.html).not.toContain('sera indisponible');
  });

  it('gives every item a stable guid, the same on every render', () => {
    const guids = (xml: string) => asArray(parser.parse(xml).rss.channel.item).map((i) => i.guid['#text']);
    expect(guids(feedOf('rss', 'fr'))).toEqual(guids(feedOf('rss', 'fr')));
    expect(new Set(guids(feedOf('rss', 'fr'))).size).toBe(3);
  });
});

describe('Atom', () => {
  for (const locale of ['fr', 'en'] as const) {
    it(`is well-formed with xml:lang, self link and RFC 3339 dates (${locale})`, () => {
      const xml = feedOf('atom', locale);
      expect(XMLValidator.validate(xml)).toBe(true);
      const feed = parser.parse(xml).feed;
      expect(feed['@xml:lang']).toBe(locale);
      expect(asArray(feed.link)).toContainEqual({ '@rel': 'self', '@href': `${BASE}/${locale}/feed.atom` });
      expect(feed.updated).toMatch(RFC3339);
      for (const entry of asArray(feed.entry)) {
        expect(entry.updated).toMatch(RFC3339);
        expect(entry.id).toMatch(/^https:\/\/vigie\.example\.fr\//);
      }
    });
  }

  it('escapes titles declared as HTML so readers show them as text', () => {
    const entries = asArray(parser.parse(feedOf('atom', 'fr')).feed.entry);
    expect(entries[1].title['@type']).toBe('html');
    expect(entries[1].title['#text']).toBe(
      `[${t('fr').incidentStatuses.resolved}] Panne de impots.gouv.fr &lt;script&gt;alert(1)&lt;/script&gt; &amp; co`,
    );
  });

  it('drops characters XML cannot carry instead of breaking the feed', () => {
    const ctx = entryContext('fr');
    const odd = incident('odd', { title: { fr: 'Bell\u0007 and ]]> end', en: null } });
    const xml = renderFeed('atom', channel('fr'), incidentEntries(views([odd], 'fr'), ctx));
    expect(XMLValidator.validate(xml)).toBe(true);
    expect(asArray(parser.parse(xml).feed.entry)[0].title['#text']).toContain('Bell and ]]&gt; end');
  });
});

describe('what to do instead, in feed items', () => {
  const open = incident('inc2', {
    status: 'identified',
    resolvedAt: null,
    affected: [{ serviceId: 'impots', impact: 'major' }],
    updates: [
      update('o1', 'inc2', 'investigating', new Date(NOW.getTime() - 2 * HOUR), { fr: 'Panne.', en: 'Down.' }),
      update('o2', 'inc2', 'identified', new Date(NOW.getTime() - HOUR), { fr: 'Cause trouvée.', en: 'Cause found.' }),
    ],
  });

  it.each(['fr', 'en'] as const)('go with the newest item of an open incident only, escaped, in %s', (locale) => {
    const entries = incidentEntries(views([open, resolvedOutage], locale), entryContext(locale));
    const html = (id: string) => entries.find((e) => e.id.endsWith(`#update-${id}`))?.html ?? '';
    expect(html('o2')).toContain(`<p>${t(locale).guidance.alternativesTitle}</p><ul><li>PHONE &lt;0 809 401 401&gt; &amp; co</li></ul>`);
    expect(html('o1')).not.toContain('PHONE');
    expect(html('u2')).not.toContain('PHONE');
  });
});
