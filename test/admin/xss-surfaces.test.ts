import { XMLParser } from 'fast-xml-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { XSS_PAYLOADS } from '../incidents/xss-payloads.ts';
import { unsafeMarkup } from './support/html-safety.ts';
import { postForm, signIn, startAdminSite, type AdminSite } from './support/admin-site.ts';

/**
 * Staff text (titles and messages) and catalogue text (service names) carrying classic XSS
 * payloads, published through the real admin forms, must come out inert on every surface:
 * pages in both languages, the admin itself, both feeds in both languages, and the JSON API.
 */
let admin: AdminSite;
let incidentId = '';
let cookie = '';
const payloads = XSS_PAYLOADS.join('\n\n');

beforeAll(async () => {
  admin = await startAdminSite();
  cookie = await signIn(admin.site, admin.staff[0]!);
  const title = XSS_PAYLOADS.filter((p) => p.length < 60)
    .slice(0, 4)
    .join(' ');
  const created = await postForm(
    admin.site,
    '/admin/incidents/new',
    {
      titleFr: title,
      titleEn: `${title} en`,
      bodyFr: payloads,
      bodyEn: payloads,
      status: 'investigating',
      'impact.ameli': 'major',
      'impact.caf': 'partial',
    },
    { cookie },
  );
  if (created.status !== 303) throw new Error(`create failed (${created.status}):\n${admin.site.output().slice(-3000)}`);
  incidentId = created.headers.get('location')?.split('/').pop() ?? '';
  const updated = await postForm(
    admin.site,
    `/admin/incidents/${incidentId}`,
    { intent: 'update', bodyFr: payloads, bodyEn: '', translationLater: 'on', status: 'identified', 'impact.caf': 'major' },
    { cookie },
  );
  if (updated.status !== 303) throw new Error(`update failed (${updated.status}):\n${admin.site.output().slice(-3000)}`);
});
afterAll(async () => {
  await admin?.stop();
});

async function fetchText(path: string, headers: Record<string, string> = {}): Promise<{ text: string; response: Response }> {
  const response = await fetch(`${admin.site.url}${path}`, { headers });
  expect(response.status, path).toBe(200);
  return { text: await response.text(), response };
}

describe('XSS payloads in titles, messages and service names', () => {
  it.each(['/fr/', '/en/', '/fr/incidents', '/en/incidents', '/fr/services/caf', '/en/services/caf'])(
    'render inert on %s',
    async (path) => {
      const { text } = await fetchText(path);
      expect(unsafeMarkup(text)).toEqual([]);
    },
  );

  it('render inert on both incident pages, with the payload visible as text', async () => {
    for (const lang of ['fr', 'en']) {
      const { text } = await fetchText(`/${lang}/incidents/${incidentId}`);
      expect(unsafeMarkup(text)).toEqual([]);
      expect(text).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    }
  });

  it('render inert in the staff pages', async () => {
    for (const path of ['/admin', `/admin/incidents/${incidentId}`, '/admin/audit', '/admin/maintenance']) {
      const { text } = await fetchText(path, { cookie });
      expect(unsafeMarkup(text), path).toEqual([]);
    }
  });

  it.each(['/fr/feed.xml', '/en/feed.xml', '/fr/services/caf/feed.xml'])('stay text or sanitised HTML in RSS %s', async (path) => {
    const { text, response } = await fetchText(path);
    expect(response.headers.get('content-type')).toMatch(/^application\/rss\+xml/);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    const items = [new XMLParser().parse(text).rss.channel.item].flat();
    expect(items.length).toBeGreaterThan(0);
    for (const item of items) {
      for (const html of [item.description, item['content:encoded']].filter((x): x is string => typeof x === 'string')) {
        expect(unsafeMarkup(html)).toEqual([]);
      }
    }
  });

  it.each(['/fr/feed.atom', '/en/feed.atom'])('stay text or sanitised HTML in Atom %s', async (path) => {
    const { text, response } = await fetchText(path);
    expect(response.headers.get('content-type')).toMatch(/^application\/atom\+xml/);
    const entries = [new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@' }).parse(text).feed.entry].flat();
    for (const entry of entries) {
      for (const field of [entry.content, entry.summary]) {
        const html = typeof field === 'string' ? field : field?.['#text'];
        if (typeof html === 'string') expect(unsafeMarkup(html)).toEqual([]);
      }
    }
  });

  it.each(['/api/v2/summary.json', '/api/v2/incidents.json', '/api/v2/components.json'])(
    'are plain data in %s, served as JSON that browsers will not sniff',
    async (path) => {
      const { text, response } = await fetchText(path);
      expect(response.headers.get('content-type')).toMatch(/^application\/json/);
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
      // The payload is kept as data (what staff typed), for clients to treat as text.
      expect(JSON.stringify(JSON.parse(text))).toContain('alert(1)');
    },
  );
});
