import { describe, expect, it } from 'vitest';
import { parseCatalogue } from '../../src/config/load-catalogue.ts';
import { catalogue, problemsOf, service, text } from './support/catalogue-source.ts';

/** 1-based line of the nth line (0-based) containing `needle`. */
function line(source: string, needle: string, nth = 0): number {
  const found = source
    .split('\n')
    .map((l, i) => (l.includes(needle) ? i + 1 : 0))
    .filter(Boolean)[nth];
  if (found === undefined) throw new Error(`"${needle}" not found ${nth + 1} times`);
  return found;
}

describe('dependsOn in the catalogue', () => {
  it('reads the services a service depends on; without it there are none', () => {
    const source = text(catalogue([service('franceconnect'), service('impots', { dependsOn: ['franceconnect'] })]));
    const { services } = parseCatalogue(source, 'services.json');
    expect(services[1]?.dependsOn).toEqual(['franceconnect']);
    expect(services[0]).not.toHaveProperty('dependsOn');
  });

  it('reports an unknown id, the service itself and a repeated id at their own line', () => {
    const source = text(
      catalogue([service('franceconnect'), service('impots', { dependsOn: ['franceconect', 'impots', 'franceconnect', 'franceconnect'] })]),
    );
    expect(problemsOf(source)).toEqual([
      `services.json:${line(source, '"franceconect"')}: services[1].dependsOn[0]: unknown service "franceconect": name the id of a service of the catalogue`,
      `services.json:${line(source, '"impots"', 1)}: services[1].dependsOn[1]: "impots" is this service's own id: a service cannot depend on itself`,
      `services.json:${line(source, '"franceconnect"', 2)}: services[1].dependsOn[3]: "franceconnect" is listed twice: keep one`,
    ]);
  });

  it('reports a cycle once, with its whole path, at the link that closes it', () => {
    const source = text(
      catalogue([
        service('a', { dependsOn: ['b'] }),
        service('b', { dependsOn: ['c'] }),
        service('c', { dependsOn: ['a'] }),
        service('d', { dependsOn: ['a'] }),
      ]),
    );
    expect(problemsOf(source)).toEqual([
      `services.json:${line(source, '"a"', 1)}: services[2].dependsOn[0]: dependency cycle a → b → c → a: remove one of these links`,
    ]);
  });

  it('accepts a shared upstream with many dependents (no cycle)', () => {
    const dependents = ['x', 'y', 'z'].map((id) => service(id, { dependsOn: ['fc', 'api'] }));
    const source = text(catalogue([service('fc'), service('api', { dependsOn: ['fc'] }), ...dependents]));
    expect(parseCatalogue(source, 'services.json').services).toHaveLength(5);
  });

  it('reports a dependsOn that is not a list of slugs', () => {
    const source = text(catalogue([service('a', { dependsOn: 'b' }), service('b', { dependsOn: ['Bad_Id'] })]));
    expect(problemsOf(source)).toEqual([
      expect.stringMatching(/services\[0\]\.dependsOn: must be a list \[ … \], not the text "b"/),
      expect.stringMatching(/services\[1\]\.dependsOn\[0\]: must be a slug/),
    ]);
  });
});

describe('upstream in the catalogue', () => {
  const upstream = { statuspage: 'https://status.example.com/api/v2/summary.json', component: 'FranceConnect' };

  it('reads a service from its own status page: a statuspage check', () => {
    const { services } = parseCatalogue(text(catalogue([service('fc', { upstream })])), 'services.json');
    expect(services[0]?.check).toEqual({ kind: 'statuspage', url: upstream.statuspage, component: 'FranceConnect' });
  });

  it('reads it besides a check: the check stays Vigie’s own, and another service may depend on it', () => {
    const source = text(catalogue([service('fc', { upstream, check: { kind: 'http' } }), service('portail', { dependsOn: ['fc'] })]));
    const { services } = parseCatalogue(source, 'services.json');
    expect(services[0]?.check?.kind).toBe('http');
    expect(services[0]?.upstream).toEqual({ kind: 'statuspage', url: upstream.statuspage, component: 'FranceConnect' });
    expect(services[1]?.dependsOn).toEqual(['fc']);
  });

  it('refuses a status page that is not an http URL, at its line', () => {
    const source = text(catalogue([service('b', { upstream: { statuspage: 'ftp://x/summary.json', component: 'b' } })]));
    expect(problemsOf(source)).toEqual([
      `services.json:${line(source, 'ftp://')}: services[0].upstream.statuspage: must be the http or https URL of a Statuspage v2 summary, such as https://status.example.com/api/v2/summary.json`,
    ]);
  });
});
