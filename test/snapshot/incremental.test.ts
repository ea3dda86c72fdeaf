import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ServiceState } from '../../src/domain/vocabulary.ts';
import type { Incident, Maintenance } from '../../src/domain/incident-records.ts';
import { loopbackOrigin } from '../../src/snapshot/origin.ts';
import { publishSnapshot, type PublishOptions } from '../../src/snapshot/publish.ts';
import { recordServiceState, seedSite, type SeededSite } from '../support/seed-site.ts';
import { startSite, testBuildDir, type RunningSite } from '../support/site-server.ts';

/**
 * Incremental publication against the real site on a frozen clock: after each random change of
 * states, incidents and maintenance, the copy built on the previous one equals a full publication
 * of the same data at the same instant, file for file and byte for byte, but for the generation
 * time; and every precompressed sibling holds its file's bytes (a write through a hard link would
 * have changed an older copy's file instead).
 */
const SERVICES = 6;
const STEPS = 8;
let seeded: SeededSite;
let site: RunningSite;
let dir: string;
/** The site's frozen instant: every publication and every change is made at it. */
let siteNow: number;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'vigie-incremental-'));
  seeded = await seedSite({ services: SERVICES, days: 3, now: new Date() });
  site = await startSite({ ...seeded.env, VIGIE_PUBLIC_URL: 'https://vigie.example.fr' }, { clockControl: true, frozenClock: true });
  siteNow = Date.parse((await fetch(`${site.url}/fr/`)).headers.get('date')!);
});

afterAll(async () => {
  await site?.stop();
  await seeded?.cleanup();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/** mulberry32: a seeded sequence, so a failing run can be replayed from its seed. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function files(root: string): Map<string, Buffer> {
  const found = new Map<string, Buffer>();
  for (const entry of readdirSync(root, { recursive: true, withFileTypes: true })) {
    if (entry.isFile()) found.set(relative(root, join(entry.parentPath, entry.name)), readFileSync(join(entry.parentPath, entry.name)));
  }
  return found;
}

const NOTICE = /<p class="snapshot-notice[^>]*>.*?<\/p>/s;
const withoutGenerationTime = (file: string, body: Buffer) => (file.endsWith('.html') ? body.toString('utf8').replace(NOTICE, '') : body);

function expectSameCopy(incremental: string, full: string, step: string): void {
  const a = files(incremental);
  const b = files(full);
  expect([...a.keys()].sort(), step).toEqual([...b.keys()].sort());
  for (const [file, body] of a) {
    if (file.endsWith('.gz') || file.endsWith('.br')) continue;
    expect(withoutGenerationTime(file, body), `${step}: ${file}`).toEqual(withoutGenerationTime(file, b.get(file)!));
    if (a.has(`${file}.gz`)) {
      expect(gunzipSync(a.get(`${file}.gz`)!).equals(body), `${step}: ${file}.gz`).toBe(true);
      expect(brotliDecompressSync(a.get(`${file}.br`)!).equals(body), `${step}: ${file}.br`).toBe(true);
    }
  }
}

describe('incremental publication of the static copy', () => {
  it('equals a full publication of the same data after every random change', async () => {
    const seed = Number(process.env.VIGIE_TEST_SEED ?? Date.now() % 100_000);
    const next = random(seed);
    const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)]!;
    const options = (to: string, full: boolean): PublishOptions => ({
      dir: join(dir, to),
      fetchPath: loopbackOrigin(site.url),
      clientDir: `${testBuildDir}/client`,
      serviceIds: seeded.serviceIds,
      publicUrl: 'https://vigie.example.fr',
      now: () => new Date(siteNow),
      full,
    });
    await publishSnapshot(options('incremental', false));
    const incidents: Incident[] = [];
    const maintenances: Maintenance[] = [];
    let reused = 0;
    const states = new Map<string, ServiceState>(seeded.serviceIds.map((id) => [id, 'operational']));
    for (let step = 0; step < STEPS; step++) {
      const at = new Date(siteNow - 60_000);
      const service = pick(seeded.serviceIds);
      const open = incidents.filter((i) => i.status !== 'resolved');
      const kind = pick(['state', 'state', 'incident', 'update', 'maintenance', 'cancel'] as const);
      let change: string;
      if (kind === 'state' || (kind === 'update' && open.length === 0) || (kind === 'cancel' && maintenances.length === 0)) {
        // A state change: another state than the service's (a check that changes nothing public publishes nothing).
        const state = pick((['operational', 'degraded', 'down'] as const).filter((s) => s !== states.get(service)));
        states.set(service, state);
        await recordServiceState(seeded.store, service, state, at);
        change = `${service} ${state}`;
      } else if (kind === 'incident') {
        const affected = [service, pick(seeded.serviceIds)].filter((id, i, all) => all.indexOf(id) === i);
        incidents.push(
          await seeded.store.createIncident({
            title: { fr: `Incident ${step}`, en: `Incident ${step}` },
            status: 'investigating',
            affected: affected.map((serviceId) => ({ serviceId, impact: pick(['degraded', 'partial', 'major'] as const) })),
            body: { fr: 'Analyse en cours.', en: 'Investigating.' },
            author: 'agent@example.gouv.fr',
            at,
          }),
        );
        change = `incident on ${affected.join(', ')}`;
      } else if (kind === 'update') {
        const incident = pick(open);
        const status = pick(['identified', 'monitoring', 'resolved'] as const);
        incidents[incidents.indexOf(incident)] = await seeded.store.addIncidentUpdate(incident.id, {
          status,
          body: { fr: `Étape ${step}.`, en: `Step ${step}.` },
          author: 'agent@example.gouv.fr',
          at,
          ...(next() < 0.5 ? { affected: [{ serviceId: service, impact: 'partial' as const }] } : {}),
        });
        change = `incident ${incident.id} ${status}`;
      } else if (kind === 'maintenance') {
        const startsAt = new Date(siteNow + (next() < 0.5 ? -600_000 : 3_600_000));
        maintenances.push(
          await seeded.store.createMaintenance({
            title: { fr: `Maintenance ${step}`, en: `Maintenance ${step}` },
            body: { fr: 'Mise à jour.', en: 'Upgrade.' },
            serviceIds: [service],
            startsAt,
            endsAt: new Date(startsAt.getTime() + 7_200_000),
            author: 'agent@example.gouv.fr',
            at,
          }),
        );
        change = `maintenance on ${service}`;
      } else {
        const maintenance = maintenances.splice(Math.floor(next() * maintenances.length), 1)[0]!;
        await seeded.store.cancelMaintenance(maintenance.id, at);
        change = `maintenance ${maintenance.id} cancelled`;
      }
      // The site reads the data version again once its poll interval has passed: its clock goes
      // past it for that read, then back, so every publication renders at the same instant.
      await site.advanceClock(5_000);
      await (await fetch(`${site.url}/api/v2/status.json`)).arrayBuffer();
      await site.advanceClock(-5_000);
      const incremental = await publishSnapshot(options('incremental', false));
      const full = await publishSnapshot(options(`full-${step}`, true));
      reused += incremental.files - incremental.rendered;
      expectSameCopy(incremental.folder, full.folder, `seed ${seed}, step ${step} (${change})`);
    }
    // The sequence did exercise the links: files of services left alone came from the copy before.
    expect(reused).toBeGreaterThan(0);
  }, 300_000);
});
