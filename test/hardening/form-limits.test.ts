import { describe, expect, it } from 'vitest';
import { PASSWORD_MAX_LENGTH } from '../../src/admin/password-policy.ts';
import { bodyCapFor } from '../../src/web/body-caps.ts';
import { countFormFields, readForm, RequestRefused } from '../../src/web/form-input.ts';
import { REQUEST_LIMITS } from '../../src/web/request-limits.ts';

/** Field counting on raw bytes and the per-route caps (pure), before anything parses a body. */
const bytes = (text: string) => new TextEncoder().encode(text);
const URLENCODED = 'application/x-www-form-urlencoded';

describe('counting form fields on the raw body', () => {
  it.each([
    ['', 0],
    ['a=1', 1],
    ['a=1&b=2', 2],
    ['a&'.repeat(262_000), 262_001],
    ['a=&'.repeat(3), 4],
  ])('counts %#', (body, count) => {
    expect(countFormFields(bytes(body), URLENCODED)).toBe(count);
  });

  it('counts multipart parts by their delimiters, quoted boundary or not', () => {
    const body = '--b\r\nContent-Disposition: form-data; name="a"\r\n\r\n1\r\n'.repeat(3) + '--b--\r\n';
    expect(countFormFields(bytes(body), 'multipart/form-data; boundary=b')).toBe(3);
    expect(countFormFields(bytes(body), 'multipart/form-data; boundary="b"')).toBe(3);
  });

  it('refuses a form past the limit without parsing it: a broken multipart body of 1,001 parts is refused, not read as no form', async () => {
    // formData() would throw on the missing closing delimiter, and the old reader answered "no form".
    const body = '--b\r\nContent-Disposition: form-data; name="a"\r\n\r\n\r\n'.repeat(REQUEST_LIMITS.formFields + 2);
    const request = new Request('http://x/', { method: 'POST', body, headers: { 'content-type': 'multipart/form-data; boundary=b' } });
    await expect(readForm(request)).rejects.toBeInstanceOf(RequestRefused);
  });

  it('still reads forms within the limit, both encodings', async () => {
    const urlencoded = new Request('http://x/', {
      method: 'POST',
      body: new URLSearchParams('email=a%40b.fr&services=x&services=y&impact.caf=major'),
    });
    expect(await readForm(urlencoded)).toEqual({ email: 'a@b.fr', services: ['x', 'y'], impacts: { caf: 'major' } });
    const data = new FormData();
    data.set('email', 'a@b.fr');
    expect(await readForm(new Request('http://x/', { method: 'POST', body: data }))).toEqual({
      email: 'a@b.fr',
      services: [],
      impacts: {},
    });
  });
});

describe('body caps per route', () => {
  it.each([
    ['/admin/login', 16 * 1024],
    ['/admin/login/', 16 * 1024],
    ['/admin/%6Cogin', 16 * 1024],
    ['/unsubscribe?t=abc', 2 * 1024],
    ['/fr/abonnement/confirmer', 2 * 1024],
    ['/en/subscribe', 8 * 1024],
    ['/fr/abonnement/gerer?t=x', 8 * 1024],
    ['/admin/incidents/new', REQUEST_LIMITS.bodyBytes],
    ['/%E0%A4%A', REQUEST_LIMITS.bodyBytes],
  ])('%s may carry %i bytes', (target, cap) => {
    expect(bodyCapFor(target)).toBe(cap);
  });

  it('lets the longest password the policy takes through the sign-in cap', () => {
    const longest = new URLSearchParams({
      email: `${'a'.repeat(243)}@example.fr`,
      password: '😀'.repeat(PASSWORD_MAX_LENGTH),
      code: '123456',
    });
    expect(Buffer.byteLength(longest.toString())).toBeLessThanOrEqual(bodyCapFor('/admin/login'));
  });
});
