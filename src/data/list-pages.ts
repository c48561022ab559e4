/**
 * The continuation pages of the collections' index pages (LIST_PAGE_SIZE, src/lib/listings.ts):
 * which lists run past their first page, and how far. Worked out once per build: both routes
 * (Japanese and each language's) and the language switch's list of pages ask.
 */
import { getCollection } from 'astro:content';
import { t, useTranslations } from '../i18n/index.ts';
import { collectionIndex, indexLists, pageCount, type IndexList } from '../lib/listings.ts';
import { todayInJapan } from '../lib/recurrence.ts';
import { FOLDER_COLLECTIONS, OWN_ROUTES, type FolderCollection } from './entries.ts';
import { localizedEntries } from './translations.ts';

export interface ListPage {
  collection: FolderCollection;
  /** The list's id: its section's, or `list` (src/lib/listings.ts, indexLists). */
  list: string;
  /** 2 and up: page 1 is the index page. */
  page: number;
}

export function listPages(): Promise<ListPage[]> {
  // Under `astro dev` a saved entry must show: only the build keeps the first count.
  if (!counted || import.meta.env.DEV) counted = countPages();
  return counted;
}
let counted: Promise<ListPage[]> | undefined;

async function countPages(): Promise<ListPage[]> {
  const pages: ListPage[] = [];
  for (const collection of FOLDER_COLLECTIONS.filter((c) => !OWN_ROUTES.has(c))) {
    // The same lists in every language: a translation changes an entry's words, not its place.
    for (const list of await indexListsIn(collection, t.locale))
      for (let page = 2; page <= pageCount(list.items.length); page++) pages.push({ collection, list: list.id, page });
  }
  return pages;
}

/**
 * A collection's index lists in a language, each line in that language's words: made once per
 * build for all its pages (at 10,000 entries the 2,399 events' lines were otherwise made again
 * for each of their 24 pages in each of nine languages).
 */
export function indexListsIn(collection: FolderCollection, locale: string): Promise<IndexList[]> {
  const key = `${collection}/${locale}`;
  let lists = made.get(key);
  // Under `astro dev` a saved entry must show: only the build keeps them.
  if (!lists || import.meta.env.DEV) {
    lists = makeLists(collection, locale);
    made.set(key, lists);
  }
  return lists;
}
const made = new Map<string, Promise<IndexList[]>>();

async function makeLists(collection: FolderCollection, locale: string): Promise<IndexList[]> {
  const tl = useTranslations(locale);
  const entries = await localizedEntries(await getCollection(collection), tl.locale);
  return indexLists(collectionIndex(collection, entries, todayInJapan(), tl));
}
