import { Feed } from 'feed';
import type { Locale } from '../domain/vocabulary.ts';
import { escapeHtml, stripXmlInvalid } from '../web/escape.ts';
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

/**
 * RSS 2.0 or Atom 1.0 text. RSS dates come out in RFC 822 with English names (the `feed` package
 * uses `toUTCString`), Atom dates in RFC 3339. Atom titles are declared `type="html"` by the
 * package, so plain-text titles are escaped once more to stay text in readers.
 */
export function renderFeed(kind: FeedKind, channel: ChannelInfo, entries: FeedEntry[]): string {
  const clean = stripXmlInvalid;
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
  for (const entry of entries) {
    const title = clean(entry.title);
    feed.addItem({
      title: kind === 'atom' ? escapeHtml(title) : title,
      id: entry.id,
      guid: entry.id,
      link: entry.link,
      date: entry.date,
      published: entry.date,
      description: clean(entry.html),
    });
  }
  if (kind === 'rss') return feed.rss2();
  // The package has no option for the Atom document's language.
  return feed.atom1().replace('<feed xmlns="http://www.w3.org/2005/Atom">', `<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="${channel.locale}">`);
}
