import { describe, expect, it } from 'vitest';
import { MAX_MARKDOWN_LENGTH, renderMarkdown } from '../../src/incidents/markdown.ts';
import { looksExecutable, XSS_PAYLOADS } from './xss-payloads.ts';

describe('renderMarkdown', () => {
  it.each(XSS_PAYLOADS)('renders %j as inert text', (payload) => {
    const html = renderMarkdown(`Avant ${payload} après\n\n${payload}`);
    expect(looksExecutable(html)).toBe(false);
    expect(html).not.toMatch(/<(script|img|svg|iframe|object|style|details)/i);
  });

  it('keeps the allowed formatting', () => {
    expect(renderMarkdown('**gras** et *italique*')).toBe('<p><strong>gras</strong> et <em>italique</em></p>');
    expect(renderMarkdown('- un\n- deux')).toBe('<ul>\n<li>un</li>\n<li>deux</li>\n</ul>');
    expect(renderMarkdown('> cité')).toContain('<blockquote>');
    expect(renderMarkdown('`code`')).toBe('<p><code>code</code></p>');
  });

  it('turns page-level headings into h3 so the page outline stays intact', () => {
    expect(renderMarkdown('# Titre')).toBe('<h3>Titre</h3>');
    expect(renderMarkdown('###### Petit')).toBe('<h4>Petit</h4>');
  });

  it('keeps http(s) and mailto links with rel nofollow noopener', () => {
    expect(renderMarkdown('[ameli](https://www.ameli.fr/)')).toBe(
      '<p><a href="https://www.ameli.fr/" rel="nofollow noopener noreferrer">ameli</a></p>',
    );
    expect(renderMarkdown('[écrire](mailto:contact@example.fr)')).toContain('href="mailto:contact@example.fr"');
  });

  it('drops relative, protocol-relative and other links but keeps their text', () => {
    expect(renderMarkdown('[ici](/fr/)')).toBe('<p>ici</p>');
    expect(renderMarkdown('[ici](//evil.example/)')).toBe('<p>ici</p>');
    expect(renderMarkdown('[ftp](ftp://example.fr/)')).toBe('<p>ftp</p>');
  });

  it('never renders an image, even from an https address', () => {
    expect(renderMarkdown('![logo](https://example.fr/logo.png)')).not.toContain('<img');
  });

  it('escapes raw HTML instead of interpreting it', () => {
    expect(renderMarkdown('<b>x</b>')).toBe('<p>&lt;b&gt;x&lt;/b&gt;</p>');
  });

  it(`caps the rendered text at ${MAX_MARKDOWN_LENGTH} characters`, () => {
    const html = renderMarkdown('a'.repeat(MAX_MARKDOWN_LENGTH + 5000));
    expect(html).toBe(`<p>${'a'.repeat(MAX_MARKDOWN_LENGTH)}…</p>`);
  });
});
