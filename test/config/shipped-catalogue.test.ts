import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { renderCatalogueJsonSchema } from '../../src/config/catalogue-json-schema.ts';
import { loadCatalogue } from '../../src/config/load-catalogue.ts';

const root = fileURLToPath(new URL('../../', import.meta.url));
const cataloguePath = `${root}services.json`;
const schemaPath = `${root}public/services.schema.json`;

describe('the shipped services.json', async () => {
  const catalogue = await loadCatalogue(cataloguePath);

  it('lists 30 to 40 services with unique ids', () => {
    expect(catalogue.services.length).toBeGreaterThanOrEqual(30);
    expect(catalogue.services.length).toBeLessThanOrEqual(40);
    expect(new Set(catalogue.services.map((s) => s.id)).size).toBe(catalogue.services.length);
  });

  it('uses every category it declares', () => {
    const used = new Set(catalogue.services.map((s) => s.category));
    expect(catalogue.categories.filter((c) => !used.has(c.id))).toEqual([]);
  });

  it('checks every service over https, on a distinct host', () => {
    const urls = catalogue.services.map((s) => new URL(s.url));
    expect(urls.filter((u) => u.protocol !== 'https:')).toEqual([]);
    expect(new Set(urls.map((u) => u.host)).size).toBe(urls.length);
  });

  it('uses the current addresses of services that moved', () => {
    const hosts = catalogue.services.map((s) => new URL(s.url).host);
    expect(hosts).toEqual(
      expect.arrayContaining([
        'www.service-public.gouv.fr',
        'entreprendre.service-public.gouv.fr',
        'demarche.numerique.gouv.fr',
        'www.info.gouv.fr',
        'www.francetravail.fr',
      ]),
    );
    const retired = [
      'www.service-public.fr',
      'entreprendre.service-public.fr',
      'www.demarches-simplifiees.fr',
      'www.gouvernement.fr',
      'www.pole-emploi.fr',
    ];
    expect(hosts.filter((h) => retired.includes(h))).toEqual([]);
  });

  it('describes every service in both languages and explains each name in English with a gloss', () => {
    for (const service of catalogue.services) {
      expect(service.description, service.id).not.toBeNull();
      expect(service.description?.en, service.id).not.toBe(service.description?.fr);
      expect(service.gloss?.en, service.id).toBeTruthy();
    }
  });

  it('keeps the official name alone, the same in both languages, so notices and feeds never carry the gloss', () => {
    for (const service of catalogue.services) {
      expect(service.name.en, service.id).toBe(service.name.fr);
      expect(service.name.fr, service.id).not.toMatch(/ — /);
    }
  });

  it('names services by their address rather than by a bare noun or a ministry name that changes with governments', () => {
    const names = new Map(catalogue.services.map((s) => [s.id, s.name.fr]));
    expect(names.get('douane')).toBe('douane.gouv.fr');
    expect(names.get('education')).toBe('education.gouv.fr');
    expect([...names.values()].filter((n) => /^Minist[èe]re /.test(n))).toEqual([]);
  });

  it('has canaries run outside the watched services', () => {
    expect(catalogue.canaries.length).toBeGreaterThanOrEqual(2);
    const serviceHosts = new Set(catalogue.services.map((s) => new URL(s.url).host));
    for (const canary of catalogue.canaries) {
      const host = new URL(canary).host;
      expect(host.endsWith('.gouv.fr') || serviceHosts.has(host), canary).toBe(false);
    }
  });

  it('validates against the published JSON Schema, which rejects what the loader rejects', async () => {
    const published = z.fromJSONSchema(JSON.parse(await readFile(schemaPath, 'utf8')));
    const file = JSON.parse(await readFile(cataloguePath, 'utf8'));
    expect(published.safeParse(file).error?.issues).toBeUndefined();
    const broken = structuredClone(file);
    broken.services[0].url = 'ftp://files.example.fr/';
    broken.services[1].intervall = 30;
    broken.services[2].interval = 0;
    expect(published.safeParse(broken).error?.issues.map((i) => i.path.join('.'))).toEqual([
      'services.0.url',
      'services.1',
      'services.2.interval',
    ]);
  });
});

describe('what the shipped services.json tells citizens to do instead', async () => {
  const catalogue = await loadCatalogue(cataloguePath);
  const byId = new Map(catalogue.services.map((s) => [s.id, s]));

  it('gives the main services a published phone line with its hours, and the France services counters', () => {
    const lines: Record<string, string> = {
      'service-public': '39 39',
      impots: '0 809 401 401',
      ameli: '36 46',
      caf: '32 30',
      'france-travail': '39 49',
    };
    for (const [id, number] of Object.entries(lines)) {
      const alternatives = byId.get(id)?.alternatives ?? [];
      expect(alternatives[0], id).toMatchObject({ kind: 'phone', number });
      expect(alternatives[0]?.hours, id).not.toBeNull();
      expect(
        alternatives.some((a) => a.kind === 'place' && a.url === 'https://www.france-services.gouv.fr/'),
        id,
      ).toBe(true);
    }
  });

  it('ships no deadline: they change every year and belong to the operator', () => {
    expect(catalogue.services.flatMap((s) => s.deadlines ?? [])).toEqual([]);
  });
});

describe('public/services.schema.json', () => {
  it('is up to date with the zod schema (run `node src/cli/generate-schema.ts` after changing it)', async () => {
    expect(await readFile(schemaPath, 'utf8')).toBe(renderCatalogueJsonSchema());
  });

  it('documents every field for editors', () => {
    const schema = JSON.parse(renderCatalogueJsonSchema());
    const service = schema.properties.services.items.properties;
    for (const [field, definition] of Object.entries<{ description?: string }>(service)) {
      expect(definition.description, field).toMatch(/\w/);
    }
    expect(schema.properties.canaries.description).toMatch(/probe offline/);
    expect(schema.properties.defaults.properties.interval.default).toBe(60);
  });
});
