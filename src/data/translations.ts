/**
 * The translated entries and settings for pages (issue 16): which entry pages exist in which
 * language, an entry or list in the reader's language, the site settings' texts in it. The data
 * comes from the `translations` collection (src/content.config.ts), validated and merged with
 * the original by src/lib/content/translations.ts.
 */
import { getCollection, type CollectionEntry } from 'astro:content';
import { DEFAULT_CONTENT_LOCALE } from '../i18n/locales.ts';
import { getSettings, OWN_ROUTES, titleOf, type FolderCollection } from './entries.ts';

type Translation = CollectionEntry<'translations'>;

let all: Promise<Map<string, Translation>> | undefined;

/** Every translation by its key `<collection>/<id>/<locale>`, read once per build. */
function translations(): Promise<Map<string, Translation>> {
  // Under `astro dev` a saved translation must show: only the build keeps the first read.
  if (!all || import.meta.env.DEV)
    all = getCollection('translations').then((list) => new Map(list.map((t) => [t.id, t])));
  return all;
}

/** The translation of one entry into `locale`, if there is one. */
export async function translationOf(collection: string, id: string, locale: string): Promise<Translation | undefined> {
  if (locale === DEFAULT_CONTENT_LOCALE) return undefined;
  return (await translations()).get(`${collection}/${id}/${locale}`);
}

/** The translations that get a page of their own (`/en/salons/nihongo-salon/`). */
export async function translatedPages(): Promise<Translation[]> {
  return [...(await translations()).values()].filter(
    (t) => t.data.collection !== 'settings' && !OWN_ROUTES.has(t.data.collection as FolderCollection),
  );
}

/** A collection's entries with each one's text in `locale` where it is translated (lists, the home page). */
export async function localizedEntries<E extends { collection: string; id: string; data: unknown }>(
  entries: E[],
  locale: string,
): Promise<E[]> {
  if (locale === DEFAULT_CONTENT_LOCALE) return entries;
  const found = await translations();
  return entries.map((entry) => {
    const t = found.get(`${entry.collection}/${entry.id}/${locale}`);
    // The translation's data went through the same schema as the original's (validate.ts).
    return t ? { ...entry, data: t.data.data as E['data'] } : entry;
  });
}

/**
 * The site settings in `locale`: its translated texts (`content/settings/site.<locale>.yml`)
 * over the Japanese, and whether they are translated (else the page marks them `lang="ja"`).
 */
export async function localizedSettings(locale: string) {
  const settings = await getSettings();
  const t = await translationOf('settings', 'site', locale);
  return { settings: t ? (t.data.data as typeof settings) : settings, translated: Boolean(t) };
}

/** The lookup of references (src/lib/entries.ts) with the names of translated entries in `locale`. */
export async function localizedLookup<
  L extends Map<string, { title: string; href: string; data: Record<string, unknown> }>,
>(lookup: L, locale: string): Promise<L> {
  const localized = new Map(lookup) as L;
  for (const t of (await translations()).values()) {
    if (t.data.locale !== locale) continue;
    const key = `${t.data.collection}/${t.data.entry}`;
    const found = lookup.get(key);
    if (found) localized.set(key, { ...found, title: titleOf(t.data.collection, t.data.data), data: t.data.data });
  }
  return localized;
}
