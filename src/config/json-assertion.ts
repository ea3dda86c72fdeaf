import parseJsonPath from 'jsonpath-rfc9535/parser';

/**
 * One line of `expect.json`: a JSONPath query (RFC 9535, parsed by `jsonpath-rfc9535`), optionally
 * wrapped in `len(…)`, compared to a JSON literal: `$.status == "ok"`, `len($.items) > 0`. Only the
 * comparison around the query is ours; the query language is the library's.
 */

export const JSON_OPERATORS = ['==', '!=', '<=', '>=', '<', '>'] as const;
export type JsonOperator = (typeof JSON_OPERATORS)[number];

export type JsonLiteral = string | number | boolean | null;

export interface JsonAssertion {
  /** As written in the catalogue, for details and pages. */
  text: string;
  query: string;
  /** `len`: the size of the selected array, string or object (or the number of nodes selected). */
  measure: 'value' | 'len';
  operator: JsonOperator;
  expected: JsonLiteral;
}

/** Where the comparison operator starts: the last one outside brackets, parentheses and quotes. */
function operatorAt(text: string): { index: number; operator: JsonOperator } | null {
  let depth = 0;
  let quote: string | null = null;
  let found: { index: number; operator: JsonOperator } | null = null;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quote !== null) {
      if (c === '\\') i++;
      else if (c === quote) quote = null;
      continue;
    }
    if (c === '"' || c === "'") quote = c;
    else if (c === '[' || c === '(') depth++;
    else if (c === ']' || c === ')') depth--;
    else if (depth === 0) {
      const operator = JSON_OPERATORS.find((op) => text.startsWith(op, i));
      if (operator) {
        found = { index: i, operator };
        i += operator.length - 1;
      }
    }
  }
  return found;
}

function parseLiteral(text: string): JsonLiteral | undefined {
  try {
    const value: unknown = JSON.parse(text);
    return value === null || ['string', 'number', 'boolean'].includes(typeof value) ? (value as JsonLiteral) : undefined;
  } catch {
    return undefined;
  }
}

/** The assertion, or why it cannot be one (the catalogue reports it at the line). */
export function parseJsonAssertion(text: string): JsonAssertion | string {
  const at = operatorAt(text);
  if (at === null) return `must compare a query to a value, like '$.status == "ok"' or 'len($.items) > 0'`;
  const subject = text.slice(0, at.index).trim();
  const literal = text.slice(at.index + at.operator.length).trim();
  const len = /^len\((.*)\)$/s.exec(subject);
  const query = (len ? len[1]! : subject).trim();
  try {
    parseJsonPath(query);
  } catch (error) {
    return `"${query}" is not a JSONPath query (RFC 9535): ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`;
  }
  const expected = parseLiteral(literal);
  if (expected === undefined) return `"${literal}" must be a JSON value: a "string" in double quotes, a number, true, false or null`;
  const ordering = at.operator !== '==' && at.operator !== '!=';
  if (ordering && typeof expected !== 'number') return `"${at.operator}" compares numbers: put a number after it`;
  return { text, query, measure: len ? 'len' : 'value', operator: at.operator, expected };
}
