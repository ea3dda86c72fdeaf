import { createHash, randomBytes } from 'node:crypto';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import pLimit from 'p-limit';
import { changedServices, type PublicDocuments } from './changes.ts';
import { currentCopy, lockCopies, PARTIAL_PREFIX, prune, removePartials, switchCurrent } from './copy-folder.ts';
import { readManifest, writeManifest, type CopyManifest } from './copy-manifest.ts';
import { LANGUAGE_PAGE, LANGUAGE_SCRIPT, LANGUAGE_SCRIPT_SOURCE, languagePage } from './language-page.ts';
import { nginxConfig } from './nginx-config.ts';
import { AGE_SCRIPT } from './notice.ts';
import { assetsSignature, copyAssets } from './precompress.ts';
import { compressOnPool, pageRenderer, type FetchedPage, type PageRenderer, type RenderedFile } from './render-file.ts';
import { copyWriter } from './copy-writer.ts';
import { refreshDue } from './refresh-due.ts';
import { attestationPaths, pageFile, sitePaths, type PublishedPath } from './site-paths.ts';
import { copyOpenData } from '../opendata/copy-open-data.ts';

/**
 * Where pages come from: one address of the site as the origin answers it (marked and compressed
 * here, on libuv's pool), or a renderer doing all of that itself (`render-pool.ts`, on other threads).
 */
export type PageSource =
  | { fetchPath: (path: string) => Promise<FetchedPage>; renderer?: undefined }
  | { renderer: { render: PageRenderer; concurrency: number }; fetchPath?: undefined };

export type PublishOptions = PageSource & {
  /** `<dir>`: copies go in `<dir>/copy-…`, `<dir>/current` points to the newest complete one. */
  dir: string;
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
  /** Render every address, whatever the current copy holds. */
  full?: boolean;
};

export interface Publication {
  folder: string;
  files: number;
  /** Addresses asked of the origin; the others were linked from the previous copy. */
  rendered: number;
  bytes: number;
  ms: number;
}

const AGE_SCRIPT_SOURCE = new URL('./snapshot-age.js', import.meta.url);
const REPORTS_REFRESH_MS = 600_000;
const INCIDENT_PAGE = /^\/(?:fr|en)\/incidents\/[^/]+$/;
const DOCUMENTS = {
  components: '/api/v2/components.json',
  incidents: '/api/v2/incidents.json',
  maintenances: '/api/v2/scheduled-maintenances.json',
} as const;

/**
 * Writes the public site as static files into a new folder, then switches `<dir>/current` to it
 * with one rename, so a reader only ever sees a complete copy. Incremental: what shows every
 * service or incident (overview, lists, feeds, API, incident pages) is rendered each time; the
 * files of one service when its public data changed, its pages also when their turn to be
 * refreshed came (`refresh-due.ts`); reports every ten minutes; the rest is hard-linked from the
 * current copy. A page the origin cannot render as expected fails the publication and leaves the
 * previous copy in place.
 */
export async function publishSnapshot(options: PublishOptions): Promise<Publication> {
  await mkdir(options.dir, { recursive: true });
  const release = await lockCopies(options.dir);
  try {
    await removePartials(options.dir);
    return await publishLocked(options);
  } finally {
    await release();
  }
}

