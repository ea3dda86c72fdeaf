import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSite, type RunningSite } from '../support/site-server.ts';
import { javaAvailable, nuProblems } from '../support/nu-checker.ts';
import { seedCrisis, type CrisisSite } from '../support/seed-crisis.ts';
import { catalogueWithFacts, startClocksAt, THURSDAY_10H } from '../support/seed-guidance.ts';

/**
 * The shipped catalogue on a bad day, on a Thursday at 10 h Paris, with a tax deadline two days
 * ahead: what a citizen can do instead, the date at stake, the scam warning and who publishes the page.
 */
let seeded: CrisisSite;
let site: RunningSite;
let restoreClock: () => void;

beforeAll(async () => {
  // The site's clock starts on that Thursday and ticks from there: opening hours depend on it.
  restoreClock = startClocksAt(THURSDAY_10H);
  seeded = await seedCrisis(THURSDAY_10H, catalogueWithFacts());
  site = await startSite(seeded.env);
});

afterAll(async () => {
  restoreClock?.();
  await site?.stop();
  await seeded?.store.close();
  await seeded?.cleanup();
});

async function page(path: string): Promise<string> {
  const response = await fetch(`${site.url}${path}`);
  expect(response.status).toBe(200);
  return response.text();
}

const text = (html: string): string =>
  html
    .replace(/<[^>]+>/g, '')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&')
    .replace(/[\s\u00a0\u202f]+/g, ' ')
    .trim();

/** The `<li>` of a service in a list, found by its link. */
function itemOf(html: string, id: string, locale: string): string {
  const at = html.indexOf(`href="/${locale}/services/${id}"`);
  expect(at, `${id} is not listed`).toBeGreaterThan(0);
  const start = html.lastIndexOf('<li', at);
  return html.slice(start, html.indexOf('</li>', at));
}

const WORDS = {
  fr: {
    phone: 'Tél. : 0 809 401 401, ouvert jusqu’à 19 h',
    deadline: 'Date limite : 5 décembre à 23 h 59 (déclaration de revenus, zone 1)',
    crisis: 'Attention aux arnaques',
    crisisText: 'aucun organisme public ne vous demande vos coordonnées bancaires',
    publisher: 'Site publié par Direction de l’exemple numérique.',
    counter: 'Sur place : Un espace France services près de chez vous',
    closedOpens: 'Par téléphone : 39 39',
    title: 'Que faire en attendant ?',
  },
  en: {
    phone: 'By phone: 0 809 401 401, open until 19:00',
    deadline: 'Deadline: 5 December at 23:59 (income tax return, zone 1)',
    crisis: 'Beware of scams',
    crisisText: 'no public body asks for your bank details',
    publisher: 'Published by Direction de l’exemple numérique.',
    counter: 'In person: A France services counter near you',
    closedOpens: 'By phone: 39 39',
    title: 'What you can do meanwhile',
  },
} as const;

describe.each(['fr', 'en'] as const)('what to do instead, in %s', (locale) => {
  const w = WORDS[locale];

  it('puts the first open alternative and the deadline on the failing service’s overview row and banner entry', async () => {
    const html = await page(`/${locale}/`);
    const banner = html.slice(html.indexOf('<section class="banner'), html.indexOf('</section>', html.indexOf('<section class="banner')));
    for (const [where, item] of [
      ['banner', itemOf(banner, 'impots', locale)],
      ['row', itemOf(html.slice(html.indexOf('id="services"')), 'impots', locale)],
    ] as const) {
      expect(text(item), where).toContain(w.phone);
      expect(text(item), where).toContain(w.deadline);
      expect(item, where).toContain('href="tel:0809401401"');
    }
    // A service that works shows none of it; the far deadline is not said at all.
    expect(text(itemOf(html.slice(html.indexOf('id="services"')), 'caf', locale))).not.toContain(w.counter);
    expect(html).not.toContain('plus tard');
    expect(html).not.toContain('>later');
  });

  it('carries the scam warning in the banner during a crisis, and says who publishes the page', async () => {
    const html = await page(`/${locale}/`);
    const banner = text(
      html.slice(html.indexOf('<section class="banner'), html.indexOf('</section>', html.indexOf('<section class="banner'))),
    );
    expect(banner).toContain(w.crisis);
    expect(banner).toContain(w.crisisText);
    expect(html).toContain('href="https://www.cybermalveillance.gouv.fr/"');
    expect(text(html)).toContain(w.publisher);
  });

  it('says the same under the service in the plain-text state machines read', async () => {
    const state = (await page(locale === 'fr' ? '/fr/etat.txt' : '/en/status.txt')).replace(/[\u00a0\u202f]/g, ' ');
    const at = state.indexOf('impots.gouv.fr');
    const block = state.slice(at, state.indexOf('\n- ', at));
    // No line to fit here: the long word, as in messages.
    expect(block).toContain(`  - ${w.phone.replace('Tél.', 'Par téléphone')}`);
    expect(block).toContain(`  - ${w.deadline}`);
  });

  it('lists every alternative on the service page, open or closed now, then the official channels', async () => {
    const html = await page(`/${locale}/services/impots`);
    const body = text(html);
    expect(body).toContain(w.title);
    expect(body).toContain(w.deadline);
    expect(body).toContain(w.counter);
    expect(body.indexOf(w.title)).toBeLessThan(body.indexOf(locale === 'fr' ? 'Adresse' : 'Address'));
    expect(html).toContain('href="https://www.impots.gouv.fr/actualites"');
    expect(html).toContain('href="https://www.impots.gouv.fr/calendrier"');
  });
});

describe('the pages that carry them', () => {
  it.skipIf(!javaAvailable && !process.env.CI)(
    'are valid HTML (Nu checker)',
    async () => {
      // The overview is left out: its banner is a section without a heading, a warning older than these facts.
      const paths = ['/fr/services/impots', '/en/services/impots'];
      const pages = Object.fromEntries(await Promise.all(paths.map(async (p) => [p, await page(p)])));
      expect(await nuProblems(pages)).toEqual([]);
    },
    120_000,
  );
});
