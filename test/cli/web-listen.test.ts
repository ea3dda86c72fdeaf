import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ensureSiteBuilt, freePort } from '../support/site-server.ts';

/** The web process started on a port another process holds: one clear line and exit code 1, never a stack trace. */
const root = fileURLToPath(new URL('../../', import.meta.url));

describe('web process on a taken port', () => {
  it('says which address is taken and what to do, then exits 1', async () => {
    const port = await freePort();
    const squatter = createServer();
    await new Promise<void>((resolve) => squatter.listen(port, '127.0.0.1', resolve));
    try {
      const child = spawn(process.execPath, [`${root}src/cli/web.ts`], {
        cwd: root,
        env: { ...process.env, HOST: '127.0.0.1', PORT: String(port), VIGIE_BUILD_DIR: await ensureSiteBuilt() },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let stderr = '';
      child.stderr.on('data', (d) => (stderr += d));
      const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
      expect(code).toBe(1);
      expect(stderr.trim()).toBe(
        `vigie-site: cannot listen on 127.0.0.1:${port}: another process already listens there (an earlier Vigie still running?); stop it or set PORT`,
      );
    } finally {
      squatter.close();
    }
  });
});
