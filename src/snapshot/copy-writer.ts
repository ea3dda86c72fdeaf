import { mkdir, rm } from 'node:fs/promises';
import { dirname, join, normalize } from 'node:path';
import { linkWithSiblings, writeRendered, writeWithSiblings } from './precompress.ts';
import type { PageRenderer, RenderedFile } from './render-file.ts';
import type { PublishedPath } from './site-paths.ts';

/**
 * Writes into the folder being made: pages rendered (or already rendered, in `rendered`, keyed by
 * address), files linked from a previous copy.
 */
export function copyWriter(folder: string, renderer: PageRenderer, generatedAt: Date, rendered: Map<string, RenderedFile>) {
  const made = new Set<string>();
  let bytes = 0;
  const target = async (file: string) => {
    const path = inside(folder, file);
    const parent = dirname(path);
    if (!made.has(parent)) {
      await mkdir(parent, { recursive: true });
      made.add(parent);
    }
    return path;
  };
  const render = async (p: PublishedPath): Promise<Buffer> => {
    const file = rendered.get(p.path) ?? (await renderer(p, generatedAt));
    bytes += writeRendered(await target(p.file), file);
    return file.body;
  };
  return {
    async write(file: string, body: Buffer): Promise<void> {
      bytes += await writeWithSiblings(await target(file), body);
    },
    render,
    /**
     * A file the previous copy lacks (it came after it) is rendered instead; what was linked of it
     * is unlinked first, as writing through a link would change the previous copy's file.
     */
    async link(previous: string, p: PublishedPath): Promise<void> {
      const to = await target(p.file);
      await linkWithSiblings(join(previous, p.file), to).catch(async (error: NodeJS.ErrnoException) => {
        if (error.code !== 'ENOENT') throw error;
        await Promise.all([to, `${to}.gz`, `${to}.br`].map((f) => rm(f, { force: true })));
        await render(p);
      });
    },
    /** One of the build's files, which the previous copy has whenever its basis is this one's. */
    async linkAsset(previous: string, file: string): Promise<void> {
      await linkWithSiblings(join(previous, file), await target(file));
    },
    bytes: () => bytes,
  };
}

/** A file of the copy, refused if its name would leave the copy's folder. */
function inside(folder: string, file: string): string {
  const path = normalize(join(folder, file));
  if (!path.startsWith(`${folder}/`)) throw new Error(`static copy: refusing to write outside the copy: ${file}`);
  return path;
}
