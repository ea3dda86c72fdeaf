import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nginxConfig } from '../../src/snapshot/nginx-config.ts';
import { freePort } from '../support/site-server.ts';

/**
 * nginx's own error answers for the static copy (security review F10): a request nginx refuses
 * itself carries the origin's security headers and no nginx version. The generated configuration,
 * served by this machine's nginx.
 */
const NGINX = '/usr/sbin/nginx';
const available = spawnSync(NGINX, ['-v']).status === 0;
let dir: string;
let port: number;
let nginx: ChildProcess;

beforeAll(async () => {
  if (!available) return;
  dir = mkdtempSync(join(tmpdir(), 'vigie-nginx-'));
  mkdirSync(join(dir, 'current'));
  writeFileSync(join(dir, 'current', '404.html'), '<!doctype html><title>404</title>');
  port = await freePort();
  writeFileSync(
    join(dir, 'vigie.conf'),
    nginxConfig({ root: join(dir, 'current'), publicUrl: 'https://vigie.example.test', listen: `127.0.0.1:${port}`, brotli: false }),
  );
  writeFileSync(
    join(dir, 'nginx.conf'),
    `pid ${dir}/nginx.pid;\nerror_log ${dir}/error.log;\nevents {}\nhttp {\n  include /etc/nginx/mime.types;\n  access_log off;\n` +
      `  client_body_temp_path ${dir}/body;\n  proxy_temp_path ${dir}/proxy;\n  fastcgi_temp_path ${dir}/fastcgi;\n  uwsgi_temp_path ${dir}/uwsgi;\n  scgi_temp_path ${dir}/scgi;\n` +
      `  include ${dir}/vigie.conf;\n}\n`,
  );
  nginx = spawn(NGINX, ['-p', dir, '-c', join(dir, 'nginx.conf'), '-g', 'daemon off;'], { stdio: 'ignore' });
  // Listening once a request gets any answer.
  while (!(await fetch(`http://127.0.0.1:${port}/`).catch(() => null))) await new Promise((r) => setTimeout(r, 50));
});
afterAll(() => {
  nginx?.kill();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

function raw(request: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1', () => socket.write(request));
    let answer = '';
    socket.setEncoding('utf8');
    socket.on('data', (chunk) => (answer += chunk));
    socket.on('close', () => resolve(answer));
    socket.on('error', reject);
  });
}

describe.skipIf(!available)('nginx serving the static copy', () => {
  it('answers a request it refuses itself with the security headers and no version', async () => {
    const answer = await raw('GET /fr/ HTTP/1.1\r\nHost: x\r\nHost: y\r\n\r\n');
    expect(answer).toMatch(/^HTTP\/1\.1 400/);
    expect(answer).toMatch(/^Content-Security-Policy: /im);
    expect(answer).toMatch(/^X-Content-Type-Options: nosniff/im);
    expect(answer).toMatch(/^Server: nginx\r$/im);
    expect(answer).not.toMatch(/nginx\/\d/);
  });
});
