import { createServer, type Server } from 'node:http';
import { fileURLToPath } from 'node:url';
import { type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resetPassword } from '../../../src/admin/staff-accounts.ts';
import { utcToParisInputs } from '../../../src/domain/paris-time.ts';
import { CHROMIUM, chromiumAvailable as available, launchChromium, warnIfNoChromium } from '../../support/browser.ts';
import { freePort } from '../../support/site-server.ts';
import { nextCode, startAdminSite, type AdminSite, type StaffMember } from '../support/admin-site.ts';

/**
 * A staff member's crisis, in Debian's Chromium against the built site: sign in with a second
 * factor, publish a bilingual incident, follow it on /fr/, /en/ and both feeds, update it,
 * resolve it, schedule maintenance and watch the service switch; a cross-site form is refused;
 * a password change kills the session.
 */
const AXE = fileURLToPath(new URL('../../../node_modules/axe-core/axe.min.js', import.meta.url));
warnIfNoChromium('staff browser tests');

describe.skipIf(!available && !process.env.CI)('staff journey in a real browser', () => {
  let admin: AdminSite;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let member: StaffMember;
  let incidentPath = '';

  beforeAll(async () => {
    if (!available) throw new Error(`Chromium is required in CI (${CHROMIUM}).`);
    admin = await startAdminSite();
    member = admin.staff[0]!;
    browser = await launchChromium();
    context = await browser.newContext({ javaScriptEnabled: false });
    page = await context.newPage();
  });
  afterAll(async () => {
    await browser?.close();
    await admin?.stop();
  });

  const url = (path: string) => `${admin.site.url}${path}`;
  /** Public pages are cached per data version, polled every second: allow a few seconds. */
  async function eventually(path: string, predicate: (text: string) => boolean): Promise<string> {
    let text = '';
    await expect.poll(async () => predicate((text = await (await fetch(url(path))).text())), { timeout: 30_000, interval: 300 }).toBe(true);
    return text;
  }

  it('signs in with a password and a one-time code; Chromium keeps the __Host- Secure cookie on http://127.0.0.1', async () => {
    await page.goto(url('/admin'));
    expect(new URL(page.url()).pathname).toBe('/admin/login');
    await page.fill('#email', member.email);
    await page.fill('#password', member.password);
    await page.fill('#code', await nextCode(member));
    await page.click('button[type=submit]');
    expect(new URL(page.url()).pathname).toBe('/admin');
    expect(await page.textContent('h1')).toBe('Tableau de bord');
    const [cookie] = (await context.cookies()).filter((c) => c.name === '__Host-vigie_session');
    expect(cookie).toMatchObject({ secure: true, httpOnly: true, sameSite: 'Strict', path: '/' });
  });

  it('publishes a bilingual incident seen on /fr/, /en/ and in both feeds', async () => {
    await page.click('a:has-text("Nouvel incident")');
    await page.fill('#titleFr', 'Connexion impossible à ameli');
    await page.fill('#titleEn', 'Cannot sign in to ameli');
    await page.fill('#bodyFr', 'Nous **recherchons** la cause.');
    await page.fill('#bodyEn', 'We are **looking** into it.');
    await page.click('summary:has-text("Social")');
    await page.selectOption('#impact-ameli', 'major');
    await page.click('button:has-text("Publier l’incident")');
    const published = Date.now();
    incidentPath = new URL(page.url()).pathname;
    expect(incidentPath).toMatch(/^\/admin\/incidents\/[a-z2-7]+$/);

    await eventually('/fr/', (t) => t.includes('Connexion impossible à ameli'));
    console.log(`[figure] staff incident visible on the cached /fr/ page ${Date.now() - published} ms after the form returned`);
    await eventually('/en/', (t) => t.includes('Cannot sign in to ameli'));
    await eventually('/fr/feed.xml', (t) => t.includes('Connexion impossible à ameli'));
    await eventually('/en/feed.atom', (t) => t.includes('Cannot sign in to ameli'));
  });

  it('posts an update, then resolves the incident', async () => {
    const form = page.locator('form:has(input[name=intent][value=update])');
    await form.locator('#update-bodyFr').fill('Cause identifiée : un certificat expiré.');
    await form.locator('#update-bodyEn').fill('Cause found: an expired certificate.');
    await form.locator('#update-status').selectOption('identified');
    await form.locator('button[type=submit]').click();
    const publicPath = incidentPath.replace('/admin', '');
    await eventually(`/fr${publicPath}`, (t) => t.includes('Cause identifiée'));
    await eventually(`/en${publicPath}`, (t) => t.includes('Cause found: an expired certificate.'));

    const resolve = page.locator('form:has(input[name=intent][value=resolve])');
    await resolve.locator('#resolve-bodyFr').fill('Le service fonctionne de nouveau.');
    await resolve.locator('#resolve-bodyEn').fill('The service works again.');
    await resolve.locator('button[type=submit]').click();
    expect(await page.locator('form:has(input[name=intent][value=resolve])').count()).toBe(0);
    await eventually(`/fr${publicPath}`, (t) => t.includes('Le service fonctionne de nouveau.') && t.includes('Résolu'));
    await eventually('/en/feed.xml', (t) => t.includes('[Resolved] Cannot sign in to ameli'));
  });

  it('schedules maintenance, and the service shows maintenance during the window', async () => {
    const components = async () =>
      ((await (await fetch(url('/api/v2/components.json'))).json()) as { components: { id: string; status: string }[] }).components;
    expect((await components()).find((c) => c.id === 'ameli')?.status).not.toBe('under_maintenance');
    await page.click('a:has-text("Maintenances")');
    const start = utcToParisInputs(new Date(Date.now() - 60_000));
    const end = utcToParisInputs(new Date(Date.now() + 3600_000));
    await page.fill('#titleFr', 'Mise à jour de ameli');
    await page.fill('#titleEn', 'ameli upgrade');
    await page.fill('#bodyFr', 'Service coupé pendant la mise à jour.');
    await page.fill('#bodyEn', 'Service off during the upgrade.');
    await page.fill('#startDate', start.date);
    await page.fill('#startTime', start.time);
    await page.fill('#endDate', end.date);
    await page.fill('#endTime', end.time);
    await page.check('input[name=services][value=ameli]');
    await page.click('button:has-text("Programmer")');
    expect(await page.locator('[data-maintenance]').count()).toBe(1);
    await expect
      .poll(async () => (await components()).find((c) => c.id === 'ameli')?.status, { timeout: 30_000, interval: 300 })
      .toBe('under_maintenance');
    await eventually('/fr/maintenance', (t) => t.includes('Mise à jour de ameli'));
    await eventually('/en/maintenance', (t) => t.includes('ameli upgrade'));
    await page.goto(url('/fr/services/ameli'));
    expect(await page.locator('main .state').first().getAttribute('class')).toContain('is-maintenance');
  });

  it('refuses a form posted from another site', async () => {
    const evilPort = await freePort();
    const evil: Server = createServer((_req, res) => {
      res.setHeader('Content-Type', 'text/html');
      res.end(
        `<form method="post" action="${url('/admin/incidents/new')}"><input name="titleFr" value="Faux"><input name="titleEn" value="Fake"><input name="bodyFr" value="x"><input name="bodyEn" value="x"><input name="status" value="investigating"><input name="impact.ameli" value="major"><button>go</button></form>`,
      );
    });
    await new Promise<void>((r) => evil.listen(evilPort, '127.0.0.1', r));
    try {
      const before = (await admin.store.listIncidents({ limit: 1 })).total;
      const evilPage = await context.newPage();
      await evilPage.goto(`http://localhost:${evilPort}/`);
      const [response] = await Promise.all([
        evilPage.waitForResponse((r) => r.url().endsWith('/admin/incidents/new')),
        evilPage.click('button'),
      ]);
      expect(response.status()).toBe(403);
      expect((await admin.store.listIncidents({ limit: 1 })).total).toBe(before);
      await evilPage.close();
    } finally {
      await new Promise((r) => evil.close(r));
    }
  });

  it('switches the staff area to English', async () => {
    await page.goto(url('/admin'));
    await page.click('a:has-text("English")');
    expect(await page.textContent('h1')).toBe('Dashboard');
    expect(await page.getAttribute('html', 'lang')).toBe('en');
  });

  it('has no accessibility violations on the staff pages, in both languages (axe-core)', async () => {
    // axe is injected as a script; the site's CSP forbids that, so only this test context bypasses it.
    const axeContext = await browser.newContext({ bypassCSP: true });
    const axePage = await axeContext.newPage();
    const problems: string[] = [];
    const audit = async (path: string) => {
      await axePage.goto(url(path));
      await axePage.addScriptTag({ path: AXE });
      const results = await axePage.evaluate(async () => {
        const axe = (
          globalThis as unknown as {
            axe: { run: (ctx: Document, opts: object) => Promise<{ violations: { id: string; nodes: { target: string[] }[] }[] }> };
          }
        ).axe;
        return axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] } });
      });
      problems.push(
        ...results.violations.map(
          (v) =>
            `${path} ${v.id} (${v.nodes
              .slice(0, 3)
              .map((n) => n.target.join(' '))
              .join(', ')})`,
        ),
      );
    };
    try {
      await audit('/admin/login');
      const second = admin.staff[1]!;
      await axePage.fill('#email', second.email);
      await axePage.fill('#password', second.password);
      await axePage.fill('#code', await nextCode(second));
      await axePage.click('button[type=submit]');
      const incident = (await admin.store.listIncidents({ limit: 1 })).items[0]!;
      for (const path of [
        '/admin',
        '/admin?lang=en',
        '/admin/incidents/new',
        `/admin/incidents/${incident.id}`,
        `/admin/incidents/${incident.id}/updates/${incident.updates[0]!.id}`,
        '/admin/maintenance',
        '/admin/audit?lang=en',
      ]) {
        await audit(path);
      }
      expect(problems).toEqual([]);
    } finally {
      await axeContext.close();
    }
  }, 180_000);

  it('ends the session when the password changes', async () => {
    await page.goto(url('/admin'));
    expect(new URL(page.url()).pathname).toBe('/admin');
    const changed = await resetPassword(
      { store: admin.store, clock: () => new Date(), actor: 'cli' },
      member.email,
      'une toute nouvelle phrase de passe',
    );
    expect(changed.ok).toBe(true);
    await page.reload();
    expect(new URL(page.url()).pathname).toBe('/admin/login');
  });
});
