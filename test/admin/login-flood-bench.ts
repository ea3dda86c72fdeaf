import { startAdminSite, nextCode, type AdminSite } from './support/admin-site.ts';

/**
 * `node test/admin/login-flood-bench.ts`: how long a real staff sign-in takes while the login form
 * is flooded from many addresses (X-Forwarded-For through a trusted proxy), first with random
 * accounts, then with wrong passwords for the staff member's own account. Prints figures only.
 */
const FLOOD_CONCURRENCY = 40;
const FLOOD_SECONDS = 12;

async function flood(admin: AdminSite, target: () => string, stop: { done: boolean }): Promise<number> {
  let sent = 0;
  const worker = async () => {
    while (!stop.done) {
      const address = `198.18.${Math.floor(Math.random() * 255)}.${Math.floor(Math.random() * 255)}`;
      await fetch(`${admin.site.url}/admin/login`, {
        method: 'POST',
        headers: { origin: admin.site.url, 'x-forwarded-for': address },
        body: new URLSearchParams({ email: target(), password: `wrong password ${Math.random()}`, code: '123456' }),
        redirect: 'manual',
      }).then((r) => r.arrayBuffer());
      sent++;
    }
  };
  await Promise.all(Array.from({ length: FLOOD_CONCURRENCY }, worker));
  return sent;
}

async function timedSignIn(admin: AdminSite, index: number): Promise<{ ms: number; status: number }> {
  const member = admin.staff[index % admin.staff.length]!;
  const started = performance.now();
  const response = await fetch(`${admin.site.url}/admin/login`, {
    method: 'POST',
    headers: { origin: admin.site.url, 'x-forwarded-for': '203.0.113.10' },
    body: new URLSearchParams({ email: member.email, password: member.password, code: await nextCode(member) }),
    redirect: 'manual',
  });
  await response.arrayBuffer();
  return { ms: Math.round(performance.now() - started), status: response.status };
}

async function scenario(admin: AdminSite, label: string, target: () => string): Promise<void> {
  const stop = { done: false };
  const flooding = flood(admin, target, stop);
  await new Promise((r) => setTimeout(r, 2000));
  const samples: { ms: number; status: number }[] = [];
  for (let i = 0; i < 3; i++) samples.push(await timedSignIn(admin, i));
  await new Promise((r) => setTimeout(r, (FLOOD_SECONDS - 2) * 1000));
  stop.done = true;
  const sent = await flooding;
  console.log(
    `${label}: ${sent} hostile attempts in ~${FLOOD_SECONDS}s+; staff sign-ins: ${samples.map((s) => `${s.status} in ${s.ms} ms`).join(', ')}`,
  );
}

const admin = await startAdminSite({ VIGIE_TRUSTED_PROXIES: '127.0.0.1' });
try {
  // Each staff member has signed in from their usual address before the attack starts.
  const quiet = [await timedSignIn(admin, 0), await timedSignIn(admin, 1), await timedSignIn(admin, 2)];
  console.log(`quiet: staff sign-ins ${quiet.map((s) => `${s.status} in ${s.ms} ms`).join(', ')}`);
  await scenario(admin, 'flood of random accounts from many addresses', () => `nobody${Math.random()}@example.org`);
  await scenario(admin, 'flood on the staff account itself from many addresses', () => admin.staff[0]!.email);
} finally {
  await admin.stop();
}
