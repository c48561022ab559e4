/**
 * Loads collections for pages and resolves references to titles and links.
 */
import { getCollection, getEntry, type CollectionKey } from 'astro:content';
import { contentTypeByName } from '../schemas/index.ts';

export type FolderCollection = Exclude<CollectionKey, 'settings'>;

export const FOLDER_COLLECTIONS: FolderCollection[] = [
  'events',
  'salons',
  'recruitments',
  'reports',
  'desks',
  'practices',
  'newsletters',
  'places',
  'districts',
  'organizations',
  'pages',
];

export const entryHref = (collection: string, id: string) => `/${collection}/${id}/`;

export async function getSettings() {
  const settings = await getEntry('settings', 'site');
  if (!settings) throw new Error('content/settings/site.yml is missing');
  return settings.data;
}

/** Title of any entry, by the type's title field. */
export function titleOf(collection: string, data: Record<string, unknown>): string {
  const field = contentTypeByName.get(collection)?.titleField ?? 'title';
  return String(data[field] ?? '');
}

/** id → { title, href, data } for every entry of every collection, to show references as links. */
export async function buildLookup() {
  const lookup = new Map<string, { title: string; href: string; data: Record<string, unknown> }>();
  for (const collection of FOLDER_COLLECTIONS) {
    for (const entry of await getCollection(collection)) {
      lookup.set(`${collection}/${entry.id}`, {
        title: titleOf(collection, entry.data as Record<string, unknown>),
        href: entryHref(collection, entry.id),
        data: entry.data as Record<string, unknown>,
      });
    }
  }
  return lookup;
}
export type Lookup = Awaited<ReturnType<typeof buildLookup>>;
