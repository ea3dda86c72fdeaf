/**
 * The files `/data/` serves, and nothing else from the folder: a name outside this list (or one
 * trying to leave the folder) is a 404 before the disk is touched.
 */
const FILES: { pattern: RegExp; type: string }[] = [
  { pattern: /^chain\.json$/, type: 'application/json; charset=utf-8' },
  { pattern: /^datapackage\.json$/, type: 'application/json; charset=utf-8' },
  { pattern: /^checks\/\d{4}-\d{2}-\d{2}\.csv\.gz$/, type: 'application/gzip' },
];

/** The content type of a path under `/data/`, or null when it names no published file. */
export function dataFileType(path: string): string | null {
  return FILES.find((f) => f.pattern.test(path))?.type ?? null;
}
