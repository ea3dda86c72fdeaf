import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REQUEST_LIMITS } from '../../src/web/request-limits.ts';
import { LINGER } from '../../src/web/refuse-request.ts';
import { startAdminSite, type AdminSite } from '../admin/support/admin-site.ts';
import { startSmtpSink, type SmtpSink } from '../notify/support/smtp-sink.ts';

/**
 * The site's limits over real sockets: each refusal comes before the request is buffered or routed,
 * with its status and a message in both languages.
 */
let admin: AdminSite;
let sink: SmtpSink;
beforeAll(async () => {
  // With mail configured, so the public subscription forms read what is posted to them.
  sink = await startSmtpSink();
  admin = await startAdminSite({ VIGIE_SMTP_URL: sink.url, VIGIE_MAIL_FROM: 'Vigie <vigie@example.test>' });
});
afterAll(async () => {
  await admin?.stop();
  await sink?.close();
});

/** Sends raw bytes and resolves with what the server answered once it closed or answered in full. */
function raw(request: string): Promise<string> {
  const { port } = new URL(admin.site.url);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), '127.0.0.1', () => socket.write(request));
    let answer = '';
    socket.setEncoding('utf8');
    socket.on('data', (chunk) => {
      answer += chunk;
      if (/\r\n\r\n[\s\S]*\n[\s\S]*\n$/.test(answer)) socket.end();
    });
    socket.on('close', () => resolve(answer));
    socket.on('error', reject);
  });
}

const statusOf = (answer: string) => Number(/^HTTP\/1\.1 (\d{3})/.exec(answer)?.[1]);

