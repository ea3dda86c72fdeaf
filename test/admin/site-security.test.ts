import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resetPassword } from '../../src/admin/staff-accounts.ts';
import { startSite } from '../support/site-server.ts';
import { nextCode, postForm, signIn, startAdminSite, type AdminSite } from './support/admin-site.ts';

let admin: AdminSite;

beforeAll(async () => {
  admin = await startAdminSite();
});
afterAll(async () => {
  await admin?.stop();
});

const get = (path: string, headers: Record<string, string> = {}) => fetch(`${admin.site.url}${path}`, { headers, redirect: 'manual' });

describe('security headers', () => {
  const stylesheetPath = async () => /<link rel="stylesheet" href="([^"]+)"/.exec(await (await get('/fr/')).text())?.[1] ?? 'no stylesheet';
  it.each([
    '/fr/',
    '/en/',
    '/api/v2/summary.json',
    '/fr/feed.xml',
    '/admin/login',
    '/admin',
    '/no-such-page',
    '/refresh.js',
    '/favicon.svg',
    'stylesheet',
  ])('are on %s', async (target) => {
    const path = target === 'stylesheet' ? await stylesheetPath() : target;
    const response = await get(path);
    const csp = response.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
    expect(csp).toContain("object-src 'none'");
    expect(csp).toContain("base-uri 'none'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('referrer-policy')).toBeTruthy();
    expect(response.headers.get('cross-origin-opener-policy')).toBe('same-origin');
    // Served over plain http here: HSTS would be meaningless and is left out.
    expect(response.headers.get('strict-transport-security')).toBeNull();
  });

  it('sets no cookie on public responses, even for a signed-in browser', async () => {
    const cookie = await signIn(admin.site, admin.staff[2]!);
    for (const path of ['/fr/', '/en/', '/api/v2/summary.json', '/en/feed.atom', '/fr/incidents']) {
      const response = await get(path, { cookie });
      expect(response.headers.getSetCookie(), path).toEqual([]);
    }
  });

  it('never lets admin pages be cached or indexed', async () => {
    for (const path of ['/admin/login', '/admin', '/admin/audit']) {
      const response = await get(path);
      expect(response.headers.get('cache-control')).toBe('no-store');
      expect(response.headers.get('x-robots-tag')).toContain('noindex');
    }
    expect(await (await get('/admin/login')).text()).toContain('<meta name="robots" content="noindex, nofollow">');
  });
});

describe('sign-in and sessions over HTTP', () => {
  it('sets a __Host- session cookie, Secure, HttpOnly, SameSite=Strict, Path=/, no Domain', async () => {
    const member = admin.staff[0]!;
    const response = await postForm(admin.site, '/admin/login', {
      email: member.email,
      password: member.password,
      code: await nextCode(member),
    });
    expect(response.status).toBe(303);
    const [cookie] = response.headers.getSetCookie();
    expect(cookie).toMatch(/^__Host-vigie_session=[A-Za-z0-9_-]{43}; /);
    const attributes = cookie!
      .split(';')
      .slice(1)
      .map((a) => a.trim().toLowerCase());
    expect(attributes).toEqual(expect.arrayContaining(['path=/', 'httponly', 'secure', 'samesite=strict']));
    expect(attributes.some((a) => a.startsWith('domain='))).toBe(false);
  });

  it('refuses a wrong code, a replayed code and a wrong password with the same answer', async () => {
    const member = admin.staff[1]!;
    const code = await nextCode(member);
    const ok = await postForm(admin.site, '/admin/login', { email: member.email, password: member.password, code });
    expect(ok.status).toBe(303);
    const replay = await postForm(admin.site, '/admin/login', { email: member.email, password: member.password, code });
    const wrongPassword = await postForm(admin.site, '/admin/login', {
      email: member.email,
      password: 'not the right password at all',
      code: await nextCode(member),
    });
    const unknown = await postForm(admin.site, '/admin/login', {
      email: 'nobody@example.gouv.fr',
      password: member.password,
      code: '123456',
    });
    for (const refused of [replay, wrongPassword, unknown]) {
      expect(refused.status).toBe(401);
      expect(refused.headers.getSetCookie()).toEqual([]);
    }
    const [a, b] = await Promise.all([replay.text(), unknown.text()]);
    expect(a.match(/role="alert">([^<]*)/)?.[1]).toBe(b.match(/role="alert">([^<]*)/)?.[1]);
  });

  it('sends strangers to the sign-in page and dead sessions too', async () => {
    expect((await get('/admin')).headers.get('location')).toBe('/admin/login');
    expect((await get('/admin?lang=en')).headers.get('location')).toBe('/admin/login?lang=en');
    expect((await get('/admin', { cookie: '__Host-vigie_session=' + 'A'.repeat(43) })).status).toBe(303);
  });

  it('kills a session when the password changes', async () => {
    const member = admin.staff[0]!;
    const cookie = await signIn(admin.site, member);
    expect((await get('/admin', { cookie })).status).toBe(200);
    const changed = await resetPassword(
      { store: admin.store, clock: () => new Date(), actor: 'cli' },
      member.email,
      'une toute nouvelle phrase de passe',
    );
    expect(changed.ok).toBe(true);
    member.password = 'une toute nouvelle phrase de passe';
    expect((await get('/admin', { cookie })).status).toBe(303);
  });

  it('logs out by POST only', async () => {
    const cookie = await signIn(admin.site, admin.staff[1]!);
    expect((await get('/admin/logout', { cookie })).status).not.toBe(303);
    expect((await get('/admin', { cookie })).status).toBe(200);
    const out = await postForm(admin.site, '/admin/logout', {}, { cookie });
    expect(out.status).toBe(303);
    expect(out.headers.getSetCookie()[0]).toMatch(/^__Host-vigie_session=.*Expires=Thu, 01 Jan 1970/);
    expect((await get('/admin', { cookie })).status).toBe(303);
  });
});

