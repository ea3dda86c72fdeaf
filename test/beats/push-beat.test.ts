import { afterEach, describe, expect, it } from 'vitest';
import { beatTokens } from '../../src/beats/beat-tokens.ts';
import { createBeatPush, PUSHES_PER_MINUTE } from '../../src/beats/push-beat.ts';
import { createWindowLimiter } from '../../src/beats/window-limiter.ts';
import type { Store } from '../../src/store/store.ts';
import { tempStore } from '../admin/support/temp-store.ts';
import { catalogue, service } from '../probe/support/catalogue.ts';

const beat = (id: string, tokenEnv: string) =>
  service(id, `https://${id}.example.gouv.fr/`, { check: { kind: 'heartbeat', tokenEnv, interval: 600, grace: 60 } });
const CATALOGUE = catalogue([
  beat('paie', 'BEAT_PAIE'),
  beat('actu', 'BEAT_ACTU'),
  beat('oubli', 'BEAT_OUBLI'),
  service('web', 'https://web.example.gouv.fr/'),
]);
const PAIE = 'p'.repeat(32);
const ACTU = 'a'.repeat(48);

describe('heartbeat tokens', () => {
  it('finds the service a token belongs to, and none for any other text', () => {
    const tokens = beatTokens(CATALOGUE, { BEAT_PAIE: PAIE, BEAT_ACTU: ` ${ACTU}\n` });
    expect(tokens.serviceFor(PAIE)).toBe('paie');
    expect(tokens.serviceFor(ACTU)).toBe('actu');
    expect(tokens.serviceFor(PAIE.slice(1))).toBeNull();
    expect(tokens.serviceFor('')).toBeNull();
  });

  it('refuses pushes for a variable unset or too short, and says where to fix it', () => {
    const tokens = beatTokens(CATALOGUE, { BEAT_PAIE: 'short', BEAT_ACTU: ACTU });
    expect(tokens.serviceFor('short')).toBeNull();
    expect(tokens.problems).toEqual([
      'services[0].check.tokenEnv: the environment variable BEAT_PAIE is shorter than 32 characters: heartbeats of "paie" are refused',
      'services[2].check.tokenEnv: the environment variable BEAT_OUBLI is not set: heartbeats of "oubli" are refused',
    ]);
  });
});

describe('the window limiter', () => {
  it('lets `limit` events per key through each window, then starts again', () => {
    let now = 0;
    const limiter = createWindowLimiter({ limit: 2, windowMs: 1000, now: () => now });
    expect([limiter.allow('a'), limiter.allow('a'), limiter.allow('a'), limiter.allow('b')]).toEqual([true, true, false, true]);
    now = 1000;
    expect(limiter.allow('a')).toBe(true);
  });
});

describe('pushing a heartbeat', () => {
  let dispose: (() => Promise<void>) | undefined;
  afterEach(() => dispose?.());

  async function pushWith(store: Pick<Store, 'recordServiceBeat'>) {
    const errors: unknown[] = [];
    const push = createBeatPush({
      tokens: beatTokens(CATALOGUE, { BEAT_PAIE: PAIE }),
      store,
      limiter: createWindowLimiter({ limit: PUSHES_PER_MINUTE, windowMs: 60_000, now: () => 0 }),
      now: () => new Date('2026-03-10T10:00:00Z'),
      onError: (error) => errors.push(error),
    });
    return { push, errors };
  }

  it('stores the beat of the service whose token was pushed', async () => {
    const opened = await tempStore();
    dispose = opened.dispose;
    const { push } = await pushWith(opened.store);
    expect(await push(PAIE, '192.0.2.1')).toBe('recorded');
    expect(await opened.store.lastServiceBeat('paie')).toEqual(new Date('2026-03-10T10:00:00Z'));
    expect(await push('x'.repeat(600), '192.0.2.1')).toBe('unknown');
  });

  it('counts guesses and pushes alike per client, an IPv6 /64 as one client', async () => {
    const { push } = await pushWith({ recordServiceBeat: async () => undefined });
    for (let i = 0; i < PUSHES_PER_MINUTE; i++) await push(`guess-${i}`, `2001:db8:1:2::${i.toString(16)}`);
    expect(await push(PAIE, '2001:db8:1:2::ffff')).toBe('too_many');
    expect(await push(PAIE, '2001:db8:1:3::1')).toBe('recorded');
  });

  it('answers "unavailable" and counts the error when the store refuses the beat', async () => {
    const { push, errors } = await pushWith({ recordServiceBeat: () => Promise.reject(new Error('database is locked')) });
    expect(await push(PAIE, '192.0.2.1')).toBe('unavailable');
    expect(errors).toHaveLength(1);
  });
});
