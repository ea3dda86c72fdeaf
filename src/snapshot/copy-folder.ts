import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { open, readdir, readFile, readlink, rename, rm, symlink, unlink } from 'node:fs/promises';
import { join } from 'node:path';

/**
 * The folder of copies: `copy-…` folders (complete), `current` pointing to one, `.partial-…`
 * folders being written, and a lock so two publishers (the publisher process and `npm run
 * snapshot`, or a restarted publisher and its not yet dead predecessor) never write, switch or
 * prune at the same time.
 */
const LOCK = '.publishing';
export const PARTIAL_PREFIX = '.partial-';
/** Folders taken out of the copies, being removed: no publication reads, writes or prunes them. */
const TRASH_PREFIX = '.trash-';

/** Folders this process holds the lock of (its own pid in the file does not make the lock stale). */
const held = new Set<string>();

/** Takes the folder's lock; a lock whose process is gone (kill -9) is taken over. */
export async function lockCopies(dir: string): Promise<() => Promise<void>> {
  const path = join(dir, LOCK);
  if (held.has(path)) throw new Error(`static copy: another publication is writing in ${dir}; this one is skipped`);
  held.add(path);
  try {
    return await takeLock(path, dir);
  } catch (error) {
    held.delete(path);
    throw error;
  }
}

async function takeLock(path: string, dir: string): Promise<() => Promise<void>> {
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      const handle = await open(path, 'wx');
      await handle.writeFile(String(process.pid));
      await handle.close();
      return async () => {
        await unlink(path).catch(() => undefined);
        held.delete(path);
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const holder = Number((await readFile(path, 'utf8').catch(() => '')).trim());
      if (holder > 0 && holder !== process.pid && alive(holder)) {
        throw new Error(`static copy: another publication (process ${holder}) is writing in ${dir}; this one is skipped`, { cause: error });
      }
      await unlink(path).catch(() => undefined);
    }
  }
  throw new Error(`static copy: could not take the lock ${path}`);
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Folders a publication killed midway left behind; only called with the lock held. */
export async function removePartials(dir: string): Promise<void> {
  for (const name of await readdir(dir)) if (name.startsWith(PARTIAL_PREFIX)) await discard(dir, name);
  emptyTrash(dir, await readdir(dir));
}

/** The complete copy `current` points to, or null. */
export async function currentCopy(dir: string): Promise<string | null> {
  const target = await readlink(join(dir, 'current')).catch(() => null);
  return target === null ? null : join(dir, target);
}

/** A new symlink renamed over `current`: rename is atomic, so `current` is never missing or half-made. */
export async function switchCurrent(dir: string, name: string): Promise<void> {
  const temporary = join(dir, `.current-${randomBytes(4).toString('hex')}`);
  await symlink(name, temporary);
  await rename(temporary, join(dir, 'current'));
}

/**
 * Keeps the current copy and the `keep` newest before it, which readers may still be serving
 * from, with their manifests. Only called with the lock held, so no copy is being written.
 */
export async function prune(dir: string, current: string, keep: number): Promise<void> {
  const pointed = await readlink(join(dir, 'current')).catch(() => current);
  const copies = (await readdir(dir)).filter((n) => /^copy-[^.]+$/.test(n) && n !== current && n !== pointed).sort();
  for (const old of copies.slice(0, Math.max(0, copies.length - keep))) {
    await discard(dir, old);
    await rm(join(dir, `${old}.json`), { force: true });
  }
}

/**
 * Takes a folder out of the copies in one rename, and removes it in the background: at 2,000
 * services a copy is tens of thousands of files, whose removal held the lock, and so the next
 * publication and the change waiting for it, for seconds.
 */
async function discard(dir: string, name: string): Promise<void> {
  const trash = `${TRASH_PREFIX}${name}`;
  await rename(join(dir, name), join(dir, trash));
  emptyTrash(dir, [trash]);
}

const emptying = new Set<string>();

/**
 * Removes the trash among `names` not already being removed, with `rm -rf` in a process of its
 * own: fs.rm would queue one job per file on libuv's pool, ahead of the next publication's links.
 * What is left (process gone) is taken again by the next publication.
 */
function emptyTrash(dir: string, names: string[]): void {
  for (const name of names) {
    const path = join(dir, name);
    if (!name.startsWith(TRASH_PREFIX) || emptying.has(path)) continue;
    emptying.add(path);
    const removal = spawn('rm', ['-rf', '--', path], { stdio: 'ignore' });
    removal.once('error', () => emptying.delete(path));
    removal.once('exit', () => emptying.delete(path));
  }
}
