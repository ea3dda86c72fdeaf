import type { PublishedState } from '../domain/vocabulary.ts';
import { escapeHtml } from '../addresses/escape.ts';

/** Shape and colour per state: the shape carries the meaning for those who cannot tell colours apart. */
const LOOK: Record<PublishedState, { color: string; shape: string }> = {
  operational: { color: '#1d7a3a', shape: '<circle cx="6" cy="6" r="4.5"/>' },
  degraded: { color: '#8a5a00', shape: '<path d="M6 1.5 10.5 10.5H1.5Z"/>' },
  partial: { color: '#a13d0b', shape: '<path d="M6 1 11 4.8 9.1 11H2.9L1 4.8Z"/>' },
  down: { color: '#b3261e', shape: '<path d="M2 2h8v8H2Z"/>' },
  maintenance: { color: '#2f5aa8', shape: '<path d="M6 1 11 6 6 11 1 6Z"/>' },
  closed: { color: '#4b4f73', shape: '<path d="M6 1a5 5 0 1 0 0 10A5 5 0 1 0 6 1Zm-3 4.2v1.6h6V5.2Z"/>' },
  unknown: { color: '#5c5c5c', shape: '<path d="M1.5 4.5h9v3h-9Z"/>' },
};

const CHAR_WIDTH = 6.6;
const PADDING = 8;

function textWidth(text: string): number {
  return Math.ceil([...text].length * CHAR_WIDTH + 2 * PADDING);
}

/** A small status badge: "<name> | <shape> <state word>", text escaped, readable without colour. */
export function badgeSvg(input: {
  name: string;
  state: PublishedState;
  stateWord: string;
  title: string;
  lang: string;
  /** The name's own language when it differs from the badge's (an official name kept in French). */
  nameLang?: string;
}): string {
  const look = LOOK[input.state];
  const left = textWidth(input.name);
  const right = textWidth(input.stateWord) + 14;
  const width = left + right;
  const name = escapeHtml(input.name);
  const word = escapeHtml(input.stateWord);
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="20" viewBox="0 0 ${width} 20" role="img" aria-label="${escapeHtml(input.title)}" lang="${escapeHtml(input.lang)}">`,
    `<title>${escapeHtml(input.title)}</title>`,
    `<rect width="${left}" height="20" fill="#3b3b3b"/>`,
    `<rect x="${left}" width="${right}" height="20" fill="${look.color}"/>`,
    `<g fill="#fff" font-family="Verdana,DejaVu Sans,sans-serif" font-size="11">`,
    `<text x="${PADDING}" y="14"${input.nameLang ? ` lang="${escapeHtml(input.nameLang)}"` : ''}>${name}</text>`,
    `<g transform="translate(${left + 6} 4)">${look.shape}</g>`,
    `<text x="${left + 20}" y="14">${word}</text>`,
    `</g></svg>`,
  ].join('');
}
