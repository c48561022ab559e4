/** The news feeds' data: a collection with a feed part (src/kinds/), its entries and the site's names. */
import { getCollection } from 'astro:content';
import { t } from '../i18n/index.ts';
import { FEED_COLLECTIONS } from '../kinds/index.ts';
import { newsFeeds } from '../lib/feeds/news.ts';
import { newsFeedHrefs } from '../lib/feeds/paths.ts';
import { startOfDateJst } from '../lib/dates.ts';
import { todayInJapan } from '../lib/recurrence.ts';
import { getSettings } from './entries.ts';
import type { FolderCollection } from './entries.ts';
import { pageKeys } from './page-keys.ts';

/** One path per collection whose kind has a feed part. */
export const newsFeedPaths = async () => {
  // A feed shows the beginning of its entries' bodies: keyed on every file (src/lib/page-keys.ts).
  const keys = await pageKeys();
  return FEED_COLLECTIONS.map((collection) => ({ params: { collection }, ...keys.all }));
};

const built = new Map<string, Promise<{ rss: string; json: string; atom: string }>>();

async function build(collection: FolderCollection) {
  const [settings, entries] = await Promise.all([getSettings(), getCollection(collection)]);
  const name = t(`collection.${collection}`);
  const hrefs = newsFeedHrefs(collection);
  return newsFeeds(
    entries.map(({ id, data, body }) => ({ collection, id, data, body })),
    {
      title: t('feeds.newsTitle', { site: settings.siteName, collection: name }),
      description: t('feeds.newsDescription', { site: settings.siteName, collection: name }),
      siteUrl: settings.url,
      rssPath: hrefs.rss,
      jsonPath: hrefs.json,
      atomPath: hrefs.atom,
      indexPath: `/${collection}/`,
      // A recruitment without its 掲載日 (posted) is dated by the build's day, the same all day long.
      now: startOfDateJst(todayInJapan()),
      publisher: settings.publisher,
    },
  );
}

const TYPES = {
  rss: 'application/rss+xml; charset=utf-8',
  json: 'application/feed+json; charset=utf-8',
  atom: 'application/atom+xml; charset=utf-8',
} as const;

/** The feed in the given format; all formats come from one build of the collection's items. */
export async function newsResponse(collection: string, format: keyof typeof TYPES): Promise<Response> {
  const name = collection as FolderCollection;
  let feeds = built.get(name);
  if (!feeds) built.set(name, (feeds = build(name)));
  return new Response((await feeds)[format], { headers: { 'Content-Type': TYPES[format] } });
}
