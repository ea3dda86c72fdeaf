import { describe, expect, it } from 'vitest';
import { attestationPaths, pageFile, sitePaths } from '../../src/snapshot/site-paths.ts';

describe('static copy addresses', () => {
  it.each([
    ['/fr/', 'fr/index.html'],
    ['/en/services/caf', 'en/services/caf.html'],
    ['/fr/incidents', 'fr/incidents.html'],
    ['/fr/feed.xml', 'fr/feed.xml'],
    ['/en/services/caf/feed.atom', 'en/services/caf/feed.atom'],
  ])('%s is written as %s', (path, file) => {
    expect(pageFile(path)).toBe(file);
  });

  it('covers both languages, every service, recent incidents, feeds, the API and badges, English documents in .en files', () => {
    const paths = sitePaths({ serviceIds: ['caf', 'ameli'], incidentIds: ['inc1'], now: new Date('2026-04-02T10:00:00Z') });
    const files = new Map(paths.map((p) => [p.path, p.file]));
    for (const path of [
      '/fr/',
      '/en/',
      '/fr/services/ameli',
      '/en/incidents/inc1',
      '/fr/maintenance',
      '/en/legal-notice',
      '/fr/sondes',
      '/en/services/caf/feed.xml',
      '/fr/feed.atom',
    ]) {
      expect(files.has(path), path).toBe(true);
    }
    expect(files.get('/api/v2/summary.json')).toBe('api/v2/summary.json');
    expect(files.get('/fr/rapports')).toBe('fr/rapports.html');
    for (const period of ['2026-04', '2026-03', '2026-q2', '2026-q1', '2026', '2025'])
      expect(files.get(`/en/reports/${period}`)).toBe(`en/reports/${period}.html`);
    expect(files.get('/fr/rapports/2026-03.csv')).toBe('fr/rapports/2026-03.csv');
    expect(files.get('/en/maintenance.ics')).toBe('en/maintenance.ics');
    expect(files.get('/fr/etat.txt')).toBe('fr/etat.txt');
    expect(files.get('/llms.txt')).toBe('llms.txt');
    expect(files.get('/.well-known/vigie-signing-key.pem')).toBe('.well-known/vigie-signing-key.pem');
    expect(files.get('/api/v2/summary.json?lang=en')).toBe('api/v2/summary.en.json');
    expect(files.get('/api/v2/incidents/unresolved.json?lang=en')).toBe('api/v2/incidents/unresolved.en.json');
    expect(files.get('/badge/caf.svg?lang=en')).toBe('badge/caf.en.svg');
    expect(paths.find((p) => p.path === '/404')).toEqual({ path: '/404', file: '404.html', status: 404 });
    expect(new Set(paths.map((p) => p.file)).size).toBe(paths.length);
  });

  it('has the full list of affected services, and with subscriptions the copy’s page at every subscription address', () => {
    const now = new Date('2026-04-02T10:00:00Z');
    const without = sitePaths({ serviceIds: ['caf'], incidentIds: [], now });
    expect(without.map((p) => p.path)).toEqual(expect.arrayContaining(['/fr/services-touches', '/en/affected-services']));
    expect(without.some((p) => p.file.startsWith('fr/abonnement'))).toBe(false);
    const files = new Map(sitePaths({ serviceIds: ['caf'], incidentIds: [], now, subscriptions: true }).map((p) => [p.file, p.path]));
    expect(files.get('fr/abonnement.html')).toBe('/fr/abonnement/indisponible');
    expect(files.get('fr/abonnement/gerer.html')).toBe('/fr/abonnement/indisponible');
    expect(files.get('en/subscribe/confirm.html')).toBe('/en/subscribe/unavailable');
  });

  it('follows the attestation links of an incident page, with their signed files', () => {
    const html = '<a href="/fr/services/caf/attestations/inc1">Attestation</a> <a href="/fr/services/caf">caf</a>';
    expect(attestationPaths(html, 'inc1').map((p) => p.file)).toEqual([
      'fr/services/caf/attestations/inc1.html',
      'fr/services/caf/attestations/inc1/attestation.json',
      'fr/services/caf/attestations/inc1/attestation.sig',
    ]);
  });
});
