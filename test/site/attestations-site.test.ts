import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { KEY_FILE } from '../../src/attest/signing-key.ts';
import { checkResult } from '../support/records.ts';
import { createSiteData, record, track, type SiteData } from '../support/seed-site.ts';
import { startSite, type RunningSite } from '../support/site-server.ts';
import { outageSeen } from '../support/records.ts';

/**
 * Attestations on the built site, verified with the real `openssl`: one for a confirmed outage
 * seen from two of three locations; none for an outage whose failures all came from a probe that
 * doubted its own network, for one seen from fewer locations than the quorum, or for a staff incident.
 */
const MIN = 60_000;
const CATALOGUE = {
  categories: [{ id: 'finances', name: { fr: 'Impôts et finances', en: 'Tax and finance' } }],
  locations: ['paris', 'lyon', 'montreal'].map((id) => ({
    id,
    name: { fr: id === 'montreal' ? 'Montréal' : id[0]!.toUpperCase() + id.slice(1), en: id[0]!.toUpperCase() + id.slice(1) },
    country: id === 'montreal' ? 'CA' : 'FR',
  })),
  services: [
    { id: 'impots', name: 'impots.gouv.fr', category: 'finances', url: 'https://www.impots.gouv.fr/' },
    { id: 'amendes', name: 'amendes.gouv.fr', category: 'finances', url: 'https://www.amendes.gouv.fr/' },
    { id: 'douane', name: 'douane.gouv.fr', category: 'finances', url: 'https://www.douane.gouv.fr/', detection: { quorum: 2 } },
  ],
};