async function publishLocked(options: PublishOptions): Promise<Publication> {
  const started = performance.now();
  const generatedAt = (options.now ?? (() => new Date()))();
  const name = `copy-${generatedAt.toISOString().replace(/[:.]/g, '-')}-${randomBytes(3).toString('hex')}`;
  const partial = join(options.dir, `${PARTIAL_PREFIX}${name}`);
  await mkdir(partial, { recursive: true });
  try {
    const renderer = options.renderer ?? { render: pageRenderer(options.fetchPath, compressOnPool), concurrency: 4 };
    const fetched = new Map<string, RenderedFile>();
    const documents = await readDocuments(renderer.render, generatedAt, fetched);
    const paths = sitePaths({
      serviceIds: options.serviceIds,
      incidentIds: documents.incidents.slice(0, options.recentIncidents ?? 20).map((i) => i.id),
      now: generatedAt,
      subscriptions: options.subscriptions ?? false,
    });
    const assets = await assetsSignature(options.clientDir);
    const basis = createHash('sha256')
      .update(JSON.stringify([options.serviceIds, options.subscriptions ?? false, options.publicUrl, paths.length, assets]))
      .digest('base64url');
    const previousFolder = options.full ? null : await currentCopy(options.dir);
    const previousManifest = previousFolder ? await readManifest(previousFolder) : null;
    const previous = previousFolder && previousManifest?.basis === basis ? { folder: previousFolder, manifest: previousManifest } : null;
    const changed = previous ? changedServices(previous.manifest.documents, documents) : null;
    // Pages say when the service was last checked; feeds and badges only change with its data.
    const turn = new Set(
      previous
        ? refreshDue(options.serviceIds, previous.manifest.rendered, {
            now: generatedAt.getTime(),
            previous: Date.parse(previous.manifest.generatedAt),
          })
        : [],
    );

    // A report at 2,000 services is a table of 2,000 rows: rendered again every few minutes, not with every change.
    const reportsAt =
      previous && generatedAt.getTime() - previous.manifest.reportsAt < REPORTS_REFRESH_MS
        ? previous.manifest.reportsAt
        : generatedAt.getTime();
    const writer = copyWriter(partial, renderer.render, generatedAt, fetched);
    const rendered: Record<string, number> = {};
    const attestations: Record<string, PublishedPath[]> = {};
    const followed: PublishedPath[] = [];
    const limit = pLimit(renderer.concurrency);
    const linkLimit = pLimit(32);
    // Every task settles before the folder may be removed: a failure never races a write still under way.
    const results = await Promise.allSettled(
      paths.map((p) => {
        const service = p.service;
        const reuse =
          previous &&
          ((service !== undefined && !changed!.has(service) && !(turn.has(service) && p.file.endsWith('.html'))) ||
            (p.report === true && reportsAt !== generatedAt.getTime()));
        if (service !== undefined && p.file.endsWith('.html')) {
          rendered[service] = reuse ? (previous.manifest.rendered[service] ?? 0) : generatedAt.getTime();
        }
        if (reuse) return linkLimit(() => writer.link(previous.folder, p).then(() => 0));
        return limit(async () => {
          const body = await writer.render(p);
          if (p.incident !== undefined && INCIDENT_PAGE.test(p.path)) {
            const found = attestationPaths(body.toString('utf8'), p.incident);
            followed.push(...found);
            attestations[p.incident] = [...(attestations[p.incident] ?? []), ...found];
          }
          return 1;
        });
      }),
    );
    const followedResults = await Promise.allSettled(
      [...new Map(followed.map((p) => [p.file, p])).values()].map((p) => limit(() => writer.render(p).then(() => 1))),
    );
    const failure = [...results, ...followedResults].find((r): r is PromiseRejectedResult => r.status === 'rejected');
    if (failure) throw failure.reason;
    const renderedCount = [...results, ...followedResults].reduce((n, r) => n + (r.status === 'fulfilled' ? r.value : 0), 0);

    const assetFiles = previous && previous.manifest.assets.length > 0 ? previous.manifest.assets : null;
    const assetsWritten = assetFiles
      ? await Promise.all(assetFiles.map((file) => linkLimit(() => writer.linkAsset(previous!.folder, file)))).then(() => ({
          files: assetFiles,
          bytes: 0,
        }))
      : await copyAssets(options.clientDir, partial);
    if (options.openDataDir) await copyOpenData(options.openDataDir, join(partial, 'data'));
    await writer.write(AGE_SCRIPT.slice(1), await readFile(AGE_SCRIPT_SOURCE));
    await writer.write(LANGUAGE_PAGE, Buffer.from(languagePage()));
    await writer.write(LANGUAGE_SCRIPT.slice(1), Buffer.from(LANGUAGE_SCRIPT_SOURCE));

    const folder = join(options.dir, name);
    await rename(partial, folder);
    const manifest: CopyManifest = {
      format: 2,
      generatedAt: generatedAt.toISOString(),
      basis,
      documents,
      rendered,
      attestations,
      reportsAt,
      assets: assetsWritten.files,
    };
    await writeManifest(folder, manifest);
    await switchCurrent(options.dir, name);
    await writeFile(join(options.dir, 'nginx.conf'), nginxConfig({ root: join(options.dir, 'current'), publicUrl: options.publicUrl }));
    await prune(options.dir, name, options.keep ?? 2);
    return {
      folder,
      files: paths.length + followed.length,
      rendered: renderedCount,
      bytes: writer.bytes() + assetsWritten.bytes,
      ms: Math.round(performance.now() - started),
    };
  } catch (error) {
    await rm(partial, { recursive: true, force: true });
    throw error;
  }
}

/** The documents compared with the previous publication's, kept to be written as the copy's own. */
async function readDocuments(render: PageRenderer, generatedAt: Date, fetched: Map<string, RenderedFile>): Promise<PublicDocuments> {
  const read = async (path: string) => {
    const file = await render({ path, file: pageFile(path), status: 200 }, generatedAt);
    fetched.set(path, file);
    return JSON.parse(file.body.toString('utf8')) as Record<string, unknown>;
  };
  const [components, incidents, maintenances] = await Promise.all([
    read(DOCUMENTS.components),
    read(DOCUMENTS.incidents),
    read(DOCUMENTS.maintenances),
  ]);
  return {
    components: components.components as PublicDocuments['components'],
    incidents: incidents.incidents as PublicDocuments['incidents'],
    maintenances: maintenances.scheduled_maintenances as PublicDocuments['maintenances'],
  };
}
