import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parisDayKey } from '../../src/domain/paris-time.ts';
import { formatDayTime, formatTime } from '../../src/i18n/format.ts';
import { startAdminSite, signIn, type AdminSite } from '../admin/support/admin-site.ts';
import { checkResult, downTracking, outageSeen } from '../support/records.ts';

/**
 * An incident promising its next update in half an hour, and one whose promised time passed with
 * no word: the public page says when, or that it is late; the dashboard flags the late one.
 */
let admin: AdminSite;
let onTime: string;
let late: string;
let automatic: string;
let promised: Date;
let missed: Date;

beforeAll(async () => {
  admin = await startAdminSite();
  const now = Date.now();
  promised = new Date(Math.ceil((now + 30 * 60_000) / 60_000) * 60_000);
  missed = new Date(Math.floor((now - 10 * 60_000) / 60_000) * 60_000);
  const base = { status: 'investigating' as const, author: 'agent@example.gouv.fr', body: { fr: 'Nous cherchons.', en: 'Looking.' } };
  onTime = (
    await admin.store.createIncident({
      ...base,
      title: { fr: 'Lenteurs', en: 'Slowness' },
      affected: [{ serviceId: 'ameli', impact: 'degraded' }],
      at: new Date(now - 60_000),
      nextUpdateAt: promised,
    })
  ).id;
  late = (
    await admin.store.createIncident({
      ...base,
      title: { fr: 'Panne', en: 'Outage' },
      affected: [{ serviceId: 'ameli', impact: 'major' }],
      at: new Date(now - 40 * 60_000),
      nextUpdateAt: missed,
    })
  ).id;
  const seen = new Date(now - 2 * 3_600_000);
  automatic =
    (
      await admin.store.recordCheck({
        result: checkResult({ serviceId: 'caf', location: 'local', startedAt: seen, outcome: 'http_5xx', httpStatus: 503 }),
        tracking: downTracking('caf', seen, seen, { latencyMs: 120 }),
        rollups: [],
        event: { type: 'outage_opened', serviceId: 'caf', startedAt: seen, observed: outageSeen('caf.fr') },
      })
    ).incidentId ?? '';
}, 120_000);

afterAll(async () => {
  await admin?.stop();
});

const text = (html: string) =>
  html
    .replace(/<[^>]+>/g, '')
    .replace(/&#39;/g, "'")
    .replace(/[\s\u00a0\u202f]+/g, ' ');
const when = (date: Date, locale: 'fr' | 'en') =>
  (parisDayKey(date) === parisDayKey(new Date()) ? formatTime(date, locale) : formatDayTime(date, locale)).replace(/\s+/g, ' ');

describe.each(['fr', 'en'] as const)('the next update, in %s', (locale) => {
  it('says when the next update is due, and that a missed one is late', async () => {
    const page = async (id: string) => text(await (await fetch(`${admin.site.url}/${locale}/incidents/${id}`)).text());
    const planned = locale === 'fr' ? 'Prochaine information prévue' : 'Next update by';
    expect(await page(onTime)).toContain(
      `${planned} ${parisDayKey(promised) === parisDayKey(new Date()) ? (locale === 'fr' ? 'à ' : '') : locale === 'fr' ? 'le ' : ''}${when(promised, locale)}`,
    );
    expect(await page(late)).toContain(
      locale === 'fr'
        ? `La prochaine information était prévue à ${when(missed, locale)} : elle a du retard.`
        : `The next update was expected by ${when(missed, locale)}: it is late.`,
    );
    const overview = text(await (await fetch(`${admin.site.url}/${locale}/`)).text());
    expect(overview).toContain(planned);
  });

  it('promises nothing about an outage only the probe has seen', async () => {
    const html = await (await fetch(`${admin.site.url}/${locale}/incidents/${automatic}`)).text();
    expect(html).not.toContain('class="next-update');
  });
});

describe('the dashboard', () => {
  it('flags the incident whose update is late, and only that one', async () => {
    const cookie = await signIn(admin.site, admin.staff[0]!);
    const html = await (await fetch(`${admin.site.url}/admin`, { headers: { cookie } })).text();
    const item = (id: string) => {
      const at = html.indexOf(`/admin/incidents/${id}`);
      return html.slice(at, html.indexOf('</li>', at));
    };
    expect(item(late)).toContain('information en retard');
    expect(item(onTime)).not.toContain('information en retard');
    // Two hours without a word from anyone: staff are told, though the page promises nothing.
    expect(item(automatic)).toContain('information en retard');
  });
});
