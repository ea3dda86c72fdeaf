/**
 * Staff Markdown as a plain-text email reads it: emphasis markers dropped, a link as its text with
 * the address after it. Lists, paragraphs and line breaks are already plain text. Asterisks sent
 * as typed read as noise in `text/plain` (« **La date limite est reportée.** »).
 */
export function plainMarkdown(markdown: string): string {
  return markdown
    .replace(/\[([^[\]\n]+)\]\((https?:\/\/[^()[\]\s]+)\)/g, '$1 ($2)')
    .replace(/<(https?:\/\/[^<>\s]+)>/g, '$1')
    .replace(/(\*\*|__)(?=\S)([^\n]*?\S)\1/g, '$2')
    .replace(/(^|[^\p{L}\p{N}*_])([*_])(?=\S)([^\n*_]*?\S)\2(?![\p{L}\p{N}])/gu, '$1$3')
    .replace(/`([^`\n]+)`/g, '$1');
}
