import { readFile } from 'node:fs/promises';
import { catalogueErrorMap, formatPath, issuesToProblems, type PathProblem } from './catalogue-issues.ts';
import { parseJsonWithPositions, pathKey, type JsonPath, type Position } from './json-positions.ts';
import { catalogueSchema, resolveCatalogue, type Catalogue } from './services-schema.ts';

/**
 * Reads and validates `services.json`. Every problem is reported at once, each with the file, the
 * line and the path of the value (`services.json:42: services[4].url: must be an http or https URL`),
 * so an operator fixes the file in one pass instead of one error per restart.
 */

/** `unreadable`: the file could not be read at all; `invalid`: it was read but is not a valid catalogue. */
export type CatalogueErrorKind = 'unreadable' | 'invalid';

export class CatalogueError extends Error {
  readonly problems: string[];
  readonly kind: CatalogueErrorKind;
  constructor(fileName: string, problems: string[], kind: CatalogueErrorKind = 'invalid') {
    const heading =
      kind === 'unreadable'
        ? `Cannot read the service catalogue ${fileName}:`
        : `The service catalogue ${fileName} is not valid (${problems.length} problem${problems.length === 1 ? '' : 's'}):`;
    super(`${heading}\n${problems.map((p) => `  ${p}`).join('\n')}`);
    this.name = 'CatalogueError';
    this.problems = problems;
    this.kind = kind;
  }
}

function locate(positions: Map<string, Position>, path: JsonPath): Position {
  // A missing field has no position of its own: point at the object that should hold it.
  for (let length = path.length; length >= 0; length--) {
    const found = positions.get(pathKey(path.slice(0, length)));
    if (found) return found;
  }
  return { line: 1, column: 1 };
}

/** Parses and validates catalogue text; throws CatalogueError listing every problem in file order. */
export function parseCatalogue(text: string, fileName: string): Catalogue {
  const json = parseJsonWithPositions(text.replace(/^\uFEFF/, ''));
  if (!json.ok) {
    const { line, column } = json.position;
    throw new CatalogueError(fileName, [`${fileName}:${line}:${column}: invalid JSON: ${json.message}`]);
  }
  const located: { line: number; text: string }[] = [];
  const add = (problem: PathProblem, position: Position): void => {
    located.push({ line: position.line, text: `${fileName}:${position.line}: ${formatPath(problem.path)}: ${problem.message}` });
  };
  for (const duplicate of json.duplicateKeys) {
    const message = 'this field appears twice in the same object (only the last one would count): keep one';
    add({ path: duplicate.path, message }, duplicate.position);
  }
  const parsed = catalogueSchema.safeParse(json.value, { error: catalogueErrorMap });
  if (!parsed.success) {
    for (const problem of issuesToProblems(parsed.error.issues)) add(problem, locate(json.positions, problem.path));
  }
  if (located.length > 0 || !parsed.success) {
    located.sort((a, b) => a.line - b.line);
    throw new CatalogueError(
      fileName,
      located.map((p) => p.text),
    );
  }
  return resolveCatalogue(parsed.data);
}

const READ_FAILURES: Record<string, string> = {
  ENOENT: 'no such file: check the path (VIGIE_SERVICES, or the path given on the command line)',
  EACCES: 'permission denied: let the user running Vigie read it',
  EISDIR: 'this is a folder: give the path of the JSON file itself',
};

/** Reads the catalogue file; throws CatalogueError (`unreadable` or `invalid`) listing every problem. */
export async function loadCatalogue(path: string): Promise<Catalogue> {
  let bytes: Uint8Array;
  try {
    bytes = await readFile(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? '';
    const reason = READ_FAILURES[code] ?? (error instanceof Error ? error.message : String(error));
    throw new CatalogueError(path, [`${path}: ${reason}`], 'unreadable');
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new CatalogueError(path, [`${path}: is not UTF-8 text: save it with the UTF-8 encoding`]);
  }
  return parseCatalogue(text, path);
}
