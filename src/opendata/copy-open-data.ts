import { copyFile, link, mkdir, readdir } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { dataFileType } from './data-files.ts';

/**
 * Puts the published open-data files into a static copy's `data/` folder. Day files never change
 * once written, so they are hard-linked (a copy every minute costs no disk); the chain and the
 * data package are copied. Nothing else from the folder goes (half-written `.partial` files).
 */
export async function copyOpenData(from: string, to: string): Promise<number> {
  const entries = await readdir(from, { recursive: true, withFileTypes: true }).catch((error: NodeJS.ErrnoException) =>
    error.code === 'ENOENT' ? [] : Promise.reject(error),
  );
  let files = 0;
  for (const entry of entries) {
    const path = relative(from, join(entry.parentPath, entry.name));
    if (!entry.isFile() || dataFileType(path) === null) continue;
    const target = join(to, path);
    await mkdir(join(target, '..'), { recursive: true });
    if (path.startsWith('checks/')) await link(join(from, path), target).catch(() => copyFile(join(from, path), target));
    else await copyFile(join(from, path), target);
    files += 1;
  }
  return files;
}
