import { describe, expect, it } from 'vitest';
import { parseJsonWithPositions, pathKey } from '../../src/config/json-positions.ts';

function positionsOf(text: string) {
  const result = parseJsonWithPositions(text);
  if (!result.ok) throw new Error(`unexpected syntax error: ${result.message}`);
  return result;
}

describe('parseJsonWithPositions', () => {
  it('returns the same value as JSON.parse', () => {
    const text = '{"a": [1, -2.5e3, "x\\u00e9\\n", true, false, null, {}], "b": {"c": []}, "d": "é"}';
    expect(positionsOf(text).value).toEqual(JSON.parse(text));
  });

  it('records the line and column of every member and item', () => {
    const text = ['{', '  "services": [', '    {', '      "id": "a",', '      "url": "ftp://x"', '    }', '  ]', '}'].join('\n');
    const { positions } = positionsOf(text);
    expect(positions.get(pathKey([]))).toEqual({ line: 1, column: 1 });
    expect(positions.get(pathKey(['services']))).toEqual({ line: 2, column: 3 });
    expect(positions.get(pathKey(['services', 0]))).toEqual({ line: 3, column: 5 });
    expect(positions.get(pathKey(['services', 0, 'url']))).toEqual({ line: 5, column: 7 });
  });

  it('counts lines the same with Windows line endings', () => {
    const { positions } = positionsOf('{\r\n  "a": 1,\r\n  "b": 2\r\n}');
    expect(positions.get(pathKey(['b']))).toEqual({ line: 3, column: 3 });
  });

  it('reports a key that appears twice, at the second occurrence, keeping the last value like JSON.parse', () => {
    const result = positionsOf('{\n  "a": 1,\n  "a": 2\n}');
    expect(result.value).toEqual({ a: 2 });
    expect(result.duplicateKeys).toEqual([{ path: ['a'], position: { line: 3, column: 3 } }]);
  });

  it('keeps a "__proto__" key as plain data', () => {
    const { value } = positionsOf('{"__proto__": {"polluted": true}}');
    expect(Object.getPrototypeOf(value)).toBe(Object.prototype);
    expect(Object.keys(value as object)).toEqual(['__proto__']);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  const syntaxErrors: [string, string, number, number, RegExp][] = [
    ['trailing comma in an object', '{\n  "a": 1,\n}', 3, 1, /remove the trailing comma/],
    ['trailing comma in a list', '[1,\n 2,\n]', 3, 1, /remove the trailing comma/],
    ['missing comma', '{\n  "a": 1\n  "b": 2\n}', 3, 3, /expected "," between two values/],
    ['unquoted key', '{ a: 1 }', 1, 3, /need "double quotes"/],
    ['single quotes', "{ 'a': 1 }", 1, 3, /need "double quotes"/],
    ['misspelt literal', '{"a": tru}', 1, 7, /true, false and null/],
    ['missing colon', '{"a" 1}', 1, 6, /":" after the property name/],
    ['unterminated string', '{"a": "abc', 1, 7, /unterminated string/],
    ['line break inside a string', '{"a": "ab\ncd"}', 1, 7, /unterminated string/],
    ['bad escape', '{"a": "\\q"}', 1, 7, /invalid escape/],
    ['leading zero', '[01]', 1, 3, /expected ","/],
    ['comment', '{\n  // note\n  "a": 1\n}', 2, 3, /comments are not allowed/],
    ['empty file', '', 1, 1, /the end of the file/],
    ['text after the value', '{}\n{}', 2, 1, /end of the file after the top-level value/],
    ['unclosed object', '{"a": 1', 1, 8, /"," or "}".*end of the file/],
  ];

  it.each(syntaxErrors)('reports %s with its line and column', (_name, text, line, column, message) => {
    const result = parseJsonWithPositions(text);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.position).toEqual({ line, column });
    expect(result.message).toMatch(message);
  });

  it('agrees with JSON.parse on what is valid', () => {
    for (const [, text] of syntaxErrors) expect(() => JSON.parse(text)).toThrow();
  });

  it('refuses absurdly deep nesting instead of overflowing the stack', () => {
    const result = parseJsonWithPositions('['.repeat(10_000));
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message).toMatch(/nested more than/);
  });
});
