import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSite, type RunningSite } from '../support/site-server.ts';
import { SEEDED_PROBE, seedStory, type SeededStory } from '../support/seed-site.ts';

/** The built site, run as a real process over a seeded SQLite store, read as a visitor would. */
let seeded: SeededStory;
let site: RunningSite;

beforeAll(async () => {
  seeded = await seedStory();
  // Older resolved incidents, enough for a second page of past incidents (20 per page).
  for (let i = 0; i < 21; i++) {
    const startedAt = new Date(Date.now() - (10 + i) * 86_400_000);
    const incident = await seeded.store.createIncident({
      title: { fr: `Ancien incident ${i}`, en: `Old incident ${i}` },
      status: 'investigating',
      affected: [{ serviceId: 'caf', impact: 'major' }],
      body: { fr: 'Panne.', en: 'Outage.' },
      author: 'agent@example.gouv.fr',
      at: startedAt,
      startedAt,
    });
    await seeded.store.addIncidentUpdate(incident.id, {
      status: 'resolved',
      body: { fr: 'Rétabli.', en: 'Restored.' },
      author: 'agent@example.gouv.fr',
      at: new Date(startedAt.getTime() + 3_600_000),
    });
  }
  site = await startSite(seeded.env);
});

afterAll(async () => {
  await site?.stop();
  await seeded?.store.close();
  await seeded?.cleanup();
});

async function get(path: string, headers: Record<string, string> = {}): Promise<{ status: number; html: string; headers: Headers }> {
  const response = await fetch(`${site.url}${path}`, { headers, redirect: 'manual' });
  return { status: response.status, html: await response.text(), headers: response.headers };
}

