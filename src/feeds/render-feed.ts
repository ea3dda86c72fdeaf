import { Feed } from 'feed';
import type { Locale } from '../domain/vocabulary.ts';
import { escapeHtml, stripXmlInvalid } from '../addresses/escape.ts';
import type { FeedEntry } from './feed-entries.ts';

export const FEED_KINDS = ['rss', 'atom'] as const;
export type FeedKind = (typeof FEED_KINDS)[number];

export const FEED_CONTENT_TYPE: Record<FeedKind, string> = {
  rss: 'application/rss+xml; charset=utf-8',
  atom: 'application/atom+xml; charset=utf-8',
};

export interface ChannelInfo {
  locale: Locale;
  title: string;
  description: string;
  /** Absolute URLs: the page the feed mirrors, and the feed itself in each format. */
  pageUrl: string;
  selfUrl: Record<FeedKind, string>;
  publisherName: string;
  /** Used as the feed's date when it has no entries yet. */
  now: Date;
}

/** Stands for `]]>` inside CDATA while the package renders: XML-invalid, so no cleaned text holds it. */
const CDATA_END_MARK = '\uFFFE';

function closeCdataMarks(xml: string): string {
  return xml.replaceAll(CDATA_END_MARK, ']]]]><![CDATA[>');
}

/** Stands for RSS item title `i` while the package renders (which would wrap it in CDATA). */
const titleMark = (i: number) => `\uFFFF${i}\uFFFF`;

/**
 * RSS titles as character data with `&` and `<` as hexadecimal references, as the RSS Advisory
 * Board's profile asks: readers differ on whether a title is HTML, and one that takes it as HTML
 * swallowed `<sur>` from a CDATA title ("Lenteurs & erreurs  le portail").
 */
function rssTitle(text: string): string {
  return text.replaceAll('&', '&#x26;').replaceAll('<', '&#x3C;').replaceAll('>', '&#x3E;');
}

/**
 * RSS 2.0 or Atom 1.0 text. RSS dates come out in RFC 822 with English names (the `feed` package
 * uses `toUTCString`), Atom dates in RFC 3339. Atom titles are declared `type="html"` by the
 * package, so plain-text titles are escaped once more to stay text in readers.
 */
export function renderFeed(kind: FeedKind, channel: ChannelInfo, entries: FeedEntry[]): string {
  const clean = stripXmlInvalid;
  // The package writes item titles and descriptions as CDATA but splits only the first `]]>`: every
  // one is marked here and split after rendering, so no text can close the section early.
  const inCdata = (text: string) => text.replaceAll(']]>', CDATA_END_MARK);
  const feed = new Feed({
    id: channel.selfUrl[kind],
    title: clean(channel.title),
    description: clean(channel.description),
    link: channel.pageUrl,
    language: channel.locale,
    updated: entries[0]?.date ?? channel.now,
    generator: false,
    copyright: '',
    feedLinks: { [kind]: channel.selfUrl[kind] },
    author: { name: clean(channel.publisherName), link: channel.pageUrl },
  });
  for (const [i, entry] of entries.entries()) {
    const title = clean(entry.title);
    feed.addItem({
      title: kind === 'atom' ? inCdata(escapeHtml(title)) : titleMark(i),
      id: entry.id,
      guid: entry.id,
      link: entry.link,
      date: entry.date,
      published: entry.date,
      description: inCdata(clean(entry.html)),
    });
  }
  if (kind === 'rss') {
    let xml = feed.rss2();
    for (const [i, entry] of entries.entries())
      xml = xml.replace(`<title><![CDATA[${titleMark(i)}]]></title>`, () => `<title>${rssTitle(clean(entry.title))}</title>`);
    return closeCdataMarks(xml);
  }
  // The package has no option for the Atom document's language.
  return closeCdataMarks(feed.atom1()).replace(
    '<feed xmlns="http://www.w3.org/2005/Atom">',
    `<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="${channel.locale}">`,
  );
}
