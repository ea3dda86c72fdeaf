import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CatalogueError, loadCatalogue, parseCatalogue } from '../../src/config/load-catalogue.ts';
import { catalogue, lineOf, problemsOf, service, text } from './support/catalogue-source.ts';

describe('parseCatalogue', () => {
  it('applies file defaults, then built-in defaults, to each service', () => {
    const source = text(
      catalogue([service('a'), service('b', { interval: 30, detection: { successesBeforeUp: 5 } })], {
        defaults: { timeout: 5 },
        detection: { failuresBeforeDown: 4 },
        canaries: ['https://one.one.one.one/'],
      }),
    );
    const { services, canaries } = parseCatalogue(source, 'services.json');
    expect(canaries).toEqual(['https://one.one.one.one/']);
    expect(services[0]).toMatchObject({ interval: 60, timeout: 5, expectStatus: '200-399', keyword: null, description: null });
    expect(services[0]?.detection).toEqual({ failuresBeforeDown: 4, successesBeforeUp: 2 });
    expect(services[1]).toMatchObject({ interval: 30, timeout: 5 });
    expect(services[1]?.detection).toEqual({ failuresBeforeDown: 4, successesBeforeUp: 5 });
  });

  it('reads locations and a quorum; without locations the catalogue has none', () => {
    const paris = { id: 'paris', name: { fr: 'Paris', en: 'Paris' }, country: 'FR' };
    const located = parseCatalogue(text(catalogue([service('a')], { locations: [paris], detection: { quorum: 2 } })), 'services.json');
    expect(located.locations).toEqual([paris]);
    expect(located.services[0]?.detection).toEqual({ failuresBeforeDown: 3, successesBeforeUp: 2, quorum: 2 });
    expect(parseCatalogue(text(catalogue([service('a')])), 'services.json').locations).toEqual([]);
  });

  it('reports a duplicate location id and a country that is not a two-letter code', () => {
    const paris = { id: 'paris', name: { fr: 'Paris', en: 'Paris' }, country: 'FR' };
    const problems = problemsOf(text(catalogue([service('a')], { locations: [paris, { ...paris, country: 'France' }] })));
    expect(problems).toEqual([
      expect.stringMatching(/locations\[1\]\.id: duplicate location id "paris"/),
      expect.stringMatching(/locations\[1\]\.country: must be an ISO 3166 two-letter country code/),
    ]);
  });

  it('accepts a byte-order mark at the start', () => {
    expect(parseCatalogue(`\uFEFF${text(catalogue([service('a')]))}`, 'services.json').services).toHaveLength(1);
  });

  it('reports a URL that is not http or https at the line of the url', () => {
    const source = text(catalogue([service('a'), service('b', { url: 'ftp://files.example.fr/' })]));
    expect(problemsOf(source)).toEqual([`services.json:${lineOf(source, 'ftp://')}: services[1].url: must be an http or https URL`]);
  });

  it('reports a duplicate service id at the second occurrence', () => {
    const source = text(catalogue([service('a'), service('b'), service('a', { url: 'https://again.example.fr/' })]));
    const line = source.split('\n').findLastIndex((l) => l.includes('"id": "a"')) + 1;
    expect(line).toBeGreaterThan(lineOf(source, '"id": "a"'));
    expect(problemsOf(source)).toEqual([`services.json:${line}: services[2].id: duplicate service id "a"`]);
  });

  it('reads the former ids of a renamed service', () => {
    const source = text(catalogue([service('caf-fr', { formerIds: ['caf', 'caf-old'] }), service('ameli')]));
    const { services } = parseCatalogue(source, 'services.json');
    expect(services[0]?.formerIds).toEqual(['caf', 'caf-old']);
    expect(services[1]).not.toHaveProperty('formerIds');
  });

  it('reports a former id still in use, or claimed twice, at its own line', () => {
    const source = text(
      catalogue([
        service('caf-fr', { formerIds: ['ameli', 'caf-fr'] }),
        service('ameli', { formerIds: ['caf-old'] }),
        service('msa', { formerIds: ['caf-old', 'Bad_Id'] }),
      ]),
    );
    const line = (needle: string, nth = 0) =>
      source
        .split('\n')
        .map((l, i) => (l.includes(needle) ? i + 1 : 0))
        .filter(Boolean)[nth];
    expect(problemsOf(source)).toEqual([
      `services.json:${line('"ameli"')}: services[0].formerIds[0]: "ameli" is the id of another service: a former id must no longer be in use`,
      `services.json:${line('"caf-fr"', 1)}: services[0].formerIds[1]: "caf-fr" is this service's own id: a former id must no longer be in use`,
      `services.json:${line('"caf-old"', 1)}: services[2].formerIds[0]: "caf-old" is already a former id of service "ameli"`,
      `services.json:${line('"Bad_Id"')}: services[2].formerIds[1]: must be a slug: lowercase letters, digits and single hyphens`,
    ]);
  });

  it('reports an unknown category and says where to declare it', () => {
    const source = text(catalogue([service('a', { category: 'sante' })]));
    expect(problemsOf(source)).toEqual([
      `services.json:${lineOf(source, '"sante"')}: services[0].category: unknown category "sante" (declare it in "categories")`,
    ]);
  });

  it('reports an unknown field at its own line, once per field', () => {
    const source = text(catalogue([service('a', { intervall: 30, colour: 'red' })]));
    expect(problemsOf(source)).toEqual([
      `services.json:${lineOf(source, 'intervall')}: services[0].intervall: unknown field "intervall": check its spelling, or remove it`,
      `services.json:${lineOf(source, 'colour')}: services[0].colour: unknown field "colour": check its spelling, or remove it`,
    ]);
  });

  it('reports an interval below one second', () => {
    const source = text(catalogue([service('a', { interval: 0 })]));
    expect(problemsOf(source)).toEqual([`services.json:${lineOf(source, '"interval"')}: services[0].interval: must be at least 1`]);
  });

  it('reports a JSON syntax error with line and column', () => {
    const source = '{\n  "categories": [],\n  "services": [\n    { "id": "a", }\n  ]\n}';
    expect(problemsOf(source, 'conf/services.json')).toEqual([
      'conf/services.json:4:18: invalid JSON: remove the trailing comma before "}"',
    ]);
  });

  it('points a missing field at the object that should hold it', () => {
    const source = text(catalogue([service('a'), { id: 'b', category: 'tax', url: 'https://b.example.fr/' }]));
    const line = lineOf(source, '"id": "b"') - 1;
    expect(problemsOf(source)).toEqual([
      `services.json:${line}: services[1].name: is required: add it (the official name in double quotes)`,
    ]);
  });

  it('reports a value of the wrong type in words', () => {
    const source = text(catalogue([service('a', { interval: 0.5, timeout: '10', allowPrivateNetwork: 'yes' })]));
    expect(problemsOf(source)).toEqual([
      `services.json:${lineOf(source, '"interval"')}: services[0].interval: must be a whole number, not 0.5`,
      `services.json:${lineOf(source, '"timeout"')}: services[0].timeout: must be a number, not the text "10"`,
      `services.json:${lineOf(source, '"allowPrivateNetwork"')}: services[0].allowPrivateNetwork: must be true or false, not the text "yes"`,
    ]);
  });

  it('reports a key written twice in one object', () => {
    const source =
      '{\n  "categories": [{ "id": "tax", "name": { "fr": "Impôts", "en": "Tax" } }],\n  "services": [\n    { "id": "a", "name": { "fr": "A", "en": "A" }, "category": "tax",\n      "url": "https://a.example.fr/",\n      "url": "https://b.example.fr/" }\n  ]\n}';
    expect(problemsOf(source)).toEqual([
      'services.json:6: services[0].url: this field appears twice in the same object (only the last one would count): keep one',
    ]);
  });

  it('lists every problem at once, in file order, including the id checks', () => {
    const source = text(
      catalogue(
        [
          service('a', { url: 'javascript:alert(1)' }),
          service('a', { category: 'nope', interval: 0 }),
          service('Bad Id', { url: 'https://c.example.fr/', expectStatus: '99' }),
        ],
        { canaries: ['gopher://x'], detection: { failuresBeforeDown: 0 } },
      ),
    );
    const problems = problemsOf(source);
    expect(problems.map((p) => p.replace(/^services\.json:\d+: /, ''))).toEqual([
      'services[0].url: must be an http or https URL',
      'services[1].id: duplicate service id "a"',
      'services[1].category: unknown category "nope" (declare it in "categories")',
      'services[1].interval: must be at least 1',
      'services[2].id: must be a slug: lowercase letters, digits and single hyphens',
      'services[2].expectStatus: must look like "200-399" or "200,301-302"',
      'canaries[0]: must be an http or https URL',
      'detection.failuresBeforeDown: must be at least 1',
    ]);
    const lines = problems.map((p) => Number(/^services\.json:(\d+):/.exec(p)?.[1]));
    expect(lines).toEqual([...lines].sort((a, b) => a - b));
    expect(lines[0]).toBe(lineOf(source, 'javascript:'));
  });

  it('says the top level must be an object', () => {
    expect(problemsOf('[]')).toEqual(['services.json:1: (top level): must be an object { … }, not a list']);
  });

  it('makes an error message that lists every problem under a heading', () => {
    const source = text(catalogue([service('a', { interval: 0, timeout: 0 })]));
    try {
      parseCatalogue(source, 'services.json');
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(CatalogueError);
      const message = (error as CatalogueError).message.split('\n');
      expect(message[0]).toBe('The service catalogue services.json is not valid (2 problems):');
      expect(message.slice(1)).toEqual((error as CatalogueError).problems.map((p) => `  ${p}`));
    }
  });
});

