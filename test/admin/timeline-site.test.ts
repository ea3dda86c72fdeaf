import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Store } from '../../src/store/store.ts';
import { serviceTracking, checkResult } from '../support/records.ts';
import { signIn, startAdminSite, type AdminSite } from './support/admin-site.ts';

const MIN = 60_000;

/** Stores an outage of ameli at `paris` and its automatic incident, and one staff action, all in the past hour. */
async function seedWave(store: Store, t0: Date): Promise<void> {
  const at = (minutes: number) => new Date(t0.getTime() + minutes * MIN);
  const record = (minute: number, state: 'operational' | 'down', since: number) =>
    store.recordCheck({
      result: checkResult({ serviceId: 'ameli', startedAt: at(minute), outcome: state === 'down' ? 'http_5xx' : 'ok' }),
      tracking: serviceTracking({ serviceId: 'ameli', state, since: at(since), lastCheckedAt: at(minute) }),
      rollups: [],
      event: null,
    });
  await record(0, 'operational', 0);
  await record(5, 'down', 3);
  await store.audited(
    (s) =>
      s.createIncident({
        title: { fr: 'ameli.fr inaccessible', en: 'ameli.fr unreachable' },
        status: 'investigating',
        affected: [{ serviceId: 'ameli', impact: 'major' }],
        body: { fr: 'Nous enquêtons.', en: 'We are looking into it.' },
        author: 'agent@example.gouv.fr',
        at: at(6),
      }),
    (incident) => ({
      at: at(6),
      actor: 'agent@example.gouv.fr',
      ip: '192.0.2.7',
      action: 'incident.created',
      target: incident.id,
      before: null,
      after: null,
    }),
  );
  await record(20, 'operational', 20);
}

describe('GET /data/timeline.csv and .json on the built site', () => {
  let admin: AdminSite;
  let staffOnly: AdminSite;
  const t0 = new Date(Math.floor((Date.now() - 60 * MIN) / MIN) * MIN);
  const range = `from=${encodeURIComponent(new Date(t0.getTime() - MIN).toISOString())}&to=${encodeURIComponent(new Date(t0.getTime() + 30 * MIN).toISOString())}`;

  beforeAll(async () => {
    [admin, staffOnly] = await Promise.all([startAdminSite(), startAdminSite({ VIGIE_TIMELINE: 'staff' })]);
    await seedWave(admin.store, t0);
    await seedWave(staffOnly.store, t0);
  });
  afterAll(async () => {
    await admin?.stop();
    await staffOnly?.stop();
  });

  const get = (site: AdminSite, path: string, cookie?: string) =>
    fetch(`${site.site.url}${path}`, cookie ? { headers: { cookie } } : {}).then(async (r) => ({
      status: r.status,
      type: r.headers.get('content-type'),
      body: await r.text(),
    }));

  it('gives every state change and published notice to anyone, the same bytes each time, and no staff action', async () => {
    const first = await get(admin, `/data/timeline.csv?${range}`);
    const second = await get(admin, `/data/timeline.csv?${range}`);
    expect(first.status).toBe(200);
    expect(first.type).toContain('text/csv');
    expect(second.body).toBe(first.body);
    const lines = first.body.trim().split('\r\n');
    expect(lines.map((l) => l.split(',').slice(1, 6).join(','))).toEqual([
      'event,service,location,from,to',
      'state_change,ameli,paris,unknown,operational',
      'state_change,ameli,paris,operational,down',
      'incident_update,,,,',
      'state_change,ameli,paris,down,operational',
    ]);
    expect(first.body).not.toMatch(/staff_action|agent@|192\.0\.2\.7/);
    const json = await get(admin, `/data/timeline.json?${range}`);
    expect(json.type).toContain('application/json');
    expect((await get(admin, `/data/timeline.json?${range}`)).body).toBe(json.body);
    expect((JSON.parse(json.body) as { events: unknown[] }).events).toHaveLength(4);
  });

  it('adds staff actions, without who or from where, for signed-in staff', async () => {
    const cookie = await signIn(admin.site, admin.staff[0]!);
    const csv = await get(admin, `/data/timeline.csv?${range}`, cookie);
    expect(csv.body).toMatch(/,staff_action,.*,incident\.created,/);
    expect(csv.body).not.toMatch(/agent@|192\.0\.2\.7/);
  });

  it('answers a bad query with a 400 that names the parameter', async () => {
    const bad = await get(admin, '/data/timeline.csv?from=hier');
    expect(bad.status).toBe(400);
    expect(bad.body).toContain('from: must be an ISO 8601 date and time');
    expect((await get(admin, '/data/timeline.json')).body).toContain('from: is required');
  });

  it('is for signed-in staff only when the setting says so', async () => {
    expect((await get(staffOnly, `/data/timeline.csv?${range}`)).status).toBe(401);
    const cookie = await signIn(staffOnly.site, staffOnly.staff[0]!);
    const csv = await get(staffOnly, `/data/timeline.csv?${range}`, cookie);
    expect(csv.status).toBe(200);
    expect(csv.body).toContain('incident.created');
  });
});
