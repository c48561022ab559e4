/**
 * Which entries get a page and how they are named and addressed: shared by the pages (through
 * src/data/entries.ts) and by what runs outside Astro's runtime (the search index worker).
 */
import { contentTypeByName, type ContentTypeName } from '../schemas/index.ts';

/** The collections whose entries each get a page at /<collection>/<id>/ (every one but settings). */
export const ENTRY_COLLECTIONS = [
  'events',
  'salons',
  'recruitments',
  'reports',
  'desks',
  'services',
  'plans',
  'funding',
  'practices',
  'newsletters',
  'places',
  'districts',
  'organizations',
  'pages',
] as const satisfies readonly Exclude<ContentTypeName, 'settings'>[];

export const entryHref = (collection: string, id: string) => `/${collection}/${id}/`;

/** Title of any entry, by the type's title field. */
export function titleOf(collection: string, data: Record<string, unknown>): string {
  const field = contentTypeByName.get(collection)?.titleField ?? 'title';
  return String(data[field] ?? '');
}

export interface LookupEntry {
  title: string;
  href: string;
  data: Record<string, unknown>;
}

/** '<collection>/<id>' → title, link and data, to show references by name (src/lib/facts.ts). */
export function entryLookup(
  entries: Iterable<{ collection: string; id: string; data: Record<string, unknown> }>,
): Map<string, LookupEntry> {
  const lookup = new Map<string, LookupEntry>();
  for (const { collection, id, data } of entries)
    lookup.set(`${collection}/${id}`, { title: titleOf(collection, data), href: entryHref(collection, id), data });
  return lookup;
}
