import { execFile, spawnSync } from 'node:child_process';
import { promisify } from 'node:util';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The Nu Html Checker (the W3C validator, from the `vnu-jar` package) run on this machine's Java:
 * every error and warning it finds in each page, as "name: line: message". Asynchronous: a test
 * blocked for the checker's seconds would keep an HTTP client from noticing that the server closed
 * its idle keep-alive connection, and its next request would go out on a dead socket.
 */
const JAR = fileURLToPath(new URL('../../node_modules/vnu-jar/build/dist/vnu.jar', import.meta.url));
export const javaAvailable = spawnSync('java', ['-version']).status === 0;

export async function nuProblems(pages: Record<string, string>): Promise<string[]> {
  const dir = mkdtempSync(join(tmpdir(), 'vigie-nu-'));
  try {
    const files = Object.entries(pages).map(([name, html], i) => {
      const file = join(dir, `${i}.html`);
      writeFileSync(file, html);
      return { name, file };
    });
    // The checker exits 1 when it finds problems; its report is on stdout either way.
    const stdout = await promisify(execFile)('java', ['-jar', JAR, '--format', 'json', '--stdout', ...files.map((f) => f.file)], {
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
    }).then(
      (run) => run.stdout,
      (error: { stdout?: string }) => (error.stdout ? error.stdout : Promise.reject(error)),
    );
    const { messages } = JSON.parse(stdout) as {
      messages: { type: string; subType?: string; url: string; lastLine?: number; message: string }[];
    };
    const nameOf = new Map(files.map((f) => [f.file, f.name]));
    return messages
      .filter((m) => m.type === 'error' || m.subType === 'warning')
      .map((m) => `${nameOf.get(fileURLToPath(m.url)) ?? m.url}: ${m.lastLine ?? '?'}: ${m.message}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
