import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { folderCycles, folderEdges, mutualPairs, readSources } from './folder-graph.ts';

const files = (entries: Record<string, string>): Map<string, string> => new Map(Object.entries(entries));

describe('the folder graph (pure)', () => {
  it.each([
    [
      'a two-way pair',
      { 'a/x.ts': "import { y } from '../b/y.ts';", 'b/y.ts': "import type { X } from '../a/x.ts';" },
      ['a <-> b'],
      [['a', 'b']],
    ],
    [
      'a three-folder loop through an .astro component and a dynamic import',
      {
        'a/x.ts': "export { y } from '../b/y.ts';",
        'b/y.astro': "---\nimport Z from '../c/Z.astro';\n---",
        'c/Z.astro': "---\nconst x = await import('../a/x.ts');\n---",
      },
      [],
      [['a', 'b', 'c']],
    ],
    [
      'a multi-line import',
      { 'a/x.ts': "import {\n  y,\n  z,\n} from '../b/y.ts';", 'b/y.ts': "import '../a/x.ts';" },
      ['a <-> b'],
      [['a', 'b']],
    ],
    [
      'one-way arrows, packages and files at the top',
      {
        'a/x.ts': "import { z } from 'zod';\nimport { y } from '../b/y.ts';",
        'b/y.ts': "import '../top.ts';",
        'top.ts': "import '../a/x.ts';",
      },
      [],
      [],
    ],
  ])('%s', (_, sources, pairs, cycles) => {
    const edges = folderEdges(files(sources));
    expect(mutualPairs(edges)).toEqual(pairs);
    expect(folderCycles(edges)).toEqual(cycles);
  });
});

describe('the folders of src/', () => {
  const edges = folderEdges(readSources(fileURLToPath(new URL('../../src/', import.meta.url))));
  const culprits = (folders: readonly string[]): string[] =>
    edges.filter((e) => folders.includes(e.from) && folders.includes(e.to)).map((e) => `${e.file} -> ${e.target}`);

  it('has no two folders importing each other', () => {
    const pairs = mutualPairs(edges);
    console.info(`src/: ${new Set(edges.map((e) => `${e.from}>${e.to}`)).size} folder arrows, ${pairs.length} two-way pairs`);
    expect(pairs, culprits(pairs.flatMap((p) => p.split(' <-> '))).join('\n')).toEqual([]);
  });

  it('has no loop of folders of any length', () => {
    const cycles = folderCycles(edges);
    expect(cycles, cycles.map((c) => culprits(c).join('\n')).join('\n\n')).toEqual([]);
  });
});
