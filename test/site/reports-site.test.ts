import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { periodContaining } from '../../src/domain/paris-periods.ts';
import { javaAvailable, nuProblems } from '../support/nu-checker.ts';
import { seedStory, type SeededStory } from '../support/seed-site.ts';
import { startSite, type RunningSite } from '../support/site-server.ts';

/**
 * The reports pages of the seeded story (impots.gouv.fr measured for 80 days, with a 42-minute
 * outage and a maintenance window; the others hardly measured): both languages, their CSV and
 * JSON, valid HTML by the Nu checker.
 */
describe('availability reports on the built site', () => {
  let seeded: SeededStory;
  let site: RunningSite;
  const now = new Date();
  const month = periodContaining('month', now);
  const year = periodContaining('year', now);

  beforeAll(async () => {
    seeded = await seedStory(now);
    site = await startSite(seeded.env);
  });
  afterAll(async () => {
    await site?.stop();
    await seeded?.cleanup();
  });

  const get = async (path: string) => {
    const response = await fetch(`${site.url}${path}`);
    return { status: response.status, type: response.headers.get('content-type'), body: await response.text() };
  };

  it('lists every period measured and this year by category, in both languages', async () => {
    const fr = await get('/fr/rapports');
    expect(fr.status).toBe(200);
    expect(fr.body).toContain('Rapports de disponibilité');
    expect(fr.body).toContain(`href="/fr/rapports/${month.key}"`);
    expect(fr.body).toContain(`href="/fr/rapports/${year.key}"`);
    expect(fr.body).toContain('Impôts et finances');
    expect(fr.body).toContain('hreflang="en" href="http://127.0.0.1');
    const en = await get('/en/reports');
    expect(en.status).toBe(200);
    expect(en.body).toContain('Availability reports');
    expect(en.body).toContain('Tax and finance');
  });

  it('gives each service its figure with what it stands on, and no figure where nothing was measured', async () => {
    const fr = await get(`/fr/rapports/${year.key}`);
    expect(fr.status).toBe(200);
    const row = (name: string) => fr.body.slice(fr.body.indexOf(name), fr.body.indexOf('</tr>', fr.body.indexOf(name)));
    expect(row('<span>MSA</span>')).toContain('Non mesuré');
    expect(row('<span>MSA</span>')).not.toContain('%');
    expect(row('<span>impots.gouv.fr</span>')).toMatch(/\d{2},\d+\u00a0%/);
    expect(fr.body).toContain('Maintenance et fermetures (exclues)');
    expect(fr.body).toMatch(/seuils de l’Observatoire/);
  });

  it('serves each report as CSV and JSON that agree', async () => {
    const csv = await get(`/en/reports/${year.key}.csv`);
    expect(csv.status).toBe(200);
    expect(csv.type).toMatch(/^text\/csv/);
    const lines = csv.body.trim().split('\r\n');
    expect(lines[0]).toMatch(/^period,level,id,name,category,availability_percent/);
    const impots = lines.find((l) => l.includes(',service,impots,'))!.split(',');
    const json = await get(`/en/reports/${year.key}.json`);
    expect(json.type).toMatch(/^application\/json/);
    const data = JSON.parse(json.body) as { services: { id: string; availabilityPercent: number | null; measured: string }[] };
    const fromJson = data.services.find((s) => s.id === 'impots')!;
    expect(Number(impots[5])).toBe(fromJson.availabilityPercent);
    expect(fromJson.availabilityPercent).toBeGreaterThan(99.9);
    expect(fromJson.availabilityPercent).toBeLessThan(100);
    expect(data.services.find((s) => s.id === 'msa')).toMatchObject({ availabilityPercent: null, measured: 'none' });
  });

  it('answers 404 for a period not started or not a period', async () => {
    expect((await get(`/fr/rapports/${year.year + 1}`)).status).toBe(404);
    expect((await get('/fr/rapports/2026-13')).status).toBe(404);
    expect((await get(`/en/reports/${year.year + 1}.csv`)).status).toBe(404);
  });

  it.skipIf(!javaAvailable && !process.env.CI)(
    'renders valid HTML (Nu checker)',
    async () => {
      const pages = Object.fromEntries(
        await Promise.all(
          ['/fr/rapports', '/en/reports', `/fr/rapports/${year.key}`, `/en/reports/${month.key}`].map(async (path) => [
            path,
            (await get(path)).body,
          ]),
        ),
      );
      expect(await nuProblems(pages)).toEqual([]);
      // Java starts and loads the checker's schemas in a few seconds alone, over a minute on a loaded machine.
    },
    240_000,
  );
});
