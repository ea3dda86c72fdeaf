import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { postForm, signIn, startAdminSite, type AdminSite } from './support/admin-site.ts';
import { checkResult, downTracking } from '../support/records.ts';
import { CODE_LOCK, codeKey } from '../../src/admin/code-lock.ts';
import { javaAvailable, nuProblems } from '../support/nu-checker.ts';
import { outageSeen } from '../support/records.ts';

/** The staff forms over real HTTP: refusals explained in place, translation later, take-over, history, audit. */
let admin: AdminSite;
let cookie = '';

beforeAll(async () => {
  admin = await startAdminSite();
  cookie = await signIn(admin.site, admin.staff[0]!);
});
afterAll(async () => {
  await admin?.stop();
});

const page = async (path: string) => {
  const response = await fetch(`${admin.site.url}${path}`, { headers: { cookie }, redirect: 'manual' });
  return { status: response.status, html: await response.text() };
};
const post = (path: string, fields: Record<string, string>) => postForm(admin.site, path, fields, { cookie });
const idFrom = (response: Response) => response.headers.get('location')?.split('?')[0]?.split('/').pop() ?? '';

describe('staff forms', () => {
  it('explains a refused form in place, in the chosen language, keeping what was typed', async () => {
    const response = await post('/admin/incidents/new?lang=en', {
      titleFr: 'Lenteurs sur caf',
      titleEn: '',
      bodyFr: 'Texte',
      bodyEn: '',
      status: 'investigating',
    });
    expect(response.status).toBe(422);
    const html = await response.text();
    expect(html).toContain('The English text is required, unless you tick');
    expect(html).toContain('Choose at least one service.');
    expect(html).toContain('value="Lenteurs sur caf"');
    expect((await admin.store.listIncidents({ limit: 1 })).total).toBe(0);
  });

  it('publishes in French only when asked, shows it on /en/ marked lang="fr", and lists it as awaiting translation', async () => {
    const response = await post('/admin/incidents/new', {
      titleFr: 'Lenteurs sur ameli',
      titleEn: '',
      bodyFr: 'Nous analysons.',
      bodyEn: '',
      translationLater: 'on',
      status: 'investigating',
      'impact.ameli': 'degraded',
    });
    expect(response.status).toBe(303);
    const id = idFrom(response);
    const dashboard = await page('/admin');
    expect(dashboard.html).toMatch(new RegExp(`href="/admin/incidents/${id}" lang="fr">Lenteurs sur ameli</a>`));
    const english = await fetch(`${admin.site.url}/en/incidents/${id}`).then((r) => r.text());
    expect(english).toMatch(/lang="fr"[^>]*>(<p>)?Nous analysons\./);
  });

  it('publishes French staff text with French spacing, and shows it so on a form sent back', async () => {
    const refused = await post('/admin/incidents/new', {
      titleFr: 'impots.gouv.fr : espace « particulier » indisponible',
      bodyFr: 'Attention! Les déclarations sont reportées ; voir https://www.impots.gouv.fr/?a=1 .',
      status: 'investigating',
    });
    expect(refused.status).toBe(422);
    expect(await refused.text()).toContain(
      'Publié ainsi\u00a0: <span lang="fr">impots.gouv.fr\u00a0: espace «\u00a0particulier\u00a0» indisponible</span>',
    );
    const response = await post('/admin/incidents/new', {
      titleFr: 'impots.gouv.fr : espace « particulier » indisponible',
      titleEn: 'impots.gouv.fr: personal account unavailable',
      bodyFr: 'Attention! Les déclarations sont reportées ; voir https://www.impots.gouv.fr/?a=1 .',
      bodyEn: 'Warning! Returns are postponed; see https://www.impots.gouv.fr/?a=1 .',
      status: 'investigating',
      'impact.ameli': 'partial',
    });
    expect(response.status).toBe(303);
    const [incident] = (await admin.store.listIncidents({ limit: 1 })).items;
    expect(incident?.title).toEqual({
      fr: 'impots.gouv.fr\u00a0: espace «\u00a0particulier\u00a0» indisponible',
      en: 'impots.gouv.fr: personal account unavailable',
    });
    const french = await fetch(`${admin.site.url}/fr/incidents/${idFrom(response)}`).then((r) => r.text());
    expect(french).toContain('Attention\u00a0! Les déclarations sont reportées\u00a0; voir');
    expect(french).toContain('https://www.impots.gouv.fr/?a=1');
  });

  it('marks the official French names on the English staff pages', async () => {
    expect((await page('/admin?lang=en')).html).toContain('<th scope="row"><span lang="fr">ameli.fr</span></th>');
    expect((await page('/admin')).html).toContain('<th scope="row"><span>ameli.fr</span></th>');
  });

  it('takes over an automatic outage: one incident, the staff notice in place of the probe text', async () => {
    const now = new Date();
    const { incidentId } = await admin.store.recordCheck({
      result: checkResult({ serviceId: 'ameli', location: 'local', startedAt: now, outcome: 'timeout', latencyMs: null, httpStatus: null }),
      tracking: downTracking('ameli', now, now, { lastOutcome: 'timeout' }),
      rollups: [],
      event: {
        type: 'outage_opened',
        serviceId: 'ameli',
        startedAt: now,
        observed: outageSeen('ameli.fr'),
      },
    });
    const before = await page(`/admin/incidents/${incidentId}`);
    expect(before.html).toContain('name="intent" value="take-over"');
    expect(before.html).not.toContain('name="intent" value="update"');
    const response = await post(`/admin/incidents/${incidentId}`, {
      intent: 'take-over',
      titleFr: 'Accès à ameli interrompu',
      titleEn: 'ameli unavailable',
      bodyFr: 'Utilisez le 3646.',
      bodyEn: 'Call 3646.',
      status: 'identified',
      'impact.ameli': 'major',
    });
    expect(response.status).toBe(303);
    const open = await admin.store.listIncidents({ state: 'open', serviceId: 'ameli', limit: 10 });
    expect(open.items.filter((i) => i.kind === 'auto').map((i) => [i.id, i.takenOverBy, i.title.fr])).toEqual([
      [incidentId, admin.staff[0]!.email, 'Accès à ameli interrompu'],
    ]);
    const after = await page(`/admin/incidents/${incidentId}`);
    expect(after.html).not.toContain('name="intent" value="take-over"');
    expect(after.html).toContain('name="intent" value="update"');
  });

  it('edits a published message and shows the earlier version to staff', async () => {
    const created = await post('/admin/incidents/new', {
      titleFr: 'Formulaire en panne',
      titleEn: 'Form broken',
      bodyFr: 'Premier texte.',
      bodyEn: 'First text.',
      status: 'investigating',
      'impact.caf': 'partial',
    });
    const incident = await admin.store.getIncident(idFrom(created));
    const updateId = incident!.updates[0]!.id;
    const edited = await post(`/admin/incidents/${incident!.id}/updates/${updateId}`, {
      bodyFr: 'Texte corrigé.',
      bodyEn: 'Corrected text.',
    });
    expect(edited.status).toBe(303);
    const history = await page(`/admin/incidents/${incident!.id}/updates/${updateId}`);
    expect(history.html).toContain('Premier texte.');
    expect(history.html).toContain('Corrected text.');
    expect(history.html).toContain(`modifié par ${admin.staff[0]!.email}`);
    expect((await page(`/admin/incidents/${incident!.id}/updates/nope`)).status).toBe(404);
  });

  it.each(['constructor', 'toString', '__proto__', 'hasOwnProperty'])(
    'refuses intent=%s as an unknown intent (422), not a crash',
    async (intent) => {
      const created = await post('/admin/incidents/new', {
        titleFr: `Intent ${intent}`,
        titleEn: `Intent ${intent}`,
        bodyFr: 'Texte.',
        bodyEn: 'Text.',
        status: 'investigating',
        'impact.ameli': 'degraded',
      });
      const response = await post(`/admin/incidents/${idFrom(created)}`, { intent, titleFr: 'x', bodyFr: 'y', status: 'resolved' });
      expect(response.status).toBe(422);
    },
  );

  it('reads field names as data: "__proto__" and "constructor" fields change nothing', async () => {
    const fields = Object.fromEntries([
      ...Object.entries({
        titleFr: 'Champs',
        titleEn: 'Fields',
        bodyFr: 'Texte.',
        bodyEn: 'Text.',
        status: 'investigating',
        'impact.ameli': 'degraded',
      }),
      ['impact.__proto__', 'major'],
      ['__proto__', 'x'],
      ['constructor', 'y'],
    ]);
    const response = await post('/admin/incidents/new', fields);
    expect(response.status).toBe(303);
    expect((await admin.store.getIncident(idFrom(response)))?.affected).toEqual([{ serviceId: 'ameli', impact: 'degraded' }]);
  });

  it('shows every action in the paginated audit log, with address and before/after', async () => {
    const audit = await page('/admin/audit');
    expect(audit.status).toBe(200);
    // In French words: no raw action code, the incident named by its title, changes field by field.
    for (const action of ['Connexion réussie', 'Incident publié', 'Panne prise en charge', 'Message corrigé'])
      expect(audit.html).toContain(`<td>${action}</td>`);
    expect(audit.html).not.toMatch(/<td>(incident|login|maintenance|staff)\.[a-z_]+<\/td>/);
    expect(audit.html).toMatch(/<a href="\/admin\/incidents\/[a-z0-9]+" lang="fr">Lenteurs sur ameli<\/a>/);
    expect(audit.html).toContain('127.0.0.1');
    expect(audit.html).toContain('Premier texte.');
    expect(audit.html).toMatch(/<li>[a-z]+\u00a0: /);
    expect((await page('/admin/audit?page=2')).status).toBe(200);
    expect((await page('/admin/audit?page=-3')).html).toContain('Page 1 sur');
  });

  it('shows other staff an account whose sign-in codes are locked', async () => {
    const locked = admin.staff[2]!.email;
    expect((await page('/admin')).html).not.toContain('code-locks');
    for (let i = 0; i < CODE_LOCK.failures; i++) await admin.store.reserveLoginAttempt([codeKey(locked)], new Date());
    const { html } = await page('/admin?lang=en');
    expect(html).toContain('Sign-in codes locked');
    expect(html).toContain(`<li>${locked}</li>`);
    await admin.store.clearLoginFailures(codeKey(locked));
  });

  it('slows a repeated wrong password down with 429 and Retry-After', async () => {
    const member = admin.staff[1]!;
    let last: Response | undefined;
    for (let i = 0; i < 7; i++)
      last = await postForm(admin.site, '/admin/login', { email: member.email, password: `wrong password ${i} abcdefgh`, code: '000000' });
    expect(last?.status).toBe(429);
    expect(Number(last?.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(await last?.text()).toContain('Trop d’essais');
  });

  it('counts failures on the socket address: X-Forwarded-For from an unlisted peer changes nothing', async () => {
    const attempt = (i: number) =>
      postForm(
        admin.site,
        '/admin/login',
        { email: `random${i}@example.org`, password: 'wrong password abcdefgh', code: '000000' },
        { 'x-forwarded-for': `198.18.0.${i}` },
      );
    const statuses = [];
    for (let batch = 0; batch < 4; batch++)
      statuses.push(...(await Promise.all([0, 1, 2, 3, 4, 5].map((j) => attempt(batch * 6 + j)))).map((r) => r.status));
    // Had the header been believed, every attempt would come from a fresh address and none would wait.
    expect(statuses).toContain(429);
    expect((await attempt(99)).status).toBe(429);
  });

  it.skipIf(!javaAvailable && !process.env.CI)('serves valid HTML forms to staff (Nu checker)', async () => {
    const pages = Object.fromEntries(
      await Promise.all(
        ['/admin/incidents/new', '/admin/incidents/new?lang=en', '/admin', '/admin/maintenance'].map(async (p) => [
          p,
          (await page(p)).html,
        ]),
      ),
    );
    expect(await nuProblems(pages)).toEqual([]);
  });
});