describe('attestations of unavailability', () => {
  let data: SiteData;
  let site: RunningSite;
  let work: string;
  const ids: Record<string, string> = {};
  const now = Date.now();
  const at = (minutesAgo: number) => new Date(now - minutesAgo * MIN);

  async function outage(
    serviceId: string,
    failures: { location: string; minutesAgo: number; probeOffline?: boolean }[],
    resolved: boolean,
  ) {
    const startedAt = at(Math.max(...failures.map((f) => f.minutesAgo)));
    const opened = await record(
      data.store,
      checkResult({ serviceId, location: 'paris', startedAt: at(100), outcome: 'ok' }),
      track(serviceId, 'down', startedAt, startedAt),
      [],
      {
        type: 'outage_opened',
        serviceId,
        startedAt,
        observed: outageSeen(`${serviceId}.example.fr`),
      },
    );
    for (const f of failures) {
      const result = checkResult({
        serviceId,
        location: f.location,
        startedAt: at(f.minutesAgo),
        outcome: f.location === 'lyon' ? 'timeout' : 'http_5xx',
        httpStatus: 503,
        probeOffline: f.probeOffline ?? false,
      });
      await data.store.recordCheck({ result, tracking: track(serviceId, 'down', startedAt, result.startedAt), rollups: [], event: null });
    }
    if (resolved) {
      await record(
        data.store,
        checkResult({ serviceId, location: 'paris', startedAt: at(5), outcome: 'ok' }),
        track(serviceId, 'operational', at(5), at(5)),
        [],
        {
          type: 'outage_resolved',
          serviceId,
          resolvedAt: at(5),
          domain: `${serviceId}.example.fr`,
        },
      );
    }
    ids[serviceId] = opened!;
  }

  beforeAll(async () => {
    data = await createSiteData(CATALOGUE, 'paris');
    await outage(
      'impots',
      [
        { location: 'paris', minutesAgo: 40 },
        { location: 'paris', minutesAgo: 30 },
        { location: 'lyon', minutesAgo: 35 },
        { location: 'lyon', minutesAgo: 20 },
      ],
      true,
    );
    await outage(
      'amendes',
      [
        { location: 'paris', minutesAgo: 40, probeOffline: true },
        { location: 'paris', minutesAgo: 30, probeOffline: true },
      ],
      false,
    );
    await outage(
      'douane',
      [
        { location: 'paris', minutesAgo: 40 },
        { location: 'paris', minutesAgo: 30 },
      ],
      false,
    );
    const staff = await data.store.createIncident({
      title: { fr: 'Lenteurs', en: 'Slowness' },
      status: 'identified',
      affected: [{ serviceId: 'impots', impact: 'major' }],
      body: { fr: 'Lent.', en: 'Slow.' },
      author: 'agent@example.gouv.fr',
      at: at(50),
    });
    ids.staff = staff.id;
    site = await startSite(data.env);
    work = mkdtempSync(join(tmpdir(), 'vigie-attestation-'));
  });
  afterAll(async () => {
    await site?.stop();
    await data?.cleanup();
    rmSync(work, { recursive: true, force: true });
  });

  const get = (path: string) => fetch(`${site.url}${path}`);
  const save = async (path: string, file: string) => {
    const response = await get(path);
    expect(response.status, path).toBe(200);
    writeFileSync(join(work, file), Buffer.from(await response.arrayBuffer()));
  };
  const verify = () =>
    spawnSync(
      'openssl',
      ['pkeyutl', '-verify', '-pubin', '-inkey', 'key.pem', '-rawin', '-in', 'attestation.json', '-sigfile', 'attestation.sig'],
      { cwd: work, encoding: 'utf8' },
    );

  it('signs a confirmed outage so that openssl verifies it, and a changed byte fails', async () => {
    const base = `/fr/services/impots/attestations/${ids.impots}`;
    await save(`${base}/attestation.json`, 'attestation.json');
    await save(`${base}/attestation.sig`, 'attestation.sig');
    await save('/.well-known/vigie-signing-key.pem', 'key.pem');
    expect(readFileSync(join(work, 'attestation.sig'))).toHaveLength(64);
    const checked = verify();
    expect(checked.stdout + checked.stderr).toMatch(/Signature Verified Successfully/);
    expect(checked.status).toBe(0);
    const json = JSON.parse(readFileSync(join(work, 'attestation.json'), 'utf8'));
    expect(json).toMatchObject({
      status: 'confirmed',
      service: { id: 'impots', url: 'https://www.impots.gouv.fr/' },
      window: { firstFailedCheck: at(40).toISOString(), lastFailedCheck: at(20).toISOString() },
    });
    expect(json.locations.map((l: { id: string; failedChecks: number; outcomes: object }) => [l.id, l.failedChecks, l.outcomes])).toEqual([
      ['lyon', 2, { timeout: 2 }],
      ['paris', 2, { http_5xx: 2 }],
    ]);
    const served = readFileSync(join(work, 'attestation.json'), 'utf8');
    writeFileSync(join(work, 'attestation.json'), served.replace('"lyon"', '"lyom"'));
    expect(verify().status).not.toBe(0);
    // The content is the same whatever the page's language.
    expect(await (await get(`/en/services/impots/attestations/${ids.impots}/attestation.json`)).text()).toBe(served);
  });

  it('keeps its key in the store folder, the same after a restart', async () => {
    const pem = readFileSync(join(data.dir, KEY_FILE), 'utf8');
    expect(pem).toMatch(/BEGIN PRIVATE KEY/);
    const before = await (await get('/.well-known/vigie-signing-key.pem')).text();
    await site.stop();
    site = await startSite(data.env);
    expect(await (await get('/.well-known/vigie-signing-key.pem')).text()).toBe(before);
  });

  it('shows the attestation in both languages, linked from the incident page', async () => {
    const page = await (await get(`/fr/services/impots/attestations/${ids.impots}`)).text();
    expect(page).toContain('Attestation d’indisponibilité');
    expect(page).toContain('lang="en"');
    expect(page).toContain('Attestation of unavailability');
    expect(page).toContain('openssl pkeyutl -verify');
    expect(page).toMatch(/2\u00a0points de mesure \(Lyon et Paris\)/);
    const incident = await (await get(`/fr/incidents/${ids.impots}`)).text();
    expect(incident).toContain(`href="/fr/services/impots/attestations/${ids.impots}"`);
  });

  it('gives none for failures seen only by a probe doubting its network, below the quorum, or for a staff incident', async () => {
    for (const path of [
      `/fr/services/amendes/attestations/${ids.amendes}`,
      `/fr/services/amendes/attestations/${ids.amendes}/attestation.json`,
      `/en/services/douane/attestations/${ids.douane}/attestation.sig`,
      `/fr/services/impots/attestations/${ids.staff}`,
      `/fr/services/amendes/attestations/${ids.impots}`,
    ]) {
      expect((await get(path)).status, path).toBe(404);
    }
    expect(await (await get(`/fr/incidents/${ids.amendes}`)).text()).not.toContain('/attestations/');
  });
});
