import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSite, type RunningSite } from '../support/site-server.ts';
import { AFFECTED_IN_CRISIS, seedCrisis, SHIPPED_CATALOGUE, type CrisisSite } from '../support/seed-crisis.ts';

/** The shipped catalogue on a bad day, read as a worried citizen would: which of my services is down, since when, and why. */
let seeded: CrisisSite;
let site: RunningSite;

beforeAll(async () => {
  seeded = await seedCrisis();
  site = await startSite(seeded.env);
});

afterAll(async () => {
  await site?.stop();
  await seeded?.store.close();
  await seeded?.cleanup();
});

async function get(path: string): Promise<{ status: number; html: string; etag: string | null }> {
  const response = await fetch(`${site.url}${path}`);
  return { status: response.status, html: await response.text(), etag: response.headers.get('etag') };
}

function text(html: string): string {
  return html
    .replace(/<[^>]+>/g, ' ')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&')
    .replace(/&quot;/g, '"')
    .replace(/[\s\u00a0\u202f]+/g, ' ');
}

/** The part of the page between two markers (an element's opening and what follows it). */
function between(html: string, start: RegExp, end: RegExp): string {
  const from = html.search(start);
  expect(from, `no ${start} in the page`).toBeGreaterThanOrEqual(0);
  const rest = html.slice(from);
  const to = rest.search(end);
  return to === -1 ? rest : rest.slice(0, to);
}

const serviceLinks = (html: string, locale: string) =>
  [...html.matchAll(new RegExp(`<a class="service-name" href="/${locale}/services/([a-z0-9-]+)"`, 'g'))].map((m) => m[1]);
const nameOf = (id: string) => SHIPPED_CATALOGUE.services.find((s) => s.id === id)?.name ?? id;

