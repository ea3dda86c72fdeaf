import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, normalize, relative, sep } from 'node:path';

/**
 * The folder-level import graph of `src/`: which top folder's files import which other top folder.
 * It reads `.ts`, `.astro`, `.js` and `.mjs` files and follows relative specifiers only (packages
 * are not folders of ours); files at the top of `src/` (middleware, env types) belong to no folder.
 */
const SOURCE = /\.(?:ts|astro|js|mjs)$/;
const SPECIFIER = /(?:import|export)\s[^'"]*?from\s*['"](\.[^'"]+)['"]|import\s*\(\s*['"](\.[^'"]+)['"]|import\s+['"](\.[^'"]+)['"]/g;

/** One import that crosses folders, kept so a failure names the files to open. */
export interface FolderEdge {
  from: string;
  to: string;
  file: string;
  target: string;
}

function topFolder(path: string): string | null {
  const parts = path.split('/');
  return parts.length > 1 && parts[0] !== '..' ? parts[0]! : null;
}

/** Cross-folder imports of a set of files given by their path under `src/` and their text (pure). */
export function folderEdges(files: ReadonlyMap<string, string>): FolderEdge[] {
  const edges: FolderEdge[] = [];
  for (const [file, text] of files) {
    const from = topFolder(file);
    if (!from) continue;
    for (const match of text.matchAll(SPECIFIER)) {
      const specifier = match[1] ?? match[2] ?? match[3]!;
      const target = normalize(join(dirname(file), specifier))
        .split(sep)
        .join('/');
      const to = topFolder(target);
      if (to && to !== from) edges.push({ from, to, file, target });
    }
  }
  return edges;
}

/** Pairs of folders that import each other, each pair once, sorted. */
export function mutualPairs(edges: readonly FolderEdge[]): string[] {
  const arrows = new Set(edges.map((e) => `${e.from}>${e.to}`));
  const pairs = new Set<string>();
  for (const e of edges) if (arrows.has(`${e.to}>${e.from}`)) pairs.add([e.from, e.to].sort().join(' <-> '));
  return [...pairs].sort();
}

/** Groups of folders tied in a loop of imports of any length (Tarjan's strongly connected components). */
export function folderCycles(edges: readonly FolderEdge[]): string[][] {
  const next = new Map<string, Set<string>>();
  for (const e of edges) next.set(e.from, (next.get(e.from) ?? new Set()).add(e.to));
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const cycles: string[][] = [];
  const visit = (v: string): void => {
    index.set(v, index.size);
    low.set(v, index.get(v)!);
    stack.push(v);
    for (const w of next.get(v) ?? []) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (stack.includes(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
    }
    if (low.get(v) !== index.get(v)) return;
    const group: string[] = [];
    let w: string;
    do {
      w = stack.pop()!;
      group.push(w);
    } while (w !== v);
    if (group.length > 1) cycles.push(group.sort());
  };
  for (const v of [...next.keys()].sort()) if (!index.has(v)) visit(v);
  return cycles.sort((a, b) => a[0]!.localeCompare(b[0]!));
}

/** Every source file under a directory, by its path relative to it, with its text. */
export function readSources(dir: string): Map<string, string> {
  const files = new Map<string, string>();
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || !SOURCE.test(entry.name)) continue;
    const path = join(entry.parentPath, entry.name);
    files.set(relative(dir, path).split(sep).join('/'), readFileSync(path, 'utf8'));
  }
  return files;
}
