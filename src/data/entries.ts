/**
 * Loads collections for pages and resolves references to titles and links.
 */
import { getCollection, getEntry, type CollectionKey } from 'astro:content';
import { ENTRY_COLLECTIONS, entryHref, entryLookup, titleOf } from '../lib/entries.ts';
import { OWN_PAGE_COLLECTIONS } from '../kinds/index.ts';

export type FolderCollection = Exclude<CollectionKey, 'settings' | 'translations'>;

/** Every collection whose entries get a page of their own (src/lib/entries.ts). */
export const FOLDER_COLLECTIONS: readonly FolderCollection[] = ENTRY_COLLECTIONS;
/**
 * Collections whose entry and index pages are routes of their own (src/pages/<collection>/)
 * instead of [collection]/, as their kind says (`ownPages`): a newsletter issue is laid out as
 * the printed だより.
 */
export const OWN_ROUTES: ReadonlySet<FolderCollection> = OWN_PAGE_COLLECTIONS;
export { entryHref, titleOf };

async function readSettings() {
  const settings = await getEntry('settings', 'site');
  if (!settings) throw new Error('content/settings/site.yml is missing');
  return settings.data;
}
let settingsRead: ReturnType<typeof readSettings> | undefined;

/** The site settings, read once per build: every page asks for them several times (layout, ふりがな, 防災). */
export function getSettings(): ReturnType<typeof readSettings> {
  // Under `astro dev` a saved settings file must show: only the build keeps the first read.
  if (!settingsRead || import.meta.env.DEV) settingsRead = readSettings();
  return settingsRead;
}

/**
 * id → { title, href, data } for every entry of every collection, to show references as links.
 * Made once per build and shared (read only): entry pages, ibasho, plans, open data and the CMS
 * page all ask, and indexes kept per lookup (the referrers of a place) are then made once too.
 */
export function buildLookup(): ReturnType<typeof makeLookup> {
  // Under `astro dev` a saved entry must show: only the build keeps the first one.
  if (!lookupMade || import.meta.env.DEV) lookupMade = makeLookup();
  return lookupMade;
}
let lookupMade: ReturnType<typeof makeLookup> | undefined;

async function makeLookup() {
  const entries = [];
  for (const collection of FOLDER_COLLECTIONS)
    for (const entry of await getCollection(collection))
      entries.push({ collection, id: entry.id, data: entry.data as Record<string, unknown> });
  return entryLookup(entries);
}
export type Lookup = Awaited<ReturnType<typeof makeLookup>>;
