import MarkdownIt from 'markdown-it';
import sanitizeHtml from 'sanitize-html';

/**
 * Staff Markdown → safe HTML. Raw HTML is never parsed (markdown-it `html: false`), images are
 * not rendered, and a well-kept allow-list sanitiser has the last word: only http(s) and mailto
 * links, no attributes but `href` and the `rel` we add.
 */

/** Longest message rendered, in characters; forms refuse longer text, the renderer truncates. */
export const MAX_MARKDOWN_LENGTH = 20_000;

const markdown = new MarkdownIt('default', { html: false, linkify: false, typographer: false, breaks: true });
markdown.disable(['image', 'table']);

const SAFE_HREF = /^(?:https?:\/\/|mailto:)/i;

const sanitizeOptions: sanitizeHtml.IOptions = {
  allowedTags: ['p', 'br', 'em', 'strong', 'a', 'ul', 'ol', 'li', 'code', 'pre', 'blockquote', 'h3', 'h4', 'hr'],
  allowedAttributes: { a: ['href', 'rel'] },
  allowedSchemes: ['http', 'https', 'mailto'],
  allowedSchemesByTag: {},
  allowedSchemesAppliedToAttributes: ['href'],
  allowProtocolRelative: false,
  disallowedTagsMode: 'discard',
  transformTags: {
    // Notices live inside a page that has its own h1/h2: staff headings start at h3.
    h1: 'h3',
    h2: 'h3',
    h5: 'h4',
    h6: 'h4',
    a: (tagName, attribs): sanitizeHtml.Tag => {
      const href = (attribs.href ?? '').trim();
      // Relative and odd-scheme links lose their tag (the text stays): only absolute web and mail links.
      if (!SAFE_HREF.test(href)) return { tagName: 'span', attribs: {} };
      return { tagName, attribs: { href, rel: 'nofollow noopener noreferrer' } };
    },
  },
};

/** Renders staff Markdown to HTML that is safe to insert as-is in pages and feeds. */
export function renderMarkdown(text: string): string {
  const capped = text.length > MAX_MARKDOWN_LENGTH ? `${text.slice(0, MAX_MARKDOWN_LENGTH)}…` : text;
  return sanitizeHtml(markdown.render(capped), sanitizeOptions).trim();
}