/** Visible text, tags removed and spaces (including non-breaking ones) collapsed. */
function text(html: string): string {
  return html
    .replace(/<(script|style)[\s\S]*?<\/\1>/g, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&')
    .replace(/[\s\u00a0\u202f]+/g, ' ');
}

const count = (html: string, pattern: RegExp) => (html.match(pattern) ?? []).length;

describe('language choice at /', () => {
  it.each([
    ['en-GB,en;q=0.9', '/en/'],
    ['fr-FR,fr;q=0.9,en;q=0.5', '/fr/'],
    ['de-DE', '/fr/'],
  ])('Accept-Language %s goes to %s, varying on the header', async (header, target) => {
    const response = await get('/', { 'accept-language': header });
    expect(response.status).toBe(302);
    expect(response.headers.get('location')).toBe(target);
    expect(response.headers.get('vary')).toMatch(/Accept-Language/i);
  });

  it('sends visitors without the header to French', async () => {
    expect((await get('/')).headers.get('location')).toBe('/fr/');
  });
});

describe.each(['fr', 'en'] as const)('every page in %s', (locale) => {
  const other = locale === 'fr' ? 'en' : 'fr';

  it('has the language, one h1, landmarks, a skip link and the feeds in its head, every alternate absolute', async () => {
    const { status, html } = await get(`/${locale}/`);
    expect(status).toBe(200);
    expect(html).toMatch(new RegExp(`<html lang="${locale}"`));
    expect(count(html, /<h1[\s>]/g)).toBe(1);
    for (const landmark of ['<header', '<nav', '<main id="main"', '<footer']) expect(html).toContain(landmark);
    expect(html).toMatch(/<a class="skip" href="#main">/);
    for (const feed of ['/fr/feed.xml', '/fr/feed.atom', '/en/feed.xml', '/en/feed.atom']) {
      expect(html).toMatch(new RegExp(`<link rel="alternate" type="application/(rss|atom)\\+xml"[^>]*href="${site.url}${feed}"`));
    }
    const alternates = (await get(`/${locale}/services/impots`)).html.match(/<link rel="alternate"[^>]*>/g) ?? [];
    expect(alternates.length).toBe(9);
    for (const link of alternates) expect(link).toMatch(new RegExp(`href="${site.url}/`));
    expect(html).not.toMatch(/https?:\/\/(fonts|cdn)\./);
  });

  it('links to the same page in the other language, with absolute hreflang alternates', async () => {
    const { html } = await get(`/${locale}/services/impots`);
    expect(html).toContain(`<link rel="alternate" hreflang="fr" href="${site.url}/fr/services/impots">`);
    expect(html).toContain(`<link rel="alternate" hreflang="en" href="${site.url}/en/services/impots">`);
    expect(html).toContain(`<link rel="alternate" hreflang="x-default" href="${site.url}/fr/services/impots">`);
    expect(html).toMatch(new RegExp(`<a class="lang-switch" href="/${other}/services/impots" hreflang="${other}" lang="${other}">`));
  });

  it('states its accessibility conformance honestly in the footer: without an audit, not compliant', async () => {
    const body = text((await get(`/${locale}/`)).html);
    expect(body).toContain(locale === 'fr' ? 'Accessibilité : non conforme' : 'Accessibility: not compliant');
  });
});

describe('progressive enhancement', () => {
  it('loads only one small external script, never an inline one', async () => {
    const { html } = await get('/fr/');
    expect(html.match(/<script[^>]*>/g)).toEqual(['<script src="/refresh.js" defer>']);
    const script = await fetch(`${site.url}/refresh.js`);
    expect(script.status).toBe(200);
    expect((await script.arrayBuffer()).byteLength).toBeLessThan(5 * 1024);
  });

  it('adds no script to pages whose content does not move', async () => {
    expect((await get('/fr/accessibilite')).html).not.toMatch(/<script/);
  });
});

describe('overview', () => {
  it('says in plain words how things are, with incidents first and every service by category', async () => {
    const fr = text((await get('/fr/')).html);
    expect(fr).toContain('2 services en panne ou ralentis 1 en panne, 1 ralenti. Par ailleurs : 1 service à l’état inconnu.');
    // Clock times, never "N s ago": a copy kept by a cache must not go on claiming a fresh check.
    expect(fr).toMatch(/Dernières données reçues le \d+ \S+ \d{4} à \d{1,2} h( \d\d)? \(heure de Paris\)/);
    expect(fr).toMatch(/vérifié à \d{1,2} h( \d\d)?/);
    expect(fr).not.toMatch(/il y a \d+ s/);
    expect(fr.indexOf('ameli.fr : le site affiche une erreur')).toBeLessThan(fr.indexOf('Services surveillés'));
    expect(fr.indexOf('Impôts et finances')).toBeLessThan(fr.indexOf('Social et santé'));
    expect(fr).toMatch(/impots\.gouv\.fr Opérationnel depuis le/);
    expect(fr).toContain('Panne majeure');
    // The story's history began 80 days ago: the figure says so, not "over 90 days".
    expect(fr).toMatch(/Disponibilité depuis le \d+ \S+ \d{4} \(début des mesures\) : 99,9\d %/);

    const en = text((await get('/en/')).html);
    expect(en).toContain('2 services down or degraded 1 down, 1 degraded. Also: 1 service in an unknown state.');
    expect(en).toContain('Tax and finance');
  });

  it('shows what staff declared over stale data, and never-checked services as unknown, never as operational', async () => {
    const fr = text((await get('/fr/')).html);
    expect(fr).toMatch(/Caisse d'allocations familiales Perturbé \(performances dégradées\) État déclaré par nos équipes\./);
    expect(fr).toMatch(/MSA État inconnu Ce service n’a pas encore été vérifié\. Pas encore d’historique/);
    const en = text((await get('/en/')).html);
    expect(en).toMatch(/Family benefits \(CAF\) Degraded performance Status reported by our staff\./);
    expect(en).toMatch(/checked at \d\d:\d\d/);
  });

  it('keeps official French names marked as French on English pages', async () => {
    const { html } = await get('/en/');
    expect(html).toContain('<span lang="fr">impots.gouv.fr</span>');
    expect(html).not.toContain('<span lang="fr">Family benefits (CAF)</span>');
  });

  it('marks the French names quoted in English titles, one by one', async () => {
    const { html } = await get('/en/maintenance');
    expect(html).toContain('<span><span lang="fr">impots.gouv.fr</span> upgrade</span>');
    expect((await get('/fr/maintenance')).html).toContain('<span>Mise à jour de impots.gouv.fr</span>');
  });
});

describe('service page', () => {
  it('gives the state, 90 keyboard-reachable days with their sentence, and the response time as SVG and table', async () => {
    const { status, html } = await get('/en/services/impots');
    expect(status).toBe(200);
    expect(count(html, /<li class="bg-[a-z]+" tabindex="0">/g)).toBe(90);
    expect(text(html)).toMatch(/ \d{4}: 9[67]\.\d+% uptime, 42 min of downtime\./);
    expect(text(html)).toMatch(/ \d{4}: 100% uptime, 0 min of downtime, including 90 min of maintenance\./);
    expect(text(html)).toMatch(/: no data/);
    expect(count(html, /<svg viewBox="0 0 480 220" role="img"/g)).toBe(3);
    expect(count(html, /<table>/g)).toBe(3);
    expect(html).toContain('href="/en/services/impots/feed.xml"');
    expect(html).toContain('Online return unavailable');
  });

  it('writes times the French way in French', async () => {
    const fr = text((await get('/fr/services/impots')).html);
    expect(fr).toMatch(/depuis le \d{1,2}(er)? [a-zéû]+ \d{4} à (1?\d|2[0-3]) h( \d{2})?/);
    expect(fr).not.toMatch(/ à 0\d h/);
    expect(fr).not.toMatch(/minuit/);
  });

  it('answers 404 in the page language for an unknown service', async () => {
    const { status, html } = await get('/en/services/no-such-service');
    expect(status).toBe(404);
    expect(html).toContain('<html lang="en"');
    expect(text(html)).toContain('This address does not match any monitored service');
  });
});

describe('incidents', () => {
  it('lists ongoing incidents, planned maintenance and past incidents', async () => {
    const body = text((await get('/fr/incidents')).html);
    expect(body).toContain('ameli.fr : le site affiche une erreur');
    expect(body).toContain('Mise à jour de impots.gouv.fr');
    expect(body).toMatch(/Incidents passés Déclaration en ligne indisponible Résolu/);
    expect(body).toContain('Durée : 1 h 35 min');
  });

  it('lists maintenance in progress, planned, completed in the last 90 days, and cancelled ones as cancelled', async () => {
    const body = text((await get('/fr/maintenance')).html);
    expect(body).toMatch(/Prévues Mise à jour de impots\.gouv\.fr/);
    expect(body).toMatch(/Terminées \(90 derniers jours\) Migration des serveurs de la CAF/);
    expect(body.indexOf('Intervention annulée')).toBeGreaterThan(body.indexOf('Annulées'));
    expect(body).toMatch(/Intervention annulée sur la CAF\s+Annulée\. Elle n’aura pas lieu (le|du) \d+\S* \S+ \d{4} (de|à) \d+ h/);
    const en = text((await get('/en/maintenance')).html);
    expect(en).toContain('Completed (last 90 days)');
    expect(en).toMatch(/Cancelled\. It will not take place (on|from) \d+ /);
  });

  it('pages through past incidents with plain links, and the switch keeps the page', async () => {
    const first = await get('/fr/incidents');
    expect(text(first.html)).toContain('Page 1 sur 2');
    expect(first.html).toContain('href="/fr/incidents?page=2#past" rel="next"');
    const second = await get('/en/incidents?page=2');
    expect(second.status).toBe(200);
    expect(text(second.html)).toContain('Page 2 of 2');
    expect(text(second.html)).toContain('Old incident 20');
    expect(second.html).toContain('href="/en/incidents#past" rel="prev"');
    expect(second.html).toContain('class="lang-switch" href="/fr/incidents?page=2"');
  });

  it('answers an address outside both languages with one bilingual 404 whose link text is said once', async () => {
    const { status, html } = await get('/nowhere');
    expect(status).toBe(404);
    expect(text(html)).toContain('Vérifiez-la, ou revenez à l’état des services .');
    expect(text(html)).not.toContain('l’état des services. État des services');
    expect(html).toContain('<a href="/en/">the service status</a>.');
  });

  it('answers 404 past the last page of past incidents', async () => {
    expect((await get('/fr/incidents?page=3')).status).toBe(404);
  });

  it('shows an incident with its timeline, affected services and duration', async () => {
    const body = text((await get(`/en/incidents/${seeded.ids.pastIncident}`)).html);
    expect(body).toMatch(/Resolved — \d+ [A-Z][a-z]+ \d{4} at \d{2}:\d{2} The service is restored\./);
    expect(body).toMatch(/Investigating — .* We are looking into it\./);
    expect(body).toContain('impots.gouv.fr — Partial outage');
    expect(body).toContain('Duration 1 h 35 min');
  });

  it('shows the French text marked lang="fr" and says a translation is coming when English is missing', async () => {
    const { html } = await get(`/en/incidents/${seeded.ids.staffIncident}`);
    expect(html).toContain('<span lang="fr">Lenteurs sur le site de la CAF</span>');
    expect(html).toMatch(/<div class="prose" lang="fr"><p>Les pages de connexion sont lentes/);
    expect(text(html)).toContain('This notice is in French for now; the English translation will follow.');
  });

  it('words an automatic incident from what the probes saw, with its own status', async () => {
    const { html } = await get(`/fr/incidents/${seeded.ids.autoIncident}`);
    expect(text(html)).toContain(
      'Nos sondes n’arrivent pas à ouvrir ameli.fr : le site affiche une page d’erreur. Vous risquez de rencontrer le même problème.',
    );
    expect(text(html)).toContain('Panne détectée');
    expect(text(html)).not.toContain('Analyse en cours');
    expect(text(html)).toContain('Détecté automatiquement par nos sondes.');
    const en = text((await get(`/en/incidents/${seeded.ids.autoIncident}`)).html);
    expect(en).toContain('Our probes cannot open ameli.fr: the site shows an error page. You may meet the same problem.');
    expect(en).toContain('Outage detected');
  });

  it('answers 404 for an unknown incident', async () => {
    expect((await get('/fr/incidents/nope')).status).toBe(404);
  });
});

describe('information pages', () => {
  it.each([
    ['/fr/accessibilite', '/en/accessibility', 'RGAA'],
    ['/fr/mentions-legales', '/en/legal-notice', 'EUPL'],
    ['/fr/donnees-personnelles', '/en/personal-data', 'cookie'],
    ['/fr/sondes', '/en/probes', 'User-Agent'],
  ])('%s and %s exist and switch to each other', async (fr, en, word) => {
    const french = await get(fr);
    const english = await get(en);
    expect([french.status, english.status]).toEqual([200, 200]);
    expect(french.html).toContain(`class="lang-switch" href="${en}"`);
    expect(english.html).toContain(`class="lang-switch" href="${fr}"`);
    expect(text(french.html)).toContain(word);
    expect(text(english.html)).toContain(word);
  });

  it('gives the probe User-Agent so agencies can allow-list it', async () => {
    const body = text((await get('/en/probes')).html);
    // What the probe wrote with its heartbeat, not what the web process would compute from its own settings.
    expect(body).toContain(SEEDED_PROBE.userAgent);
    expect(body).not.toContain(`(+${site.url})`);
    expect(body).toContain('A single vantage point (1 probe running).');
    expect(body).not.toContain('test-paris');
    expect(text((await get('/fr/sondes')).html)).toContain('Un seul point de mesure (1 sonde en service).');
  });

  it('says visitors get no cookie and hence no consent banner', async () => {
    const { html, headers } = await get('/fr/donnees-personnelles');
    expect(text(html)).toContain('ne vous demande pas votre consentement');
    expect(headers.get('set-cookie')).toBeNull();
  });

  it('answers 404 for a slug of the other language or an unknown language', async () => {
    expect((await get('/en/sondes')).status).toBe(404);
    expect((await get('/fr/accessibility')).status).toBe(404);
    expect((await get('/de/')).status).toBe(404);
    expect((await get('/de/services/impots')).status).toBe(404);
  });
});
