import { query, type JsonValue } from 'jsonpath-rfc9535';
import type { JsonAssertion, JsonLiteral } from '../../config/json-assertion.ts';
import type { ResponseAssertions } from '../../config/service-check.ts';

/**
 * Whether an answer holds what the catalogue asserts on its headers and JSON body (pure). The first
 * assertion that fails is named in the detail, with what was found instead, shortened.
 */

export interface AssertionFailure {
  outcome: 'json_mismatch' | 'header_mismatch';
  detail: string;
}

const short = (value: unknown) => {
  const text = JSON.stringify(value) ?? 'undefined';
  return text.length > 80 ? `${text.slice(0, 77)}...` : text;
};

function headerFailure(headers: Headers, expected: ResponseAssertions['headers']): AssertionFailure | null {
  for (const [name, contains] of expected) {
    const value = headers.get(name);
    if (value === null)
      return { outcome: 'header_mismatch', detail: `header ${name} missing, expected it to contain ${JSON.stringify(contains)}` };
    if (!value.toLowerCase().includes(contains.toLowerCase())) {
      return {
        outcome: 'header_mismatch',
        detail: `header ${name} is ${short(value)}, expected it to contain ${JSON.stringify(contains)}`,
      };
    }
  }
  return null;
}

function sizeOf(nodes: JsonValue[]): number {
  const [only] = nodes;
  if (nodes.length !== 1 || only === null || only === undefined) return nodes.length;
  if (typeof only === 'string' || Array.isArray(only)) return only.length;
  return typeof only === 'object' ? Object.keys(only).length : 1;
}

function compare(found: JsonValue, operator: JsonAssertion['operator'], expected: JsonLiteral): boolean {
  switch (operator) {
    case '==':
      return found === expected;
    case '!=':
      return found !== expected;
    default:
      if (typeof found !== 'number' || typeof expected !== 'number') return false;
      if (operator === '<') return found < expected;
      if (operator === '<=') return found <= expected;
      if (operator === '>') return found > expected;
      return found >= expected;
  }
}

/** Why the assertion fails on `document`, or null when it holds. */
export function jsonAssertionFailure(document: JsonValue, assertion: JsonAssertion): string | null {
  const nodes = query(document, assertion.query);
  if (assertion.measure === 'len') {
    const size = sizeOf(nodes);
    return compare(size, assertion.operator, assertion.expected) ? null : `${assertion.text}: length is ${size}`;
  }
  if (nodes.length === 0) return `${assertion.text}: ${assertion.query} selects nothing`;
  // A query selecting several values holds when every one does: "$.components[*].status == \"ok\"".
  if (nodes.every((node) => compare(node, assertion.operator, assertion.expected))) return null;
  return `${assertion.text}: found ${short(nodes.length === 1 ? nodes[0] : nodes)}`;
}

/** The first assertion the answer breaks (headers first: they are cheaper), or null. */
export function assertionFailure(headers: Headers, body: string, expected: ResponseAssertions): AssertionFailure | null {
  const header = headerFailure(headers, expected.headers);
  if (header !== null || expected.json.length === 0) return header;
  let document: JsonValue;
  try {
    document = JSON.parse(body) as JsonValue;
  } catch {
    return { outcome: 'json_mismatch', detail: `the body is not JSON (${short(body.slice(0, 60))})` };
  }
  for (const assertion of expected.json) {
    const failure = jsonAssertionFailure(document, assertion);
    if (failure !== null) return { outcome: 'json_mismatch', detail: failure };
  }
  return null;
}
