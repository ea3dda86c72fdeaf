import { describe, expect, it } from 'vitest';
import { parseCatalogue } from '../../src/config/load-catalogue.ts';
import { catalogue, lineOf, problemsOf, service, text, type Json } from './support/catalogue-source.ts';

const PARIS = { id: 'paris', name: { fr: 'Paris', en: 'Paris' }, country: 'FR' };
const ABROAD = { id: 'montreal', name: { fr: 'Montréal', en: 'Montreal' }, country: 'CA' };

const parsed = (check: Json, extra: Json = {}, top: Json = {}) =>
  parseCatalogue(text(catalogue([service('a', { check, ...extra })], top)), 'services.json').services[0]!;

/** The one problem the loader reports, with the line of `needle`. */
function oneProblem(check: Json, needle: string, message: string, extra: Json = {}, top: Json = {}) {
  const source = text(catalogue([service('a', { check, ...extra })], top));
  const problems = problemsOf(source);
  expect(problems).toHaveLength(1);
  expect(problems[0]).toMatch(new RegExp(`^services\\.json:${lineOf(source, needle)}: `));
  expect(problems[0]).toContain(message);
  return problems[0];
}

describe('check kinds in the catalogue', () => {
  it('resolves each kind with its defaults, taking names from the service address', () => {
    expect(parsed({ kind: 'dns' }).check).toEqual({
      kind: 'dns',
      name: 'a.example.fr',
      record: 'A',
      resolvers: null,
      byLocation: {},
      expect: null,
    });
    expect(parsed({ kind: 'tcp', port: 443, tls: true }).check).toEqual({
      kind: 'tcp',
      host: 'a.example.fr',
      port: 443,
      tls: true,
      serverName: null,
    });
    expect(parsed({ kind: 'heartbeat', tokenEnv: 'VIGIE_BEAT_A', interval: 3600 }).check).toEqual({
      kind: 'heartbeat',
      tokenEnv: 'VIGIE_BEAT_A',
      interval: 3600,
      grace: 360,
    });
    const journey = parsed({
      kind: 'journey',
      steps: [
        { name: 'Accueil', url: '/' },
        { name: 'Connexion', url: '/login', followRedirects: false },
      ],
    });
    expect(journey.check).toMatchObject({
      kind: 'journey',
      steps: [
        {
          name: { fr: 'Accueil', en: 'Accueil' },
          url: 'https://a.example.fr/',
          method: 'GET',
          followRedirects: true,
          expectStatus: '200-399',
        },
        { url: 'https://a.example.fr/login', followRedirects: false },
      ],
    });
    expect(parsed({ kind: 'http', expect: { json: ['len($.items) > 0'], headers: { 'Content-Type': 'json' } } }).check).toEqual({
      kind: 'http',
      expect: {
        json: [{ text: 'len($.items) > 0', query: '$.items', measure: 'len', operator: '>', expected: 0 }],
        headers: [['content-type', 'json']],
      },
    });
    expect(parsed({ kind: 'dns' }, {}, { locations: [PARIS] }).check).toMatchObject({ byLocation: {} });
    expect(
      parsed({ kind: 'dns', resolvers: { paris: ['9.9.9.9'], montreal: ['[2620:fe::fe]:53'] } }, {}, { locations: [PARIS, ABROAD] }).check,
    ).toMatchObject({ resolvers: null, byLocation: { paris: ['9.9.9.9'], montreal: ['[2620:fe::fe]:53'] } });
  });

  it('leaves a service without check as it was', () => {
    expect(parseCatalogue(text(catalogue([service('a')])), 'services.json').services[0]!.check).toBeUndefined();
  });

  it.each<[string, Json, string, string]>([
    ['no kind', { port: 443 }, '"check"', 'services[0].check.kind: must have a "kind": "http", "dns", "tcp", "journey" or "heartbeat"'],
    ['an unknown kind', { kind: 'icmp' }, '"icmp"', 'services[0].check.kind: must have a "kind"'],
    ['a field of another kind', { kind: 'dns', port: 53 }, '"port"', 'services[0].check.port: unknown field "port"'],
    [
      'a DNS name with a scheme',
      { kind: 'dns', name: 'https://impots.gouv.fr' },
      'https://impots',
      'services[0].check.name: must be a host name',
    ],
    [
      'an unknown record type',
      { kind: 'dns', record: 'SPF' },
      '"SPF"',
      'services[0].check.record: must be one of A, AAAA, CNAME, MX, NS, TXT',
    ],
    ['a resolver that is a name', { kind: 'dns', resolvers: ['dns.google'] }, 'dns.google', 'services[0].check.resolvers'],
    ['a resolver port out of range', { kind: 'dns', resolvers: ['9.9.9.9:70000'] }, '70000', 'services[0].check.resolvers'],
    ['an empty list of expected answers', { kind: 'dns', expect: [] }, '"expect"', 'services[0].check.expect: must list at least one item'],
    ['a TCP check without port', { kind: 'tcp' }, '"check"', 'services[0].check.port: is required'],
    ['a TCP port out of range', { kind: 'tcp', port: 0 }, '"port"', 'services[0].check.port: must be at least 1'],
    ['a TCP host with a path', { kind: 'tcp', host: 'a.fr/x', port: 1 }, 'a.fr/x', 'services[0].check.host: must be a host name'],
    ['a TLS flag that is text', { kind: 'tcp', port: 1, tls: 'yes' }, '"yes"', 'services[0].check.tls: must be true or false'],
    ['a journey without steps', { kind: 'journey', steps: [] }, '"steps"', 'services[0].check.steps: must list at least one item'],
    [
      'a journey step on ftp',
      { kind: 'journey', steps: [{ name: 'x', url: 'ftp://a/' }] },
      'ftp://',
      'steps[0].url: must be an http(s) URL',
    ],
    ['a journey step with an odd method', { kind: 'journey', steps: [{ name: 'x', url: '/', method: 'PUT' }] }, '"PUT"', 'steps[0].method'],
    [
      'a step status range upside down',
      { kind: 'journey', steps: [{ name: 'x', url: '/', expectStatus: '399-200' }] },
      '399-200',
      'low before high',
    ],
    [
      'a JSON assertion without comparison',
      { kind: 'http', expect: { json: ['$.status'] } },
      '"$.status"',
      'expect.json[0]: must compare a query',
    ],
    ['a JSON assertion with a bad query', { kind: 'http', expect: { json: ['$.a[ == 1'] } }, '$.a[', 'expect.json[0]: must compare'],
    ['a JSON query that is not JSONPath', { kind: 'http', expect: { json: ['status == 1'] } }, 'status == 1', 'is not a JSONPath query'],
    ['a JSON literal in single quotes', { kind: 'http', expect: { json: ["$.s == 'ok'"] } }, "'ok'", 'must be a JSON value'],
    ['an ordering against text', { kind: 'http', expect: { json: ['$.n > "3"'] } }, '$.n', '">" compares numbers'],
    [
      'a header name with a space',
      { kind: 'http', expect: { headers: { 'content type': 'json' } } },
      'content type',
      'must be an HTTP header name',
    ],
    ['a heartbeat token variable in lower case', { kind: 'heartbeat', tokenEnv: 'beat', interval: 60 }, '"beat"', 'environment variable'],
    ['a heartbeat without interval', { kind: 'heartbeat', tokenEnv: 'B' }, '"check"', 'services[0].check.interval: is required'],
    ['a heartbeat interval under 10 s', { kind: 'heartbeat', tokenEnv: 'B', interval: 5 }, '"interval": 5', 'must be at least 10'],
  ])('reports %s at its line', (_, check, needle, message) => {
    oneProblem(check, needle, message);
  });

  it('points a step without url at the step', () => {
    const source = text(catalogue([service('a', { check: { kind: 'journey', steps: [{ name: 'x' }] } })]));
    expect(problemsOf(source)).toEqual([
      `services.json:${lineOf(source, '"steps"') + 1}: services[0].check.steps[0].url: is required: add it (text in double quotes)`,
    ]);
  });

  it('reports too many journey steps', () => {
    const steps = Array.from({ length: 6 }, (_, i) => ({ name: `step ${i}`, url: '/' }));
    oneProblem({ kind: 'journey', steps }, '"steps"', 'services[0].check.steps: must list at most 5 items');
  });

  it('reports http-only fields on other kinds, and says where they go for a journey', () => {
    oneProblem({ kind: 'dns' }, '"keyword"', 'services[0].keyword: applies to http checks only, not to a dns check: remove it', {
      keyword: 'Bienvenue',
    });
    oneProblem({ kind: 'journey', steps: [{ name: 'x', url: '/' }] }, '"expectStatus"', 'give it to each step instead', {
      expectStatus: '200',
    });
  });

  it('reports resolvers for a location the catalogue does not list', () => {
    oneProblem(
      { kind: 'dns', resolvers: { lyon: ['9.9.9.9'] } },
      '"lyon"',
      'services[0].check.resolvers.lyon: unknown location "lyon" (known: paris)',
      {},
      {
        locations: [PARIS],
      },
    );
  });

  it('reports two heartbeats sharing a token variable', () => {
    const beat = { kind: 'heartbeat', tokenEnv: 'VIGIE_BEAT', interval: 60 };
    const source = text(catalogue([service('a', { check: beat }), service('b', { check: beat })]));
    const line = source.split('\n').findLastIndex((l) => l.includes('"VIGIE_BEAT"')) + 1;
    expect(problemsOf(source)).toEqual([
      `services.json:${line}: services[1].check.tokenEnv: services[0] already takes its token from VIGIE_BEAT: give each heartbeat its own`,
    ]);
  });
});
