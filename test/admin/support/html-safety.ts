import { parseDocument } from 'htmlparser2';
import type { ChildNode, Element } from 'domhandler';

/**
 * What in an HTML document could run script or load from elsewhere: event-handler attributes,
 * script/iframe/object/embed/base/meta-refresh elements (our own `<script src="/…">` aside),
 * javascript:/vbscript:/data: URLs, images from other hosts. Parsed, not pattern-matched, so
 * escaped text and attribute values do not count.
 */
export function unsafeMarkup(html: string): string[] {
  const problems: string[] = [];
  const visit = (nodes: ChildNode[]) => {
    for (const node of nodes) {
      if (node.type !== 'tag' && node.type !== 'script' && node.type !== 'style') continue;
      const el = node as Element;
      const name = el.name.toLowerCase();
      const attrs = el.attribs;
      if (name === 'script' && !(attrs.src?.startsWith('/') && !attrs.src.startsWith('//')))
        problems.push(`inline script: ${JSON.stringify(attrs)}`);
      if (['iframe', 'object', 'embed', 'base', 'frame', 'applet'].includes(name)) problems.push(`<${name}>`);
      if (name === 'meta' && attrs['http-equiv']?.toLowerCase() === 'refresh') problems.push('meta refresh');
      if (name === 'img' && attrs.src && !attrs.src.startsWith('/')) problems.push(`external image ${attrs.src}`);
      for (const [attr, value] of Object.entries(attrs)) {
        if (/^on/i.test(attr)) problems.push(`<${name} ${attr}>`);
        // eslint-disable-next-line no-control-regex -- browsers ignore controls inside a scheme name
        const scheme = value.replace(/[\s\u0000-\u001f]/g, '');
        if (
          ['href', 'src', 'action', 'formaction', 'xlink:href', 'data'].includes(attr.toLowerCase()) &&
          /^\s*(javascript|vbscript|data):/i.test(scheme)
        ) {
          problems.push(`<${name} ${attr}="${value}">`);
        }
      }
      visit(el.children);
    }
  };
  visit(parseDocument(html).children);
  return problems;
}
