import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { nginxConfig } from '../../../src/snapshot/nginx-config.ts';
import { freePort } from '../../support/site-server.ts';
import { until } from './processes.ts';

const BROTLI_MODULE = '/usr/lib/nginx/modules/ngx_http_brotli_static_module.so';

export function nginxAvailable(): boolean {
  return spawnSync('nginx', ['-v']).status === 0;
}

export function brotliAvailable(): boolean {
  return existsSync(BROTLI_MODULE);
}

export interface RunningNginx {
  url: string;
  stop(): Promise<void>;
}

/** Debian's nginx serving a static copy with the configuration Vigie generates, on a free port. */
export async function startNginx(dir: string, copyRoot: string, publicUrl: string, workers = 1): Promise<RunningNginx> {
  const port = await freePort();
  const brotli = brotliAvailable();
  const conf = join(dir, 'nginx-test.conf');
  writeFileSync(
    conf,
    `${brotli ? `load_module ${BROTLI_MODULE};\n` : ''}daemon off;
worker_processes ${workers};
worker_rlimit_nofile 20000;
pid ${join(dir, 'nginx.pid')};
error_log ${join(dir, 'nginx-error.log')} warn;
events { worker_connections 12000; }
http {
  include /etc/nginx/mime.types;
  access_log off;
  client_body_temp_path ${dir};
  proxy_temp_path ${dir};
  fastcgi_temp_path ${dir};
  uwsgi_temp_path ${dir};
  scgi_temp_path ${dir};
  sendfile on;
  tcp_nopush on;
  keepalive_requests 100000;
${nginxConfig({ root: copyRoot, publicUrl, listen: `127.0.0.1:${port}`, brotli })}
}
`,
  );
  const child: ChildProcess = spawn('nginx', ['-c', conf, '-p', dir, '-e', join(dir, 'nginx-error.log')], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stderr?.on('data', (d) => (output += d));
  const url = `http://127.0.0.1:${port}`;
  await until(
    async () => (await fetch(`${url}/404.html`).catch(() => null)) !== null,
    15_000,
    () => output,
  );
  return {
    url,
    stop: async () => {
      if (child.exitCode !== null) return;
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGQUIT');
      await exited;
    },
  };
}
