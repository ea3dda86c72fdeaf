import { describe, expect, it } from 'vitest';
import { loadSettings, SettingsError } from '../../src/config/settings.ts';

function problemsOf(env: Record<string, string>): string[] {
  try {
    loadSettings(env);
  } catch (error) {
    if (error instanceof SettingsError) return error.problems;
    throw error;
  }
  throw new Error('the settings were accepted');
}

describe('loadSettings', () => {
  it('has a default for everything, and derives the public URL from host and port', () => {
    expect(loadSettings({})).toMatchObject({
      DATABASE_URL: './data/vigie.db',
      VIGIE_SERVICES: './services.json',
      PORT: 4321,
      PROBE_PORT: 4322,
      HOST: '127.0.0.1',
      VIGIE_PUBLIC_URL: 'http://127.0.0.1:4321',
    });
    expect(loadSettings({ HOST: '::', PORT: '8080' }).VIGIE_PUBLIC_URL).toBe('http://localhost:8080');
    expect(loadSettings({ VIGIE_PUBLIC_URL: 'https://statut.example.fr/' }).VIGIE_PUBLIC_URL).toBe('https://statut.example.fr');
  });

  it('names the variable in each problem and lists them all', () => {
    const problems = problemsOf({ PORT: 'eighty', PROBE_PORT: '70000', VIGIE_PUBLIC_URL: 'ftp://statut.example.fr', VIGIE_SERVICES: '' });
    expect(problems.map((p) => p.split(':')[0]).sort()).toEqual(['PORT', 'PROBE_PORT', 'VIGIE_PUBLIC_URL', 'VIGIE_SERVICES']);
  });

  it('reads the default delays of the next incident update by impact, and the crisis threshold', () => {
    expect(loadSettings({}).VIGIE_NEXT_UPDATE_MINUTES).toEqual({ major: 60, partial: 120, degraded: 240 });
    expect(loadSettings({ VIGIE_NEXT_UPDATE_MINUTES: 'major=30, degraded=480' }).VIGIE_NEXT_UPDATE_MINUTES).toEqual({
      major: 30,
      partial: 120,
      degraded: 480,
    });
    expect(problemsOf({ VIGIE_NEXT_UPDATE_MINUTES: 'critical=10' })).toEqual([
      'VIGIE_NEXT_UPDATE_MINUTES: "critical=10": write impact=minutes, with impact one of degraded, partial, major, e.g. "major=60,partial=120"',
    ]);
    expect(loadSettings({}).VIGIE_CRISIS_THRESHOLD).toBe(3);
    expect(problemsOf({ VIGIE_CRISIS_THRESHOLD: '0' })).toEqual([expect.stringMatching(/^VIGIE_CRISIS_THRESHOLD: /)]);
  });

  it('says which variable holds an unknown flag value', () => {
    expect(problemsOf({ VIGIE_REQUIRE_TOTP: 'maybe' })).toEqual([expect.stringMatching(/^VIGIE_REQUIRE_TOTP: /)]);
  });

  it('takes an IP address as the probe source address and refuses a name', () => {
    expect(loadSettings({ VIGIE_PROBE_SOURCE_ADDRESS: '127.0.0.3' }).VIGIE_PROBE_SOURCE_ADDRESS).toBe('127.0.0.3');
    expect(loadSettings({}).VIGIE_PROBE_SOURCE_ADDRESS).toBeUndefined();
    expect(problemsOf({ VIGIE_PROBE_SOURCE_ADDRESS: 'probe.example.fr' })).toEqual([
      'VIGIE_PROBE_SOURCE_ADDRESS: must be an IPv4 or IPv6 address of this host',
    ]);
  });

  it('takes the subscribe limits and webhook private hosts, and names a wrong limit', () => {
    expect(loadSettings({})).toMatchObject({
      VIGIE_SUBSCRIBE_LIMIT_PER_CLIENT: 10,
      VIGIE_SUBSCRIBE_LIMIT_PER_ADDRESS: 3,
      VIGIE_NOTIFY_RETRY_SECONDS: 30,
      VIGIE_WEBHOOK_PRIVATE_HOSTS: [],
    });
    expect(loadSettings({ VIGIE_SUBSCRIBE_LIMIT_PER_CLIENT: '50', VIGIE_SUBSCRIBE_LIMIT_PER_ADDRESS: '1' })).toMatchObject({
      VIGIE_SUBSCRIBE_LIMIT_PER_CLIENT: 50,
      VIGIE_SUBSCRIBE_LIMIT_PER_ADDRESS: 1,
    });
    expect(loadSettings({ VIGIE_WEBHOOK_PRIVATE_HOSTS: ' Hooks.Intranet , [::1],' }).VIGIE_WEBHOOK_PRIVATE_HOSTS).toEqual([
      'hooks.intranet',
      '::1',
    ]);
    expect(
      problemsOf({ VIGIE_SUBSCRIBE_LIMIT_PER_CLIENT: '0', VIGIE_SUBSCRIBE_LIMIT_PER_ADDRESS: 'three' })
        .map((p) => p.split(':')[0])
        .sort(),
    ).toEqual(['VIGIE_SUBSCRIBE_LIMIT_PER_ADDRESS', 'VIGIE_SUBSCRIBE_LIMIT_PER_CLIENT']);
  });

  it('puts every problem in the error message', () => {
    expect(() => loadSettings({ PORT: '-1', VIGIE_LOCATION: 'Paris 1' })).toThrow(
      /Invalid settings:\n {2}- (PORT|VIGIE_LOCATION): .*\n {2}- (PORT|VIGIE_LOCATION): /,
    );
  });
});
