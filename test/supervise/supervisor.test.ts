import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ChildReport } from '../../src/supervise/supervisor.ts';
import { createSupervisor } from '../../src/supervise/supervisor.ts';

/** The supervisor over real child processes: a crash loop is reported, then cleared once the process stays up. */
let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'vigie-supervisor-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** Dies at once on its first `deaths` starts (counted in a file), then stays up. */
const flaky = (deaths: number) => `
  const fs = require('node:fs');
  const file = ${JSON.stringify(join('DIR', 'starts'))}.replace('DIR', process.env.TEST_DIR);
  const starts = (fs.existsSync(file) ? Number(fs.readFileSync(file, 'utf8')) : 0) + 1;
  fs.writeFileSync(file, String(starts));
  if (starts <= ${deaths}) process.exit(3);
  process.on('SIGTERM', () => process.exit(0));
  setInterval(() => {}, 1000);
`;

describe('supervisor', () => {
  it('reports a crash loop, and clears it once the restarted process has stayed up', async () => {
    const lines: string[] = [];
    let cleared = () => undefined as void;
    const stayedUp = new Promise<void>((resolve) => (cleared = resolve));
    const stateFile = join(dir, 'state.json');
    const supervisor = createSupervisor({
      cwd: dir,
      stateFile,
      stableAfterMs: 1_500,
      log: (line) => {
        lines.push(line);
        if (/no longer crash-looping/.test(line)) cleared();
      },
    });
    const report = () => (JSON.parse(readFileSync(stateFile, 'utf8')) as { processes: Record<string, ChildReport> }).processes.flaky!;
    supervisor.start({ name: 'flaky', args: ['-e', flaky(3)], env: { TEST_DIR: dir } });
    await stayedUp;
    expect(lines.filter((l) => /crash loop: 3 quick deaths in a row/.test(l))).toHaveLength(1);
    expect(report()).toMatchObject({ running: true, crashLoop: false, restarts: 3, lastExit: 'exit code 3' });
    const { pid } = report();
    await supervisor.stop();
    expect(() => process.kill(pid!, 0)).toThrow();
  });
});