describe('cross-site requests', () => {
  let cookie = '';
  beforeAll(async () => {
    cookie = await signIn(admin.site, admin.staff[2]!);
  });

  it.each([
    ['a form from another site', { origin: 'https://evil.example', 'content-type': 'application/x-www-form-urlencoded' }],
    ['JSON from another site', { origin: 'https://evil.example', 'content-type': 'application/json' }],
    ['text/plain from another site', { origin: 'https://evil.example', 'content-type': 'text/plain' }],
    [
      'a same-site but other-origin page',
      { origin: admin?.site.url.replace('127.0.0.1', 'localhost') ?? 'http://localhost', 'content-type': 'application/json' },
    ],
    ['a request with neither Origin nor Sec-Fetch-Site', { 'content-type': 'application/json' }],
    ['a cross-site fetch metadata', { 'sec-fetch-site': 'cross-site', 'content-type': 'application/x-www-form-urlencoded' }],
  ] as [string, Record<string, string>][])('refuses %s with 403 and changes nothing', async (_label, headers) => {
    const before = (await admin.store.listIncidents({ limit: 1 })).total;
    for (const path of ['/admin/incidents/new', '/admin/logout', '/admin/login', '/api/v2/summary.json', '/fr/']) {
      const response = await fetch(`${admin.site.url}${path}`, {
        method: 'POST',
        headers: { ...headers, cookie },
        body:
          headers['content-type'] === 'application/json'
            ? JSON.stringify({ titleFr: 'x' })
            : 'titleFr=x&titleEn=x&bodyFr=x&bodyEn=x&status=investigating&impact.ameli=major',
        redirect: 'manual',
      });
      expect(response.status, path).toBe(403);
      // One check for forms and JSON alike, explaining in both languages what to do.
      const explanation = await response.text();
      expect(explanation, path).toContain('VIGIE_PUBLIC_URL');
      expect(explanation, path).toMatch(/[\s\S]+\n\n[\s\S]+/);
    }
    expect((await admin.store.listIncidents({ limit: 1 })).total).toBe(before);
    expect((await get('/admin', { cookie })).status).toBe(200);
  });
});

describe('settings that change the security posture', () => {
  it('adds HSTS behind HTTPS and shows plainly when the second factor is off', async () => {
    const demo = await startSite({ ...admin.env, VIGIE_PUBLIC_URL: 'https://statut.example.gouv.fr', VIGIE_REQUIRE_TOTP: 'false' });
    try {
      const response = await fetch(`${demo.url}/admin/login`);
      expect(response.headers.get('strict-transport-security')).toMatch(/^max-age=\d{8,}/);
      const html = await response.text();
      expect(html).toContain('VIGIE_REQUIRE_TOTP=false');
      expect(html).not.toContain('name="code"');
    } finally {
      await demo.stop();
    }
  });
});
