import { describe, expect, it } from 'vitest';
import { CURRENT_SCRYPT, hashPassword, needsRehash, verifyPassword } from '../../src/admin/password.ts';

const FAST = { ln: 10, r: 8, p: 1 };

describe('password hashing', () => {
  it('uses scrypt at OWASP parameters and records them in the hash', async () => {
    expect(CURRENT_SCRYPT).toEqual({ ln: 17, r: 8, p: 1 });
    const hash = await hashPassword('lapin vert mange trois carottes');
    expect(hash).toMatch(/^\$scrypt\$ln=17,r=8,p=1\$[A-Za-z0-9+/]{22}\$[A-Za-z0-9+/]{43}$/);
    expect(await verifyPassword('lapin vert mange trois carottes', hash)).toBe(true);
    expect(await verifyPassword('lapin vert mange trois carotte', hash)).toBe(false);
    expect(needsRehash(hash)).toBe(false);
  });

  it('salts every hash', async () => {
    const [a, b] = await Promise.all([hashPassword('same password here', FAST), hashPassword('same password here', FAST)]);
    expect(a).not.toBe(b);
  });

  it('asks for a rehash when the parameters are weaker than the current ones', async () => {
    const old = await hashPassword('lapin vert mange trois carottes', FAST);
    expect(needsRehash(old)).toBe(true);
    expect(needsRehash(old, FAST)).toBe(false);
    expect(await verifyPassword('lapin vert mange trois carottes', old)).toBe(true);
  });

  it('treats Unicode forms of the same text as the same password', async () => {
    const hash = await hashPassword('caf\u00e9 au lait sans sucre', FAST);
    expect(await verifyPassword('cafe\u0301 au lait sans sucre', hash)).toBe(true);
  });

  it.each(['', 'plain', '$scrypt$ln=99,r=8,p=1$AAAA$BBBB', '$argon2id$v=19$m=1,t=1,p=1$AAAA$BBBB'])(
    'verifies nothing against a malformed stored hash %j',
    async (stored) => {
      expect(await verifyPassword('anything at all really', stored)).toBe(false);
      expect(needsRehash(stored)).toBe(true);
    },
  );
});
