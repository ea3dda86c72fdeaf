import { randomBytes } from 'node:crypto';
import { cp, mkdir, readdir, readFile, readlink, rename, rm, symlink, writeFile } from 'node:fs/promises';
import { dirname, join, normalize } from 'node:path';
import pLimit from 'p-limit';
import { AGE_SCRIPT, markStaticPage } from './notice.ts';
import { nginxConfig } from './nginx-config.ts';
import { LANGUAGE_PAGE, LANGUAGE_SCRIPT, LANGUAGE_SCRIPT_SOURCE, languagePage } from './language-page.ts';
import { precompressFolder, writeWithSiblings } from './precompress.ts';
import { attestationPaths, sitePaths, type PublishedPath } from './site-paths.ts';
import { copyOpenData } from '../opendata/copy-open-data.ts';

export interface FetchedPage {
  status: number;
  body: Buffer;
}

export interface PublishOptions {
  /** `<dir>`: copies go in `<dir>/copy-…`, `<dir>/current` points to the newest complete one. */
  dir: string;
  /** One address of the site, as the origin answers it. */
  fetchPath: (path: string) => Promise<FetchedPage>;
  /** The build's static files (CSS, icons, scripts). */
  clientDir: string;
  serviceIds: string[];
  publicUrl: string;
  now?: () => Date;
  /** Complete copies kept besides the current one's predecessors (older ones are removed). */
  keep?: number;
  /** Recent incidents that get a page in the copy. */
  recentIncidents?: number;
  /** The open-data folder, copied as `data/` (absent: no `/data/` in the copy). */
  openDataDir?: string;
  /** The site takes subscriptions: their addresses get the copy's page saying it cannot. */
  subscriptions?: boolean;
}

export interface Publication {
  folder: string;
  files: number;
  bytes: number;
  ms: number;
}

const INCIDENT_PAGE = /^\/(?:fr|en)\/incidents\/[^/]+$/;
const AGE_SCRIPT_SOURCE = new URL('./snapshot-age.js', import.meta.url);

/**
 * Writes the whole public site as static files into a new folder, then switches `<dir>/current`
 * to it with one rename, so a reader only ever sees a complete copy. A page the origin cannot
 * render as expected fails the publication and leaves the previous copy in place.
 */
export async function publishSnapshot(options: PublishOptions): Promise<Publication> {
  const started = performance.now();
  const generatedAt = (options.now ?? (() => new Date()))();
  const name = `copy-${generatedAt.toISOString().replace(/[:.]/g, '-')}-${randomBytes(3).toString('hex')}`;
  const folder = join(options.dir, name);
  await mkdir(folder, { recursive: true });
  try {
    const incidents = JSON.parse((await expectPage(options, '/api/v2/incidents.json', 200)).toString('utf8')) as {
      incidents: { id: string }[];
    };
    const paths = sitePaths({
      serviceIds: options.serviceIds,
      incidentIds: incidents.incidents.slice(0, options.recentIncidents ?? 20).map((i) => i.id),
      now: generatedAt,
      subscriptions: options.subscriptions ?? false,
    });
    const limit = pLimit(4);
    const linked: PublishedPath[] = [];
    const publishOne = (p: PublishedPath) =>
      limit(async () => {
        const body = await expectPage(options, p.path, p.status);
        if (INCIDENT_PAGE.test(p.path)) linked.push(...attestationPaths(body.toString('utf8')));
        const target = inside(folder, p.file);
        await mkdir(dirname(target), { recursive: true });
        return writeWithSiblings(target, p.file.endsWith('.html') ? Buffer.from(markStaticPage(body.toString('utf8'), generatedAt)) : body);
      });
    const written = await Promise.all(paths.map(publishOne));
    const followed = [...new Map(linked.map((p) => [p.file, p])).values()];
    written.push(...(await Promise.all(followed.map(publishOne))));
    await cp(options.clientDir, folder, { recursive: true });
    if (options.openDataDir) await copyOpenData(options.openDataDir, join(folder, 'data'));
    await writeFile(join(folder, AGE_SCRIPT.slice(1)), await readFile(AGE_SCRIPT_SOURCE));
    await writeFile(join(folder, LANGUAGE_PAGE), languagePage());
    await writeFile(join(folder, LANGUAGE_SCRIPT.slice(1)), LANGUAGE_SCRIPT_SOURCE);
    const assetBytes = await precompressFolder(folder);
    await switchCurrent(options.dir, name);
    await writeFile(join(options.dir, 'nginx.conf'), nginxConfig({ root: join(options.dir, 'current'), publicUrl: options.publicUrl }));
    await prune(options.dir, name, options.keep ?? 2);
    return {
      folder,
      files: paths.length + followed.length,
      bytes: written.reduce((a, b) => a + b, 0) + assetBytes,
      ms: Math.round(performance.now() - started),
    };
  } catch (error) {
    await rm(folder, { recursive: true, force: true });
    throw error;
  }
}

async function expectPage(options: PublishOptions, path: string, status: number): Promise<Buffer> {
  const page = await options.fetchPath(path);
  if (page.status !== status)
    throw new Error(`static copy: ${path} answered ${page.status}, expected ${status}; the previous copy stays in place`);
  return page.body;
}

/** A file of the copy, refused if its name would leave the copy's folder. */
function inside(folder: string, file: string): string {
  const path = normalize(join(folder, file));
  if (!path.startsWith(`${folder}/`)) throw new Error(`static copy: refusing to write outside the copy: ${file}`);
  return path;
}

/** A new symlink renamed over `current`: rename is atomic, so `current` is never missing or half-made. */
async function switchCurrent(dir: string, name: string): Promise<void> {
  const temporary = join(dir, `.current-${randomBytes(4).toString('hex')}`);
  await symlink(name, temporary);
  await rename(temporary, join(dir, 'current'));
}

/** Keeps the current copy and the `keep` newest before it, which readers may still be serving from. */
async function prune(dir: string, current: string, keep: number): Promise<void> {
  const pointed = await readlink(join(dir, 'current')).catch(() => current);
  const copies = (await readdir(dir)).filter((n) => n.startsWith('copy-') && n !== current && n !== pointed).sort();
  for (const old of copies.slice(0, Math.max(0, copies.length - keep))) await rm(join(dir, old), { recursive: true, force: true });
}
