/**
 * The build's page keys (src/lib/page-keys.ts), made once from the collections: each
 * getStaticPaths() spreads its pages' key into them (`...keys.front`). Outside a build
 * (`astro dev`) there is no base, so no key: every page is rendered, as the dev server does anyway.
 */
import { getCollection } from 'astro:content';
import { makePageKeys, takePageKeyBase, type KeyedFile, type PageKeys } from '../lib/page-keys.ts';
import { FOLDER_COLLECTIONS, getSettings } from './entries.ts';

/** What a path spreads into its getStaticPaths() item: its `cacheKey`, or nothing. */
type Keyed = { cacheKey?: string };

export interface PathKeys {
  front: Keyed;
  all: Keyed;
  entry(collection: string, id: string): Keyed;
}

const NONE: PathKeys = { front: {}, all: {}, entry: () => ({}) };

async function make(): Promise<PathKeys> {
  let base = takePageKeyBase();
  if (base === undefined) return NONE;
  // In disaster mode without a time of update, the banner above every page says when the site
  // was built (src/components/bosai/EmergencyBanner.astro): every page is then of this build.
  const emergency = (await getSettings()).emergency;
  if (emergency?.active && !emergency.updated) base += `\0built ${Date.now()}`;
  const files: KeyedFile[] = [];
  for (const collection of [...FOLDER_COLLECTIONS, 'settings', 'translations'] as const)
    for (const { id, data, digest } of await getCollection(collection))
      files.push({ collection, id, data, digest: digest === undefined ? undefined : String(digest) });
  const keys: PageKeys = makePageKeys(base, files, (file) => {
    if (file.collection !== 'translations') return undefined;
    const { collection, entry } = file.data as { collection: string; entry: string };
    return `${collection}/${entry}`;
  });
  return {
    front: { cacheKey: keys.front },
    all: { cacheKey: keys.all },
    entry: (collection, id) => ({ cacheKey: keys.entry(collection, id) }),
  };
}

let made: Promise<PathKeys> | undefined;

/** The keys of this build's pages (none under `astro dev`). */
export function pageKeys(): Promise<PathKeys> {
  if (import.meta.env.DEV) return Promise.resolve(NONE);
  return (made ??= make());
}
