import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseJsonAssertion, type JsonAssertion } from '../../../src/config/json-assertion.ts';
import type { JourneyStep, ResponseAssertions } from '../../../src/config/service-check.ts';
import { createChecker } from '../../../src/probe/check/create-checker.ts';
import { fakeService } from './fake-service.ts';
import { json, startApiServer, text, type ApiServer } from './support/api-server.ts';

let api: ApiServer;
beforeAll(async () => {
  api = await startApiServer();
});
afterAll(() => api.stop());

const checker = createChecker({ userAgent: 'test' });
const ctx = { location: 'test' };

const assertion = (line: string) => parseJsonAssertion(line) as JsonAssertion;
const expectations = (lines: string[], headers: [string, string][] = []): ResponseAssertions => ({ json: lines.map(assertion), headers });

function apiService(path: string, expect: ResponseAssertions) {
  return fakeService(`api${path.replace(/\W/g, '-')}`, `${api.base}${path}`, { keyword: null, check: { kind: 'http', expect } });
}

function step(name: string, path: string, extra: Partial<JourneyStep> = {}): JourneyStep {
  return {
    name: { fr: name, en: `${name} (en)` },
    url: `${api.base}${path}`,
    method: 'GET',
    body: null,
    contentType: null,
    followRedirects: true,
    expectStatus: '200-399',
    keyword: null,
    expect: { json: [], headers: [] },
    ...extra,
  };
}

describe('HTTP checks with JSON and header assertions', () => {
  it('passes a health document that holds every assertion', async () => {
    api.on('/health', json({ status: 'ok', items: [{ up: true }, { up: true }], version: 3 }));
    const result = await checker(
      apiService(
        '/health',
        expectations(
          ['$.status == "ok"', 'len($.items) > 0', '$.items[*].up == true', '$.version >= 3'],
          [['content-type', 'application/json']],
        ),
      ),
      ctx,
    );
    expect(result).toMatchObject({ outcome: 'ok', httpStatus: 200 });
  });

  it.each([
    ['a wrong value', { status: 'degraded', items: [1] }, '$.status == "ok"', '$.status == "ok": found "degraded"'],
    ['an empty list', { status: 'ok', items: [] }, 'len($.items) > 0', 'len($.items) > 0: length is 0'],
    ['a missing field', { items: [1] }, '$.status == "ok"', '$.status == "ok": $.status selects nothing'],
    ['one item of many', { items: [{ up: true }, { up: false }] }, '$.items[*].up == true', 'found [true,false]'],
  ])('fails %s as a JSON mismatch naming the assertion', async (_, body, line, detail) => {
    api.on('/broken', json(body));
    const result = await checker(apiService('/broken', expectations([line])), ctx);
    expect(result.outcome).toBe('json_mismatch');
    expect(result.detail).toContain(detail);
  });

  it('fails a body that is not JSON, and a header that is missing or different', async () => {
    api.on('/html', text(200, '<p>maintenance</p>'));
    expect(await checker(apiService('/html', expectations(['$.status == "ok"'])), ctx)).toMatchObject({
      outcome: 'json_mismatch',
      detail: expect.stringContaining('not JSON'),
    });
    api.on('/plain', json({ status: 'ok' }, { 'x-api-version': '1' }));
    const missing = await checker(apiService('/plain', expectations([], [['x-served-by', 'api-gouv']])), ctx);
    expect(missing).toMatchObject({ outcome: 'header_mismatch', detail: expect.stringContaining('x-served-by missing') });
    const different = await checker(apiService('/plain', expectations([], [['x-api-version', '2']])), ctx);
    expect(different).toMatchObject({ outcome: 'header_mismatch', detail: expect.stringContaining('is "1"') });
  });

  it('keeps a wrong status ahead of the assertions: the status explains the body', async () => {
    api.on('/down', text(503, 'down'));
    expect((await checker(apiService('/down', expectations(['$.status == "ok"'])), ctx)).outcome).toBe('http_5xx');
  });
});

describe('journeys', () => {
  const journeyService = (steps: JourneyStep[]) =>
    fakeService('demarche', `${api.base}/`, { keyword: null, check: { kind: 'journey', steps } });

  it('walks every step with one cookie jar, and checks a redirect it does not follow', async () => {
    api.on(
      '/accueil',
      text(200, '<a href="/connexion">Se connecter avec FranceConnect</a>', { 'set-cookie': 'session=s3cr3t; Path=/; HttpOnly' }),
    );
    api.on('/connexion', (req, res) => {
      const signedIn = req.headers.cookie?.includes('session=s3cr3t');
      res.writeHead(302, { location: signedIn ? 'https://app.franceconnect.test/api/v1/authorize?client=x' : '/accueil' }).end();
    });
    const result = await checker(
      journeyService([
        step('Accueil', '/accueil', { keyword: 'Se connecter avec FranceConnect' }),
        step('Connexion FranceConnect', '/connexion', {
          followRedirects: false,
          expectStatus: '302',
          expect: { json: [], headers: [['location', 'https://app.franceconnect.test/api/v1/authorize']] },
        }),
      ]),
      ctx,
    );
    expect(result).toMatchObject({ outcome: 'ok', step: null });
    expect(api.requests('/connexion').at(-1)?.cookie).toBe('session=s3cr3t');
  });

  it('names the step that breaks, with its own outcome', async () => {
    api.on('/accueil2', text(200, 'Bienvenue', { 'set-cookie': 'session=1; Path=/' }));
    api.on('/connexion2', text(502, 'Bad gateway'));
    api.on('/jamais', text(200, 'never reached'));
    const result = await checker(
      journeyService([step('Accueil', '/accueil2'), step('Connexion FranceConnect', '/connexion2'), step('Suite', '/jamais')]),
      ctx,
    );
    expect(result).toMatchObject({ outcome: 'http_5xx', step: 2, httpStatus: 502 });
    expect(result.detail).toBe('step 2 (Connexion FranceConnect): HTTP 502, expected 200-399');
    expect(api.requests('/jamais')).toHaveLength(0);
  });

  it('posts a form, then follows its redirect with a GET carrying the new cookie', async () => {
    api.on(
      '/formulaire',
      (_req, res, body) => void res.writeHead(303, { location: '/merci', 'set-cookie': `vu=${body.length}; Path=/` }).end(),
    );
    api.on('/merci', text(200, 'Demande reçue'));
    const result = await checker(
      journeyService([step('Envoi', '/formulaire', { method: 'POST', body: 'nom=Dupont', keyword: 'Demande reçue' })]),
      ctx,
    );
    expect(result.outcome).toBe('ok');
    expect(api.requests('/formulaire').at(-1)).toMatchObject({ method: 'POST', body: 'nom=Dupont' });
    expect(api.requests('/merci').at(-1)).toMatchObject({ method: 'GET', cookie: 'vu=10' });
  });

  it('holds every step to the SSRF guard', async () => {
    const guarded = fakeService('demarche-guarded', 'https://demarche.example.fr/', {
      keyword: null,
      allowPrivateNetwork: false,
      check: { kind: 'journey', steps: [step('Accueil', '/accueil')] },
    });
    const result = await checker(guarded, ctx);
    expect(result).toMatchObject({ outcome: 'unsafe_target', step: 1 });
  });

  it('names a step that times out', async () => {
    api.on('/lent', () => undefined);
    const result = await checker({ ...journeyService([step('Accueil', '/accueil'), step('Paiement', '/lent')]), timeout: 0.5 }, ctx);
    expect(result).toMatchObject({ outcome: 'timeout', step: 2, detail: 'step 2 (Paiement): no complete answer within 0.5 s' });
  });
});
