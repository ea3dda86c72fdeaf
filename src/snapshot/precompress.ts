import { writeFileSync } from 'node:fs';
import { link, mkdir, readdir, readFile, stat } from 'node:fs/promises';
import { dirname, join, relative } from 'node:path';
import { COMPRESSIBLE, compressOnPool, hasSiblings, type RenderedFile } from './render-file.ts';

/** Writes a file with `.gz` and `.br` siblings for nginx's gzip_static/brotli_static, compressed on libuv's pool. */
export async function writeWithSiblings(path: string, body: Buffer): Promise<number> {
  return writeRendered(path, hasSiblings(path, body.length) ? { written: body, ...(await compressOnPool(body)) } : { written: body });
}

/**
 * Writes a rendered file and its siblings. Synchronously: small files go into the page cache, and
 * a promise's round trip through the thread pool showed as a sixth of a publication's time.
 */
export function writeRendered(path: string, file: Pick<RenderedFile, 'written' | 'gz' | 'br'>): number {
  writeFileSync(path, file.written);
  if (file.gz) writeFileSync(`${path}.gz`, file.gz);
  if (file.br) writeFileSync(`${path}.br`, file.br);
  return file.written.length + (file.gz?.length ?? 0) + (file.br?.length ?? 0);
}

/**
 * A file of the previous copy, with its siblings, hard-linked into the new one: no bytes written.
 * A file too small for siblings has none in the previous copy either.
 */
export async function linkWithSiblings(from: string, to: string): Promise<void> {
  await link(from, to);
  if (!COMPRESSIBLE.test(to)) return;
  const siblings = await link(`${from}.gz`, `${to}.gz`).then(
    () => true,
    (error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT') return false;
      throw error;
    },
  );
  if (siblings) await link(`${from}.br`, `${to}.br`);
}

/** The build's files (CSS, icons, scripts) copied into a copy with their siblings; their relative paths. */
export async function copyAssets(from: string, to: string): Promise<{ files: string[]; bytes: number }> {
  const files: string[] = [];
  let bytes = 0;
  for (const entry of await readdir(from, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const path = relative(from, join(entry.parentPath, entry.name));
    await mkdir(dirname(join(to, path)), { recursive: true });
    bytes += await writeWithSiblings(join(to, path), await readFile(join(from, path)));
    files.push(path);
  }
  return { files, bytes };
}

/** What identifies a build's files: their names, sizes and times. */
export async function assetsSignature(from: string): Promise<string> {
  const entries = await readdir(from, { recursive: true, withFileTypes: true });
  const lines = await Promise.all(
    entries
      .filter((e) => e.isFile())
      .map(async (e) => {
        const path = join(e.parentPath, e.name);
        const info = await stat(path);
        return `${relative(from, path)} ${info.size} ${info.mtimeMs}`;
      }),
  );
  return lines.sort().join('\n');
}
