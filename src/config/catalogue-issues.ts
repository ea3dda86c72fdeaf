import type { z } from 'zod';
import { pathKey, type JsonPath } from './json-positions.ts';

/**
 * Plain-language wording for the catalogue's validation problems. Messages written in the schema
 * itself (slugs, URLs, status ranges) take precedence; this map only replaces zod's generic ones.
 */

const TYPE_WORDS: Record<string, string> = {
  string: 'text in double quotes',
  number: 'a number',
  int: 'a whole number',
  boolean: 'true or false',
  object: 'an object { … }',
  array: 'a list [ … ]',
};

function describeJsonValue(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'string') return `the text ${JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value)}`;
  if (typeof value === 'number') return Number.isInteger(value) ? `the number ${value}` : `the decimal number ${value}`;
  if (typeof value === 'boolean') return String(value);
  return 'an object';
}

function bound(origin: string, limit: number | bigint, side: 'least' | 'most', inclusive: boolean | undefined): string {
  if (origin === 'string') return limit === 1 && side === 'least' ? 'must not be empty' : `must be at ${side} ${limit} characters long`;
  if (origin === 'array') return limit === 1 && side === 'least' ? 'must list at least one item' : `must list at ${side} ${limit} items`;
  if (inclusive === false) return `must be ${side === 'least' ? 'greater' : 'less'} than ${limit}`;
  return `must be at ${side} ${limit}`;
}

export const catalogueErrorMap: z.core.$ZodErrorMap = (issue) => {
  switch (issue.code) {
    case 'invalid_type': {
      const expected = TYPE_WORDS[issue.expected] ?? issue.expected;
      if (issue.input === undefined) return `is required: add it (${expected})`;
      if (issue.expected === 'int' && typeof issue.input === 'number') return `must be a whole number, not ${issue.input}`;
      return `must be ${expected}, not ${describeJsonValue(issue.input)}`;
    }
    case 'too_small':
      return bound(issue.origin, issue.minimum, 'least', issue.inclusive);
    case 'too_big':
      return bound(issue.origin, issue.maximum, 'most', issue.inclusive);
    default:
      return undefined;
  }
};

/** `services[4].url`; keys that are not plain identifiers are quoted: `defaults["odd key"]`. */
export function formatPath(path: JsonPath): string {
  let out = '';
  for (const segment of path) {
    if (typeof segment === 'number') out += `[${segment}]`;
    else if (/^[A-Za-z_$][\w$]*$/.test(segment)) out += out === '' ? segment : `.${segment}`;
    else out += `[${JSON.stringify(segment)}]`;
  }
  return out === '' ? '(top level)' : out;
}

/** One located problem: where in the document, and what to say about it. */
export interface PathProblem {
  path: JsonPath;
  message: string;
}

/**
 * One problem per value: the first issue zod raises for a path (a later one, such as a range check
 * after a failed pattern, only repeats it). An issue about several unknown keys becomes one per key.
 */
export function issuesToProblems(issues: readonly z.core.$ZodIssue[]): PathProblem[] {
  const seen = new Set<string>();
  const problems = issues.flatMap((issue): PathProblem[] => {
    const path = issue.path.map((segment) => (typeof segment === 'symbol' ? String(segment) : segment));
    if (issue.code === 'unrecognized_keys') {
      return issue.keys.map((key) => ({
        path: [...path, key],
        message: `unknown field "${key}": check its spelling, or remove it`,
      }));
    }
    if (issue.code === 'invalid_key') {
      // A record key that fails its own schema (a dated exception that is no date): say why.
      return [{ path, message: issue.issues[0]?.message ?? issue.message }];
    }
    return [{ path, message: issue.message }];
  });
  return problems.filter((problem) => {
    const key = pathKey(problem.path);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
