import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { addStaff, setTotpSecret } from '../../../src/admin/staff-accounts.ts';
import { newTotpSecret, totpCode } from '../../../src/admin/totp.ts';
import { openStore } from '../../../src/store/open-store.ts';
import type { Store } from '../../../src/store/store.ts';
import { startSite, type RunningSite } from '../../support/site-server.ts';

export const SERVICE_NAME_PAYLOAD = 'caf <img src=x onerror=alert(1)>';

/** Two services; one carries an XSS payload in its name, as a hostile catalogue edit might. */
const CATALOGUE = {
  categories: [{ id: 'social', name: { fr: 'Social', en: 'Social' } }],
  services: [
    { id: 'ameli', name: { fr: 'ameli.fr', en: 'ameli.fr' }, category: 'social', url: 'https://www.ameli.fr/' },
    { id: 'caf', name: { fr: SERVICE_NAME_PAYLOAD, en: SERVICE_NAME_PAYLOAD }, category: 'social', url: 'https://www.caf.fr/' },
  ],
};

export interface StaffMember {
  email: string;
  password: string;
  secret: string;
  /** Last time step used: codes are single-use, so each sign-in needs a newer one. */
  lastStep: number;
}

/** A code the server has not seen yet, within its ±1 step window (waits for the clock if needed). */
export async function nextCode(member: StaffMember): Promise<string> {
  for (;;) {
    const current = Math.floor(Date.now() / 30_000);
    // Never the previous step: the server may already be one step later when it checks.
    const step = Math.max(current, member.lastStep + 1);
    if (step <= current + 1) {
      member.lastStep = step;
      return totpCode(member.secret, new Date(step * 30_000));
    }
    await new Promise((r) => setTimeout(r, (current + 1) * 30_000 - Date.now() + 50));
  }
}

export interface AdminSite {
  site: RunningSite;
  store: Store;
  /** Three enrolled staff members, so tests can sign in several times without waiting for codes. */
  staff: StaffMember[];
  dir: string;
  env: Record<string, string>;
  stop: () => Promise<void>;
}

/** A real built site on a real SQLite file, with staff members enrolled with a second factor. */
export async function startAdminSite(extraEnv: Record<string, string> = {}, catalogue: object = CATALOGUE): Promise<AdminSite> {
  const dir = mkdtempSync(join(tmpdir(), 'vigie-admin-site-'));
  writeFileSync(join(dir, 'services.json'), JSON.stringify(catalogue));
  const env = { DATABASE_URL: join(dir, 'vigie.db'), VIGIE_SERVICES: join(dir, 'services.json'), ...extraEnv };
  const store = await openStore(env.DATABASE_URL);
  const deps = { store, clock: () => new Date(Date.now() - 5000), actor: 'test' };
  const staff: StaffMember[] = [];
  for (const name of ['agent', 'second', 'third']) {
    const member = {
      email: `${name}@example.gouv.fr`,
      password: `lapin vert mange trois carottes ${staff.length + 1}`,
      secret: newTotpSecret(),
      lastStep: 0,
    };
    const added = await addStaff(deps, member.email, member.password);
    if (!added.ok) throw new Error(added.message);
    await setTotpSecret(deps, member.email, member.secret);
    staff.push(member);
  }
  const site = await startSite(env);
  return {
    site,
    store,
    staff,
    dir,
    env,
    stop: async () => {
      await site.stop();
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Posts a form the way a browser on our own pages does (with our Origin). */
export function postForm(
  site: RunningSite,
  path: string,
  fields: Record<string, string>,
  headers: Record<string, string> = {},
): Promise<Response> {
  return fetch(`${site.url}${path}`, {
    method: 'POST',
    body: new URLSearchParams(fields),
    headers: { origin: site.url, ...headers },
    redirect: 'manual',
  });
}

/** Signs in and returns the Cookie header value to send afterwards. */
export async function signIn(site: RunningSite, member: StaffMember, password = member.password): Promise<string> {
  const response = await postForm(site, '/admin/login', { email: member.email, password, code: await nextCode(member) });
  if (response.status !== 303) throw new Error(`sign-in failed with ${response.status}`);
  const cookie = response.headers.getSetCookie().find((c) => c.startsWith('__Host-vigie_session='));
  if (!cookie) throw new Error('no session cookie');
  return cookie.split(';')[0] ?? '';
}
