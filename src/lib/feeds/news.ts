/**
 * News feeds of a collection (reports, events, recruitments): RSS 2.0 and Atom for feed readers
 * and a town hall's or school's site, JSON Feed for scripts — written by the `feed` package from
 * the kind's feed part, newest first. Items are the entries as the site has them; their dates are
 * Japan time (a day alone is read as 00:00 JST), shown with +09:00 in JSON Feed.
 */
import { Feed } from 'feed';
import { entryHref, titleOf } from '../entries.ts';
import { parseDateTime, startOfDateJst } from '../dates.ts';
import { kindOf } from '../../kinds/index.ts';
import { SHARED_EXTENSION, type SharedData } from './shared.ts';

export interface NewsEntry {
  collection: string;
  id: string;
  data: Record<string, unknown>;
  /** The Markdown body, for the summary of types that have no summary field. */
  body?: string | undefined;
}

export interface NewsFeedOptions {
  /** The feed's title (「みどり野つながりネット 活動報告」). */
  title: string;
  description: string;
  /** The site's published address (site settings `url`). */
  siteUrl: string;
  /** Paths of the feed files, linked from each other: '/reports/feed.xml', '/reports/feed.json', '/reports/atom.xml'. */
  rssPath: string;
  jsonPath: string;
  atomPath: string;
  /** The collection's index page, '/reports/'. */
  indexPath: string;
  /** Used for entries without a date of their own, and as the feed's updated time. */
  now: Date;
  /** The publisher, named as the feed's author (site settings `publisher`). */
  publisher: string;
  /** At most this many items, newest first. */
  limit?: number;
}

/** Summaries longer than this are cut: a feed item is a pointer to the page, not the page. */
const SUMMARY_LENGTH = 120;

/**
 * The beginning of a Markdown body as plain text: headings' marks, emphasis, links' targets,
 * pictures and HTML comments removed, lines joined, cut at `length` characters with '…'.
 */
export function plainSummary(markdown: string, length = SUMMARY_LENGTH): string {
  const text = markdown
    .replace(/<!--[\s\S]*?-->/g, ' ')
    .replace(/!\[[^\]]*\]\([^)]*\)/g, ' ')
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/^\s{0,3}(?:#{1,6}|>|[-*+]|\d+[.)])\s+/gm, '')
    .replace(/[*_`~]+/g, '')
    .replace(/\s+/g, ' ')
    .trim();
  const chars = [...text];
  return chars.length <= length ? text : `${chars.slice(0, length - 1).join('')}…`;
}

/** The instant of a Japan-time 'YYYY-MM-DD' or 'YYYY-MM-DDTHH:mm'. */
function instantOf(text: string): Date {
  return text.length === 10 ? startOfDateJst(text) : (parseDateTime(text) ?? startOfDateJst(text.slice(0, 10)));
}

export interface NewsItem {
  id: string;
  url: string;
  title: string;
  date: Date;
  summary: string;
  /** The entry's data, for a type other towns take in (its kind's feed part says `shared`). */
  shared?: SharedData;
}

/** The entries of collections with a feed part as feed items, newest first. */
export function newsItems(entries: Iterable<NewsEntry>, siteUrl: string, now: Date): NewsItem[] {
  const items: NewsItem[] = [];
  for (const { collection, id, data, body } of entries) {
    const part = kindOf(collection).feed;
    if (!part) continue;
    const date = part.date(data);
    const url = new URL(entryHref(collection, id), siteUrl).href;
    items.push({
      id: url,
      url,
      title: titleOf(collection, data),
      date: date ? instantOf(date) : now,
      summary: part.summary(data) ?? plainSummary(body ?? ''),
      ...(part.shared ? { shared: { collection, data } } : {}),
    });
  }
  return items.sort((a, b) => b.date.getTime() - a.date.getTime() || a.id.localeCompare(b.id));
}

/** The collection's feed as RSS 2.0, Atom and JSON Feed text. */
export function newsFeeds(
  entries: Iterable<NewsEntry>,
  options: NewsFeedOptions,
): { rss: string; json: string; atom: string } {
  const items = newsItems(entries, options.siteUrl, options.now).slice(0, options.limit ?? 50);
  // Readers take an RSS title and description, and an Atom title and summary (the package marks
  // them type="html"), as HTML: the volunteer's plain text goes in escaped, so a reader shows
  // 「<b>」 or 「<img onerror=…>」 as written instead of making it bold or running it. JSON Feed
  // carries it as text (content_text), unescaped.
  const escaped = feedOf(items, options, escapeHtml);
  const plain = feedOf(items, options, (text) => text);
  return { rss: escaped.rss2(), json: jsonInJapan(plain.json1(), items), atom: atomInJapan(escaped.atom1()) };
}

function feedOf(items: readonly NewsItem[], options: NewsFeedOptions, text: (plain: string) => string): Feed {
  const absolute = (path: string) => new URL(path, options.siteUrl).href;
  const feed = new Feed({
    id: absolute(options.indexPath),
    link: absolute(options.indexPath),
    title: options.title,
    description: options.description,
    language: 'ja',
    copyright: options.publisher,
    author: { name: options.publisher, link: absolute('/') },
    updated: items[0]?.date ?? options.now,
    feedLinks: { rss: absolute(options.rssPath), json: absolute(options.jsonPath), atom: absolute(options.atomPath) },
    generator: 'Tsunagari (feed)',
  });
  for (const item of items)
    feed.addItem({
      title: text(item.title),
      id: item.id,
      link: item.url,
      date: item.date,
      published: item.date,
      description: text(item.summary),
    });
  return feed;
}

const escapeHtml = (text: string): string =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

const JST_MS = 9 * 60 * 60 * 1000;

/** RFC 3339 with seconds, as JSON Feed asks, at +09:00. */
export const japanIso = (instant: Date): string =>
  `${new Date(instant.getTime() + JST_MS).toISOString().slice(0, 19)}+09:00`;

/**
 * The package's JSON Feed, adjusted: dates as Japan time (+09:00) rather than UTC — the same
 * instants, read as a resident would write them — and the summary as text (summary,
 * content_text) where the package puts it into content_html, which a reader would parse as HTML.
 * A shared type's items carry the entry's data as the `_tsunagari` extension (src/lib/feeds/
 * shared.ts), in JSON Feed only: the package would also write an item's extensions into RSS.
 */
function jsonInJapan(json: string, items: readonly NewsItem[]): string {
  const feed = JSON.parse(json) as { items?: Record<string, unknown>[] };
  for (const [index, item] of (feed.items ?? []).entries()) {
    const shared = items[index]?.shared;
    if (shared) item[SHARED_EXTENSION] = shared;
    for (const key of ['date_published', 'date_modified'])
      if (typeof item[key] === 'string') item[key] = japanIso(new Date(item[key]));
    if (typeof item['content_html'] === 'string') {
      item['summary'] = item['content_text'] = item['content_html'];
      delete item['content_html'];
    }
  }
  return `${JSON.stringify(feed, null, 2)}\n`;
}

/**
 * The package's Atom, adjusted as the JSON Feed is: its dates as Japan time (+09:00), and the
 * feed's language (xml:lang, which the package leaves out of Atom) so readers pick Japanese fonts.
 */
function atomInJapan(xml: string): string {
  return xml
    .replace('<feed xmlns="http://www.w3.org/2005/Atom">', '<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="ja">')
    .replace(
      /<(updated|published)>([^<]+)<\/\1>/g,
      (_, tag: string, date: string) => `<${tag}>${japanIso(new Date(date))}</${tag}>`,
    );
}
