import { readFile, writeFile } from 'node:fs/promises';
import type { PublicDocuments } from './changes.ts';
import type { PublishedPath } from './site-paths.ts';

/**
 * What a publication leaves beside its copy (`copy-….json`) for the next one to build on: the
 * documents it compared, when each service's files were last rendered, the attestations each
 * incident page linked to, and the files that came from the build.
 */
export interface CopyManifest {
  /** 2: files under MIN_COMPRESSED_BYTES have no siblings (a copy of format 1 is not built on). */
  format: 2;
  generatedAt: string;
  /** Everything that, changed, makes every file suspect (catalogue, build, settings): then all is rendered again. */
  basis: string;
  documents: PublicDocuments;
  /** Service id → when its pages were rendered (ms since epoch). */
  rendered: Record<string, number>;
  attestations: Record<string, PublishedPath[]>;
  /** When the reports were rendered (ms since epoch). */
  reportsAt: number;
  /** The build's files (and their precompressed siblings), relative to the copy. */
  assets: string[];
}

export function manifestPath(copyFolder: string): string {
  return `${copyFolder}.json`;
}

/** The manifest of a copy, or null when it has none (an older version wrote it) or cannot be read. */
export async function readManifest(copyFolder: string): Promise<CopyManifest | null> {
  try {
    const manifest = JSON.parse(await readFile(manifestPath(copyFolder), 'utf8')) as CopyManifest;
    return manifest.format === 2 ? manifest : null;
  } catch {
    return null;
  }
}

export async function writeManifest(copyFolder: string, manifest: CopyManifest): Promise<void> {
  await writeFile(manifestPath(copyFolder), JSON.stringify(manifest));
}
