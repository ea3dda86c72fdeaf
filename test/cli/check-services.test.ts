import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COMPLETE_OPERATOR } from '../legal/operator-fixture.ts';

const root = fileURLToPath(new URL('../../', import.meta.url));

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

function run(script: string, args: string[], env: Record<string, string> = {}): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [join(root, script), ...args], {
      cwd: root,
      env: { PATH: process.env.PATH ?? '', ...env },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

const checkServices = (args: string[], env?: Record<string, string>) => run('src/cli/check-services.ts', args, env);

describe('npm run check-services', () => {
  let dir = '';
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'vigie-check-services-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('checks ./services.json by default and prints a one-line summary, touching no database', async () => {
    const database = join(dir, 'never.db');
    const result = await checkServices([], { DATABASE_URL: database });
    expect(result.code).toBe(0);
    // The shipped catalogue has no operator facts yet: each one is a warning naming the field.
    expect(result.stderr).toContain(
      'Warning: ./services.json: operator.publisher.siren: not provided: the legal notice says so until you add it\n',
    );
    expect(result.stderr).toContain(
      'Warning: ./services.json: operator.accessibility.audit: not provided: the accessibility statement says so',
    );
    expect(result.stdout).toMatch(/^\.\/services\.json: OK, 3\d services in 10 categories, 3 canaries\.\n$/);
    expect(existsSync(database)).toBe(false);
  });

  it('checks the file named by VIGIE_SERVICES', async () => {
    const path = join(dir, 'one.json');
    const one = {
      categories: [{ id: 'tax', name: { fr: 'Impôts', en: 'Tax' } }],
      services: [{ id: 'a', name: { fr: 'A', en: 'A (en)' }, category: 'tax', url: 'https://a.example.fr/' }],
    };
    await writeFile(path, JSON.stringify(one));
    expect(await checkServices([], { VIGIE_SERVICES: path })).toMatchObject({
      code: 0,
      stdout: `${path}: OK, 1 service in 1 category, 0 canaries.\n`,
    });
  });

  it('warns about nothing once every operator fact is given', async () => {
    const path = join(dir, 'complete.json');
    const one = {
      categories: [{ id: 'tax', name: { fr: 'Impôts', en: 'Tax' } }],
      services: [{ id: 'a', name: 'A', category: 'tax', url: 'https://a.example.fr/' }],
      operator: COMPLETE_OPERATOR,
    };
    await writeFile(path, JSON.stringify(one));
    expect(await checkServices([path])).toMatchObject({ code: 0, stderr: '' });
  });

  it('lists every problem with its line and exits 1', async () => {
    const path = join(dir, 'bad.json');
    const source = (await readFile(join(root, 'services.json'), 'utf8'))
      .replace('"url": "https://www.impots.gouv.fr/"', '"url": "ftp://www.impots.gouv.fr/"')
      .replace('"id": "caf"', '"id": "ameli"');
    await writeFile(path, source);
    const result = await checkServices([path]);
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    const lines = source.split('\n');
    const ftpLine = lines.findIndex((l) => l.includes('ftp://')) + 1;
    const dupLine = lines.findLastIndex((l) => l.includes('"id": "ameli"')) + 1;
    expect(result.stderr).toContain(`${path}:${ftpLine}: services[5].url: must be an http or https URL`);
    expect(result.stderr).toContain(`${path}:${dupLine}: services[11].id: duplicate service id "ameli"`);
    expect(result.stderr).toMatch(/is not valid \(2 problems\)/);
  });

  it('reports a JSON syntax error with line and column and exits 1', async () => {
    const path = join(dir, 'syntax.json');
    await writeFile(path, '{\n  "services": [\n    { "id": "a" \n    "url": "x" }\n  ]\n}\n');
    const result = await checkServices([path]);
    expect(result).toMatchObject({ code: 1 });
    expect(result.stderr).toContain(`${path}:4:5: invalid JSON: expected "," between two values, found "\\""`);
  });

  it('exits 2 when the file cannot be read', async () => {
    const result = await checkServices([join(dir, 'absent.json')]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('absent.json: no such file');
  });

  it('exits 2 and names the variable when the settings are wrong', async () => {
    const result = await checkServices([], { PORT: 'eighty' });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^Invalid settings:\n {2}- PORT: /);
  });

  it('exits 2 with the usage when given two paths, and 0 for --help', async () => {
    const two = await checkServices(['a.json', 'b.json']);
    expect(two.code).toBe(2);
    expect(two.stderr).toContain('Usage: npm run check-services');
    expect(await checkServices(['--help'])).toMatchObject({ code: 0, stdout: expect.stringContaining('Usage:') });
  });

  it('warns of a heartbeat whose token variable is unset or too short, naming the variable and the service', async () => {
    const path = join(dir, 'beats.json');
    const beat = (id: string, tokenEnv: string) => ({
      id,
      name: id,
      category: 'c',
      url: `https://${id}.example.fr/`,
      check: { kind: 'heartbeat', tokenEnv, interval: 600 },
    });
    await writeFile(
      path,
      JSON.stringify({
        categories: [{ id: 'c', name: { fr: 'C', en: 'C' } }],
        services: [beat('paie', 'BEAT_PAIE'), beat('actu', 'BEAT_ACTU')],
      }),
    );
    const result = await checkServices([path], { BEAT_PAIE: 'x'.repeat(32), BEAT_ACTU: 'short' });
    expect(result.code).toBe(0);
    expect(result.stderr).toContain(
      `Warning: ${path}: services[1].check.tokenEnv: the environment variable BEAT_ACTU is shorter than 32 characters: heartbeats of "actu" are refused\n`,
    );
    expect(result.stderr).not.toContain('BEAT_PAIE');
  });
});

describe('generate-schema', () => {
  it('writes the same JSON Schema as the committed one', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'vigie-schema-'));
    try {
      const out = join(dir, 'services.schema.json');
      const result = await run('src/cli/generate-schema.ts', [out]);
      expect(result.code).toBe(0);
      expect(await readFile(out, 'utf8')).toBe(await readFile(join(root, 'public/services.schema.json'), 'utf8'));
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