describe('request limits of the site', () => {
  it('answers a 16 KB path of slashes with 414, in both languages', async () => {
    const response = await fetch(`${admin.site.url}/fr${'/'.repeat(16_000)}`);
    expect(response.status).toBe(414);
    const text = await response.text();
    expect(text).toContain('Adresse trop longue');
    expect(text).toContain('Address too long');
  });

  it('refuses a 300 MB sign-in post from its Content-Length alone, before a byte of the body is sent', async () => {
    const answer = await raw(
      `POST /admin/login HTTP/1.1\r\nHost: x\r\nOrigin: ${admin.site.url}\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: ${300 * 1024 * 1024}\r\n\r\n`,
    );
    expect(statusOf(answer)).toBe(413);
    expect(answer).toContain('Envoi trop volumineux');
    expect(answer).toContain('Request too large');
  });

  it('asks for a length (411) when a body comes without one, so it cannot be bounded only by reading it', async () => {
    const answer = await raw(`POST /admin/login HTTP/1.1\r\nHost: x\r\nOrigin: ${admin.site.url}\r\nTransfer-Encoding: chunked\r\n\r\n`);
    expect(statusOf(answer)).toBe(411);
  });

  it('answers headers past the limit with 431, in both languages', async () => {
    const answer = await raw(`GET /fr/ HTTP/1.1\r\nHost: x\r\nX-Big: ${'a'.repeat(REQUEST_LIMITS.headerBytes + 1)}\r\n\r\n`);
    expect(statusOf(answer)).toBe(431);
    expect(answer).toContain('En-têtes de requête trop volumineux');
  });

  it.each(['/fr/incidents/%00', '/admin/incidents/%00', '/fr/services/a%00b', '/badge/x%00.svg'])(
    'answers %s with 400, never a 5xx',
    async (path) => {
      expect((await fetch(`${admin.site.url}${path}`)).status).toBe(400);
    },
  );

  it('reads a NUL in a query value like any other unreadable value', async () => {
    expect((await fetch(`${admin.site.url}/api/v2/summary.json?lang=%00`)).status).toBe(200);
    expect((await fetch(`${admin.site.url}/fr/incidents?page=%00`)).status).toBe(404);
  });

  it('answers a form with too many fields with 413', async () => {
    const fields = new URLSearchParams();
    for (let i = 0; i <= REQUEST_LIMITS.formFields; i++) fields.append(`f${i}`, '1');
    const response = await fetch(`${admin.site.url}/admin/login`, {
      method: 'POST',
      body: fields,
      headers: { origin: admin.site.url },
      redirect: 'manual',
    });
    expect(response.status).toBe(413);
    expect(await response.text()).toContain('Form too long');
  });

  const PUBLIC_FORMS = [
    '/admin/login',
    '/fr/abonnement',
    '/fr/abonnement/confirmer',
    '/fr/abonnement/gerer',
    '/en/subscribe',
    '/en/subscribe/confirm',
    '/en/subscribe/manage',
    '/unsubscribe',
  ];
  const post = (path: string, body: string, type = 'application/x-www-form-urlencoded') =>
    fetch(`${admin.site.url}${path}`, {
      method: 'POST',
      body,
      headers: { origin: admin.site.url, 'content-type': type },
      redirect: 'manual',
    });

  // The one-click endpoint reads no field: its token is in its address.
  it.each(PUBLIC_FORMS.filter((path) => path !== '/unsubscribe'))(
    'answers %s with 1,001 fields within its size with 413, in both languages, never a 500',
    async (path) => {
      // One-letter fields, so even the smallest cap holds them all: only their number is refused.
      const response = await post(path, Array.from({ length: REQUEST_LIMITS.formFields + 1 }, () => 'f').join('&'));
      expect(response.status).toBe(413);
      const text = await response.text();
      expect(text).toContain('Formulaire trop long');
      expect(text).toContain('Form too long');
    },
  );

  it.each(PUBLIC_FORMS)('refuses the review’s 524 KB `a&` body to %s from its length, before reading it', async (path) => {
    const answer = await raw(
      `POST ${path} HTTP/1.1\r\nHost: x\r\nOrigin: ${admin.site.url}\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: 524000\r\n\r\n`,
    );
    expect(statusOf(answer)).toBe(413);
    expect(answer).toContain('Envoi trop volumineux');
    expect(answer).not.toContain('512');
  });

  it.each(['/fr/abonnement', '/fr/abonnement/gerer'])('answers %s with 413 for 11,000 empty multipart parts, never a 500', async (path) => {
    const boundary = 'x';
    const body = `${'--x\r\nContent-Disposition: form-data; name="a"\r\n\r\n\r\n'.repeat(11_000)}--x--\r\n`;
    const response = await post(path, body, `multipart/form-data; boundary=${boundary}`);
    expect(response.status).toBe(413);
  });

  /**
   * Posts `body` under a length past the route's cap, reads nothing for `pauseMs`, then everything
   * until the connection closes; a trickling client then sends a kilobyte more every 200 ms.
   */
  function refusedWhileSending(path: string, options: { declared: number; body: Buffer; pauseMs?: number; trickle?: boolean }) {
    const { port } = new URL(admin.site.url);
    return new Promise<{ answer: string; error: string | null; closedAfterMs: number }>((resolve) => {
      const started = Date.now();
      let answer = '';
      let error: string | null = null;
      let trickling: NodeJS.Timeout | undefined;
      // Half-open allowed, as a client that goes on sending after the server's end.
      const socket = connect({ port: Number(port), host: '127.0.0.1', allowHalfOpen: true }, () => {
        socket.pause();
        socket.write(
          `POST ${path} HTTP/1.1\r\nHost: x\r\nOrigin: ${admin.site.url}\r\nContent-Type: application/x-www-form-urlencoded\r\n`,
        );
        socket.write(`Content-Length: ${options.declared}\r\n\r\n`);
        socket.write(options.body, () => undefined);
        if (options.trickle) trickling = setInterval(() => socket.write(Buffer.alloc(1024, 'a'), () => undefined), 200);
        setTimeout(() => socket.resume(), options.pauseMs ?? 0);
      });
      socket.setEncoding('utf8');
      socket.on('data', (chunk: string) => (answer += chunk));
      socket.on('end', () => options.trickle || socket.end());
      socket.on('error', (e: NodeJS.ErrnoException) => (error = e.code ?? e.message));
      socket.on('close', () => {
        clearInterval(trickling);
        resolve({ answer, error, closedAfterMs: Date.now() - started });
      });
    });
  }

  // Closing a connection with bytes of it unread makes the kernel reset it, and a reset makes the
  // client drop what it had not read yet: the 413 page lost, a browser showing "connection reset".
  it('lets a client still sending a refused body read its 413 (lingering close), not a reset', async () => {
    const body = Buffer.alloc(600_000, 'a');
    const { answer, error } = await refusedWhileSending('/unsubscribe?t=x', { declared: body.length, body, pauseMs: 500 });
    expect(error).toBeNull();
    expect(statusOf(answer)).toBe(413);
    expect(answer).toContain('Request too large');
  });

  it('reads little of a refused body: a client that declares 300 MB and sends fast stalls, then is cut', async () => {
    // More than the kernel's buffers hold on loopback: without the bound the server would read it all.
    const body = Buffer.alloc(48 * 1024 * 1024, 'a');
    const { answer, error, closedAfterMs } = await refusedWhileSending('/fr/abonnement', { declared: 300 * 1024 * 1024, body });
    expect(statusOf(answer)).toBe(413);
    // Its sending stalled once the server stopped reading, until the lingering time ran out.
    expect(['ECONNRESET', 'EPIPE']).toContain(error);
    expect(closedAfterMs).toBeGreaterThanOrEqual(LINGER.ms - 100);
  });

  it('reads a refused body for a short while only: a client that trickles it is cut', async () => {
    const { answer, closedAfterMs } = await refusedWhileSending('/fr/abonnement', {
      declared: 300 * 1024 * 1024,
      body: Buffer.alloc(10_000, 'a'),
      trickle: true,
    });
    expect(statusOf(answer)).toBe(413);
    expect(closedAfterMs).toBeGreaterThanOrEqual(LINGER.ms - 100);
    // A generous bound: Node's own request timeout would have cut it only after 30 s.
    expect(closedAfterMs).toBeLessThan(20_000);
  });

  // Bounded by the test's own limit: with Node's default check (every 30 s) it stayed open past it.
  it('cuts a client that never finishes its headers within seconds of the headers timeout', { timeout: 25_000 }, async () => {
    const socket = connect(Number(new URL(admin.site.url).port), '127.0.0.1', () => socket.write('GET /fr/ HTTP/1.1\r\nHost: x\r\n'));
    socket.on('error', () => undefined);
    socket.resume();
    await new Promise((resolve) => socket.on('close', resolve));
  });

  it('shows in /healthz where the site stands against the hourly cap on confirmation emails', async () => {
    const health = (await (await fetch(`${admin.site.url}/healthz`)).json()) as {
      confirmationEmails: { cap: number; capReached: boolean };
    };
    expect(health.confirmationEmails).toMatchObject({ cap: 300, capReached: false });
  });

  it('has no image-transforming endpoint: /_image is a plain 404 that logs nothing (security review F8)', async () => {
    for (const query of ['href=/favicon.svg&w=100&f=png', 'href=https://example.org/x.png&w=10'])
      expect((await fetch(`${admin.site.url}/_image?${query}`)).status).toBe(404);
    expect(admin.site.output()).not.toMatch(/Could not process image|\[ERROR\]/);
  });

  it('logs no error for sign-in posts whose clients hang up at once (security review F10)', async () => {
    const body = 'email=a%40b.fr&password=x&code=1';
    for (let i = 0; i < 10; i++) {
      const { port } = new URL(admin.site.url);
      // Half-open allowed, as a client that goes on sending after the server's end.
      const socket = connect({ port: Number(port), host: '127.0.0.1', allowHalfOpen: true }, () => {
        socket.write(
          `POST /admin/login HTTP/1.1\r\nHost: x\r\nOrigin: ${admin.site.url}\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: ${body.length}\r\n\r\n${body}`,
        );
        socket.destroy();
      });
      await new Promise((resolve) => socket.on('close', resolve));
    }
    // A request after them is handled after them, on the same single-threaded server.
    expect((await fetch(`${admin.site.url}/admin/login`)).status).toBe(200);
    expect(admin.site.output()).not.toContain('ClientAddressNotAvailable');
  });

  it('leads a browser opening the one-click address to the manage page, never a 404, unsubscribing nobody', async () => {
    // A token of no subscriber: the manage page in French, which says the link expired (410).
    // With a subscriber's token it is their manage page, whose button unsubscribes (the journey test).
    const opened = await fetch(`${admin.site.url}/unsubscribe?t=nope`, { redirect: 'manual' });
    expect(opened.status).toBe(303);
    expect(opened.headers.get('location')).toBe('/fr/abonnement/gerer?t=nope');
    expect((await fetch(`${admin.site.url}/unsubscribe?t=nope`, { method: 'HEAD', redirect: 'manual' })).status).toBe(303);
    const page = await fetch(`${admin.site.url}${opened.headers.get('location')}`);
    expect(page.status).toBe(410);
    expect(await page.text()).toContain('<h1>');
  });

  it.each(['/fr/', '/en/incidents', '/fr/nope', '/admin/login'])('says the charset of %s in its Content-Type', async (path) => {
    expect((await fetch(`${admin.site.url}${path}`)).headers.get('content-type')).toBe('text/html; charset=utf-8');
  });

  it('signs nobody in with a NUL in the email, and answers 401', async () => {
    const member = admin.staff[2]!;
    const response = await fetch(`${admin.site.url}/admin/login`, {
      method: 'POST',
      body: new URLSearchParams({ email: `${member.email}\0`, password: 'wrong password abcdefgh', code: '000000' }),
      headers: { origin: admin.site.url },
      redirect: 'manual',
    });
    expect(response.status).toBe(401);
  });
});
