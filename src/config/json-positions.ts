/**
 * A strict JSON parser that also remembers where every value sits, so a problem found later by the
 * schema can be reported at the right line. JSON.parse cannot do that, and its syntax errors do not
 * always carry a position.
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
const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const STRING_BODY = /(?:[^"\\\u0000-\u001f]|\\["\\/bfnrt]|\\u[0-9a-fA-F]{4})*/y;
const WHITESPACE = /[ \t\n\r]*/y;
const LITERALS = [['true', true], ['false', false], ['null', null]] as const;

export function pathKey(path: JsonPath): string {
  return JSON.stringify(path);
}

class SyntaxProblem {
  readonly message: string;
  readonly offset: number;
  constructor(message: string, offset: number) {
    this.message = message;
    this.offset = offset;
  }
}

/** Reads one JSON document left to right, recording positions as it goes. */
class JsonReader {
  readonly positions = new Map<string, Position>();
  readonly duplicateKeys: DuplicateKey[] = [];
  private readonly text: string;
  private readonly lineStarts = [0];
  private at = 0;

  constructor(text: string) {
    this.text = text;
    for (let i = 0; i < text.length; i++) if (text[i] === '\n') this.lineStarts.push(i + 1);
  }

  positionOf(offset: number): Position {
    let lo = 0;
    let hi = this.lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((this.lineStarts[mid] ?? 0) <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: offset - (this.lineStarts[lo] ?? 0) + 1 };
  }

  readDocument(): unknown {
    const value = this.readValue([], 0);
    this.skipWhitespace();
    if (this.at < this.text.length) this.fail('the end of the file after the top-level value');
    return value;
  }

  private skipWhitespace(): void {
    WHITESPACE.lastIndex = this.at;
    WHITESPACE.test(this.text);
    this.at = WHITESPACE.lastIndex;
  }

  private fail(expected: string): never {
    const found = this.at >= this.text.length ? 'the end of the file' : `"${this.text[this.at]}"`;
    throw new SyntaxProblem(`expected ${expected}, found ${found}`, this.at);
  }

  private readString(): string {
    const start = this.at;
    STRING_BODY.lastIndex = this.at + 1;
    STRING_BODY.test(this.text);
    this.at = STRING_BODY.lastIndex;
    const ch = this.text[this.at];
    if (ch !== '"') {
      if (ch === undefined) throw new SyntaxProblem('unterminated string', start);
      if (ch === '\\') throw new SyntaxProblem('invalid escape sequence in string', this.at);
      throw new SyntaxProblem('line break or control character inside a string (escape it)', this.at);
    }
    this.at++;
    return JSON.parse(this.text.slice(start, this.at)) as string;
  }

  private readValue(path: JsonPath, depth: number): unknown {
    this.skipWhitespace();
    if (depth > MAX_DEPTH) throw new SyntaxProblem(`nested more than ${MAX_DEPTH} levels deep`, this.at);
    if (!this.positions.has(pathKey(path))) this.positions.set(pathKey(path), this.positionOf(this.at));
    const ch = this.text[this.at];
    if (ch === '{') return this.readObject(path, depth);
    if (ch === '[') return this.readArray(path, depth);
    if (ch === '"') return this.readString();
    for (const [word, value] of LITERALS) {
      if (this.text.startsWith(word, this.at)) {
        this.at += word.length;
        return value;
      }
    }
    NUMBER.lastIndex = this.at;
    const match = NUMBER.exec(this.text);
    if (!match) return this.fail('a value (text in double quotes, a number, true, false, null, an object or a list)');
    this.at += match[0].length;
    return Number(match[0]);
  }

  private readObject(path: JsonPath, depth: number): Record<string, unknown> {
    const object: Record<string, unknown> = {};
    this.at++;
    this.skipWhitespace();
    if (this.text[this.at] === '}') {
      this.at++;
      return object;
    }
    for (;;) {
      this.skipWhitespace();
      if (this.text[this.at] === '}') this.fail('another property (remove the trailing comma)');
      if (this.text[this.at] !== '"') this.fail('a property name in double quotes');
      const keyOffset = this.at;
      const key = this.readString();
      const memberPath = [...path, key];
      if (Object.hasOwn(object, key)) this.duplicateKeys.push({ path: memberPath, position: this.positionOf(keyOffset) });
      else this.positions.set(pathKey(memberPath), this.positionOf(keyOffset));
      this.skipWhitespace();
      if (this.text[this.at] !== ':') this.fail(`":" after the property name "${key}"`);
      this.at++;
      const value = this.readValue(memberPath, depth + 1);
      // defineProperty, so a "__proto__" key stays plain data, as JSON.parse does.
      Object.defineProperty(object, key, { value, enumerable: true, writable: true, configurable: true });
      if (this.endOfContainer('}', 'a property value')) return object;
    }
  }

  private readArray(path: JsonPath, depth: number): unknown[] {
    const array: unknown[] = [];
    this.at++;
    this.skipWhitespace();
    if (this.text[this.at] === ']') {
      this.at++;
      return array;
    }
    for (;;) {
      this.skipWhitespace();
      if (this.text[this.at] === ']') this.fail('another item (remove the trailing comma)');
      array.push(this.readValue([...path, array.length], depth + 1));
      if (this.endOfContainer(']', 'a list item')) return array;
    }
  }

  /** After a member or item: true at the closing bracket, false after a comma. */
  private endOfContainer(close: '}' | ']', after: string): boolean {
    this.skipWhitespace();
    const ch = this.text[this.at];
    if (ch !== ',' && ch !== close) this.fail(`"," or "${close}" after ${after}`);
    this.at++;
    return ch === close;
  }
}

export function parseJsonWithPositions(text: string): JsonParseResult {
  const reader = new JsonReader(text);
  try {
    const value = reader.readDocument();
    return { ok: true, value, positions: reader.positions, duplicateKeys: reader.duplicateKeys };
  } catch (error) {
    if (error instanceof SyntaxProblem) return { ok: false, message: error.message, position: reader.positionOf(error.offset) };
    throw error;
  }
}
