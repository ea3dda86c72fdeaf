import { parseTree, printParseErrorCode, type Node, type ParseError } from 'jsonc-parser';

/**
 * Strict JSON parsing that also remembers where every value sits, so a problem found later by the
 * schema can be reported at the right line. The syntax tree comes from jsonc-parser (VS Code's
 * parser), run in strict mode; this file only turns offsets into lines and errors into advice.
 */

export type JsonPath = readonly (string | number)[];

export interface Position {
  line: number;
  column: number;
}

export interface DuplicateKey {
  path: JsonPath;
  position: Position;
}

export type JsonParseResult =
  | { ok: true; value: unknown; positions: Map<string, Position>; duplicateKeys: DuplicateKey[] }
  | { ok: false; message: string; position: Position };

const MAX_DEPTH = 200;

// Keyed by jsonc-parser's error names (its codes are a const enum, which type stripping cannot read).
const ADVICE: Record<string, string> = {
  InvalidSymbol: 'unexpected character (text and property names need "double quotes"; the only bare words are true, false and null)',
  InvalidNumberFormat: 'invalid number',
  PropertyNameExpected: 'expected a property name in double quotes',
  ValueExpected: 'expected a value (text in double quotes, a number, true, false, null, { … } or [ … ])',
  ColonExpected: 'expected ":" after the property name',
  CommaExpected: 'expected "," between two values',
  CloseBraceExpected: 'expected "," or "}" after a property value',
  CloseBracketExpected: 'expected "," or "]" after a list item',
  EndOfFileExpected: 'expected the end of the file after the top-level value',
  InvalidCommentToken: 'comments are not allowed in JSON',
  UnexpectedEndOfComment: 'comments are not allowed in JSON',
  UnexpectedEndOfString: 'unterminated string',
  UnexpectedEndOfNumber: 'invalid number',
  InvalidUnicode: 'invalid \\u escape in string',
  InvalidEscapeCharacter: 'invalid escape sequence in string',
  InvalidCharacter: 'line break or control character inside a string (escape it)',
};

export function pathKey(path: JsonPath): string {
  return JSON.stringify(path);
}

/** Where each line starts: finding a position is then a binary search, not a scan of the text before it. */
function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return starts;
}

function positionIn(starts: number[], offset: number): Position {
  let low = 0;
  let high = starts.length - 1;
  while (low < high) {
    const middle = Math.ceil((low + high) / 2);
    if (starts[middle]! <= offset) low = middle;
    else high = middle - 1;
  }
  return { line: low + 1, column: offset - starts[low]! + 1 };
}

function positionAt(text: string, offset: number): Position {
  return positionIn(lineStarts(text), offset);
}

function describe(text: string, error: ParseError): string {
  const before = text.slice(0, error.offset).trimEnd();
  const found = error.offset >= text.length ? 'the end of the file' : JSON.stringify(text[error.offset]);
  if (before.endsWith(',') && /^[}\]]/.test(text.slice(error.offset))) {
    return `remove the trailing comma before ${found}`;
  }
  return `${ADVICE[printParseErrorCode(error.error)] ?? 'invalid JSON'}, found ${found}`;
}

/** JSON.parse's message names the position ("… at position 8 (line 1 column 9)"). */
function strictSyntaxError(text: string, error: unknown): { message: string; position: Position } {
  const message = error instanceof Error ? error.message : String(error);
  const at = /at position (\d+)/.exec(message);
  const position = at ? positionAt(text, Number(at[1])) : { line: 1, column: 1 };
  const reason = /escape/i.test(message) ? 'invalid escape sequence in string' : (message.split(' in JSON at position')[0] ?? message);
  return { message: reason, position };
}

function depthOf(node: Node): number {
  let depth = 0;
  for (const stack: Node[][] = [node.children ?? []]; stack.length > 0; depth++) {
    const next = stack.flatMap((children) => children.map((child) => child.children ?? []).filter((c) => c.length));
    stack.length = 0;
    stack.push(...next);
  }
  return depth;
}

function collect(node: Node, path: JsonPath, starts: number[], out: Extract<JsonParseResult, { ok: true }>): void {
  out.positions.set(pathKey(path), positionIn(starts, node.offset));
  if (node.type === 'array') {
    node.children?.forEach((item, index) => collect(item, [...path, index], starts, out));
    return;
  }
  if (node.type !== 'object') return;
  const seen = new Set<string>();
  for (const property of node.children ?? []) {
    const [key, value] = property.children ?? [];
    if (!key || !value) continue;
    const name = String(key.value);
    if (seen.has(name)) out.duplicateKeys.push({ path: [...path, name], position: positionIn(starts, property.offset) });
    seen.add(name);
    collect(value, [...path, name], starts, out);
    out.positions.set(pathKey([...path, name]), positionIn(starts, property.offset));
  }
}

/** Parses strict JSON (no comments, no trailing commas) and maps every value's path to its position. */
export function parseJsonWithPositions(text: string): JsonParseResult {
  const errors: ParseError[] = [];
  let tree: Node | undefined;
  try {
    tree = parseTree(text, errors, { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false });
  } catch (error) {
    if (!(error instanceof RangeError)) throw error;
    return { ok: false, message: `nested more than ${MAX_DEPTH} levels deep`, position: { line: 1, column: 1 } };
  }
  const first = errors[0];
  if (first || !tree) {
    if (!first) return { ok: false, message: `${ADVICE.ValueExpected}, found the end of the file`, position: { line: 1, column: 1 } };
    return { ok: false, message: describe(text, first), position: positionAt(text, first.offset) };
  }
  if (depthOf(tree) > MAX_DEPTH) {
    return { ok: false, message: `nested more than ${MAX_DEPTH} levels deep`, position: { line: 1, column: 1 } };
  }
  let value: unknown;
  try {
    // JSON.parse keeps a "__proto__" key as plain data, where building the value from the tree would not;
    // it is also stricter than the tree on escapes inside strings.
    value = JSON.parse(text);
  } catch (error) {
    return { ok: false, ...strictSyntaxError(text, error) };
  }
  const result: Extract<JsonParseResult, { ok: true }> = { ok: true, value, positions: new Map(), duplicateKeys: [] };
  collect(tree, [], lineStarts(text), result);
  return result;
}