describe('loadCatalogue', () => {
  let dir = '';
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'vigie-catalogue-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('reads and resolves a valid file', async () => {
    const path = join(dir, 'ok.json');
    await writeFile(path, text(catalogue([service('a')])));
    expect((await loadCatalogue(path)).services.map((s) => s.id)).toEqual(['a']);
  });

  it('names the file in every problem', async () => {
    const path = join(dir, 'bad.json');
    await writeFile(path, text(catalogue([service('a', { interval: 0 })])));
    await expect(loadCatalogue(path)).rejects.toMatchObject({
      kind: 'invalid',
      problems: [expect.stringMatching(new RegExp(`^${path}:\\d+: services\\[0\\]\\.interval`))],
    });
  });

  it('reports a missing file as unreadable and says what to check', async () => {
    const path = join(dir, 'missing.json');
    await expect(loadCatalogue(path)).rejects.toMatchObject({
      kind: 'unreadable',
      problems: [`${path}: no such file: check the path (VIGIE_SERVICES, or the path given on the command line)`],
    });
  });

  it('reports a folder as unreadable', async () => {
    await expect(loadCatalogue(dir)).rejects.toMatchObject({ kind: 'unreadable', problems: [expect.stringContaining('this is a folder')] });
  });

  it('reports a file that is not UTF-8', async () => {
    const path = join(dir, 'latin1.json');
    await writeFile(path, Buffer.from([0x7b, 0x22, 0xe9, 0x22, 0x7d]));
    await expect(loadCatalogue(path)).rejects.toMatchObject({ kind: 'invalid', problems: [expect.stringContaining('is not UTF-8 text')] });
  });
});
