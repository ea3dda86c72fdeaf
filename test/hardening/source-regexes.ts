import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';

export interface SourceRegex {
  /** `src/…/file.ts:line`. */
  where: string;
  source: string;
  flags: string;
}

/**
 * Every regular expression in `src/`: literals, and `new RegExp(…)` / `RegExp(…)` whose pattern is
 * a string or template literal (template parts are replaced by a sample value). `.astro` files
 * are read from their frontmatter. A RegExp built from anything else is reported, so none escapes.
 */
export function sourceRegexes(root: string): { regexes: SourceRegex[]; unreadable: string[] } {
  const regexes: SourceRegex[] = [];
  const unreadable: string[] = [];
  for (const file of readdirSync(join(root, 'src'), { recursive: true }).map(String)) {
    if (!/\.(ts|mjs|astro)$/.test(file)) continue;
    const path = join(root, 'src', file);
    const text = readCode(path);
    const source = ts.createSourceFile(path, text, ts.ScriptTarget.Latest, true);
    const where = (node: ts.Node) => `${relative(root, path)}:${source.getLineAndCharacterOfPosition(node.getStart()).line + 1}`;
    const visit = (node: ts.Node): void => {
      if (ts.isRegularExpressionLiteral(node)) {
        const end = node.text.lastIndexOf('/');
        regexes.push({ where: where(node), source: node.text.slice(1, end), flags: node.text.slice(end + 1) });
      } else if (
        (ts.isNewExpression(node) || ts.isCallExpression(node)) &&
        ts.isIdentifier(node.expression) &&
        node.expression.text === 'RegExp'
      ) {
        const [pattern, flags] = node.arguments ?? [];
        const text = pattern ? literalText(pattern) : null;
        if (text === null) unreadable.push(where(node));
        else regexes.push({ where: where(node), source: text, flags: flags ? (literalText(flags) ?? '') : '' });
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  return { regexes, unreadable };
}

function readCode(path: string): string {
  const text = readFileSync(path, 'utf8');
  if (!path.endsWith('.astro')) return text;
  const match = /^---\n([\s\S]*?)\n---/.exec(text);
  return match?.[1] ?? '';
}

function literalText(node: ts.Node): string | null {
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return node.text;
  if (ts.isTemplateExpression(node)) return node.head.text + node.templateSpans.map((span) => `5${span.literal.text}`).join('');
  return null;
}