describe.each(['fr', 'en'] as const)('the overview in a crisis, in %s', (locale) => {
  const words = {
    fr: {
      total: '7 services en panne ou ralentis 4 en panne, 3 ralentis. Par ailleurs : 1 service en maintenance',
      seeAll: 'Voir la liste complète : 7 services en panne ou ralentis et 1 service en maintenance',
      down: 'Panne majeure',
      since: /depuis 3 h/,
      staff: 'déclaré par nos équipes',
      fullList: '/fr/services-touches',
    },
    en: {
      total: '7 services down or degraded 4 down, 3 degraded. Also: 1 service under maintenance',
      seeAll: 'See the full list: 7 services down or degraded and 1 service under maintenance',
      down: 'Major outage',
      since: /for 3 h/,
      staff: 'reported by our staff',
      fullList: '/en/affected-services',
    },
  }[locale];

  it('names the first six affected services in the banner, worst first, then links to the full list', async () => {
    const { html } = await get(`/${locale}/`);
    const banner = between(html, /<section class="banner/, /<\/section>/);
    expect(serviceLinks(banner, locale)).toEqual(AFFECTED_IN_CRISIS.slice(0, 6));
    const bannerText = text(banner);
    // One total: the title, its breakdown adding up to it, maintenance apart, and the same figures on the link.
    expect(bannerText).toContain(words.total);
    expect(text(between(banner, new RegExp(`<a href="${words.fullList}">`), /<\/a>/))).toBe(` ${words.seeAll}`);
    const ants = text(between(banner, /<li class="line">/, /<\/li>/));
    expect(ants).toContain(nameOf('ants'));
    expect(ants).toContain(words.down);
    expect(ants).toMatch(words.since);
    expect(ants).toContain(locale === 'fr' ? 'Demandes de titres impossibles' : 'ID and licence applications unavailable');
    // Staff say the CAF is slow though the probes see it answer: shown, and said to be their word.
    expect(bannerText).toMatch(new RegExp(`${nameOf('caf')} .*${words.staff}.* Lenteurs sur le site de la CAF`));
    // The open incidents come right after the banner, before the list of every service.
    expect(html.indexOf('id="ongoing"')).toBeGreaterThan(html.indexOf('class="banner'));
    expect(html.indexOf('id="ongoing"')).toBeLessThan(html.indexOf('id="services"'));
  });

  it('lists every affected service on the full list, each linking to a working page', async () => {
    const { status, html } = await get(words.fullList);
    expect(status).toBe(200);
    const main = between(html, /<main/, /<\/main>/);
    expect(serviceLinks(main, locale)).toEqual([...AFFECTED_IN_CRISIS]);
    // A maintenance says when it ends, not how long it has lasted.
    expect(text(main)).toMatch(
      locale === 'fr'
        ? /Service-Public\.gouv\.fr Maintenance jusqu’à [^.]*\d{1,2} h/
        : /Service-Public\.gouv\.fr Maintenance until [^.]*\d\d:\d\d/,
    );
    const links = [...main.matchAll(/href="(\/(?:fr|en)\/(?:services|incidents)\/[^"]+)"/g)].map((m) => m[1]!);
    expect(links.length).toBeGreaterThanOrEqual(AFFECTED_IN_CRISIS.length + 4);
    const statuses = await Promise.all(links.map(async (link) => [link, (await fetch(`${site.url}${link}`)).status]));
    expect(statuses.filter(([, s]) => s !== 200)).toEqual([]);
    expect(html).toContain(`href="/${locale === 'fr' ? 'en/affected-services' : 'fr/services-touches'}"`);
  });
});

describe('finding a service', () => {
  it.each([
    ['fr', 'France Travail', 'france-travail'],
    ['fr', 'Pôle emploi', 'france-travail'],
    ['fr', 'carte grise', 'ants'],
    ['fr', 'la CAF', 'caf'],
    ['fr', 'impot', 'impots'],
    ['fr', 'AMELI', 'ameli'],
    ['en', 'ANTS', 'ants'],
    ['en', 'family benefits', 'caf'],
    ['en', 'IMPÔTS', 'impots'],
  ])('in %s, %j finds %s first, with its state', async (locale, query, id) => {
    const { status, html } = await get(`/${locale}/?q=${encodeURIComponent(query)}`);
    expect(status).toBe(200);
    const results = between(html, /<section class="results"/, /<\/section>/);
    expect(serviceLinks(results, locale)[0]).toBe(id);
    expect(text(results)).toMatch(locale === 'fr' ? /\d+ services? trouvés? pour « / : /\d+ services? found for “/);
    // The search page shows the banner and incidents, not the whole list.
    expect(html).toContain('class="banner');
    expect(html).not.toContain('id="services"');
  });

  it('says plainly when nothing matches, and points to the list of every service', async () => {
    const fr = await get('/fr/?q=xylophone');
    expect(text(fr.html)).toContain('Aucun service ne correspond à « xylophone ».');
    expect(fr.html).toContain('<a href="/fr/#services">la liste de tous les services</a>');
    const en = await get('/en/?q=xylophone');
    expect(text(en.html)).toContain('No service matches “xylophone”.');
  });

  it('answers a 10,000-character query or odd bytes with a normal page', async () => {
    const long = await get(`/fr/?q=${'impots'.repeat(1_667)}`);
    expect(long.status).toBe(200);
    expect(long.html).toMatch(/<input type="search" id="q" name="q" value="(impots){10}"/);
    for (const odd of ['%FF%FE%00', '%C0%AF%E2%80%AE', '%3Cscript%3Ealert(1)%3C%2Fscript%3E', '%25%', '%00%00', '%F0%9F%92%A5']) {
      const page = await get(`/en/?q=${odd}`);
      expect(page.status, odd).toBe(200);
      expect(page.html, odd).not.toContain('<script>alert');
      expect(page.html, odd).toContain('<h1>');
    }
  });

  it('puts no searched words in the page title, only what the site says (security review F9)', async () => {
    const { html } = await get(`/fr/?q=${encodeURIComponent('URGENT appelez le 0899 123 456 pour débloquer vos impôts')}`);
    const title = /<title>([^<]*)<\/title>/.exec(html)?.[1] ?? '';
    expect(title).toMatch(/^Recherche\u00a0: /);
    expect(title).not.toMatch(/0899|appelez|urgent/i);
    expect(/<title>([^<]*)<\/title>/.exec((await get('/en/?q=xylophone')).html)?.[1]).toMatch(/^Search: no service found · /);
  });

  it('reads a query with bytes that are not UTF-8 leniently and answers the normal page', async () => {
    const page = await get('/fr/?q=caf%e9');
    expect(page.status).toBe(200);
    expect(page.html).toContain('<h1>');
    expect(page.html).toMatch(/<input type="search" id="q" name="q" value="caf/);
  });

  it('serves one cached page for every spelling of the same query', async () => {
    const first = await get('/fr/?q=Imp%C3%B4ts');
    const same = await Promise.all(['/fr/?q=IMPOTS', '/fr/?q=%20impots%20', '/fr/?q=imp%C3%B4ts&utm_source=x'].map(get));
    expect(new Set([first.etag, ...same.map((p) => p.etag)]).size).toBe(1);
  });
});
