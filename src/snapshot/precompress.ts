import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';

const gzipAsync = promisify(gzip);
const brotliAsync = promisify(brotliCompress);

/** Text files worth compressing; images other than SVG already are. */
export const COMPRESSIBLE = /\.(html|xml|atom|json|svg|css|js|txt)$/;

/**
 * Writes a file with `.gz` and `.br` siblings for nginx's gzip_static/brotli_static. Compressed
 * on libuv's pool (the web process keeps serving meanwhile). Brotli at quality 5: on the whole copy
 * it was 30 times faster than quality 9 for files 0.2 % larger, and a copy is published every minute.
 */
export async function writeWithSiblings(path: string, body: Buffer): Promise<number> {
  await writeFile(path, body);
  if (!COMPRESSIBLE.test(path)) return body.length;
  const [gz, br] = await Promise.all([
    gzipAsync(body, { level: 9 }),
    brotliAsync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 5, [constants.BROTLI_PARAM_SIZE_HINT]: body.length } }),
  ]);
  await Promise.all([writeFile(`${path}.gz`, gz), writeFile(`${path}.br`, br)]);
  return body.length + gz.length + br.length;
}

/** Adds the siblings to every compressible file of a copied folder (the build's CSS, scripts, icons). */
export async function precompressFolder(dir: string): Promise<number> {
  let bytes = 0;
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || !COMPRESSIBLE.test(entry.name)) continue;
    const path = join(entry.parentPath, entry.name);
    bytes += await writeWithSiblings(path, await readFile(path));
  }
  return bytes;
}
