/**
 * What flyers are made from: every entry, validated as the build validates it, references by
 * '<collection>/<id>', and the site settings. Inside `astro build` the entries are the ones the
 * build already validated (src/integrations/flyers.ts: each file is parsed once per build); the
 * flyer scripts run on their own validate it first (load.ts). Nothing here reads files or imports
 * the validation, which itself asks the flyers' text check (text-check.ts) what would not print.
 */
import type { LocaleCode } from '../i18n/locales.ts';
import { FLYER_COLLECTIONS, type FlyerCollection } from '../kinds/index.ts';
import type { Override } from '../lib/furigana/segments.ts';
import { siteOverrides } from '../lib/furigana/site.ts';
import type { ValidEntry } from '../lib/validation/validate.ts';

export interface FlyerSite {
  url: string;
  siteName: string;
  publisher: string;
}

/**
 * An entry's translation, as the content loader merges it (`<id>.<locale>.md`: the entry's
 * free-text fields and body in that language over the Japanese entry's data): a flyer in
 * that language is made from it.
 */
export interface FlyerTranslation {
  collection: FlyerCollection;
  /** The Japanese entry it translates: its id, and its file where the translation has none. */
  entry: ValidEntry;
  locale: Exclude<LocaleCode, 'ja'>;
  /** The entry's data with the translated fields merged in, after the schema. */
  data: Record<string, unknown>;
  body: string;
  /** The translation's own file, named when its flyer cannot be made. */
  file?: string;
  /**
   * The site's name and publisher in that language (`content/settings/site.<locale>.yml`),
   * printed in the flyer's footer; the Japanese ones where the language has none.
   */
  site?: Pick<FlyerSite, 'siteName' | 'publisher'>;
}

/** One flyer to make: an entry in one language, with the data it is printed from. */
export interface FlyerEntry {
  collection: FlyerCollection;
  entry: ValidEntry;
  /** The language it is printed in; Japanese when absent. */
  locale?: Exclude<LocaleCode, 'ja'>;
  data: Record<string, unknown>;
  body: string;
  /** The file its words come from, for messages. */
  file: string;
  /** The site's name and publisher in its language, if translated (FlyerTranslation.site). */
  site?: Pick<FlyerSite, 'siteName' | 'publisher'>;
}

export interface FlyerContent {
  entries: ReadonlyMap<string, readonly ValidEntry[]>;
  /** Translated entries that get a flyer in their language too (none until the loader gives them). */
  translations?: readonly FlyerTranslation[];
  /** `<collection>/<id>` → front matter after the schema. */
  lookup: Map<string, Record<string, unknown>>;
  site: FlyerSite;
}

/**
 * The lookup and site settings flyers need, from validated entries; undefined without settings.
 * `translations` (the loader's merged `<id>.<locale>.md`) get flyers in their languages: the
 * build, the dev server and the script all come through here.
 */
export function flyerContent(
  entries: ReadonlyMap<string, readonly ValidEntry[]>,
  translations: readonly FlyerTranslation[] = [],
): FlyerContent | undefined {
  const lookup = new Map<string, Record<string, unknown>>();
  for (const [collection, list] of entries)
    for (const entry of list) lookup.set(`${collection}/${entry.id}`, entry.parsed);
  const site = entries.get('settings')?.[0]?.parsed as FlyerSite | undefined;
  return site ? { entries, lookup, site, ...(translations.length ? { translations } : {}) } : undefined;
}

/**
 * Every flyer the content asks for: each event, salon and recruitment in Japanese, in the
 * registry's order, then each translation in its language.
 */
export function flyerSources(
  entries: ReadonlyMap<string, readonly ValidEntry[]>,
  translations: readonly FlyerTranslation[] = [],
): FlyerEntry[] {
  return [
    ...FLYER_COLLECTIONS.flatMap((collection) =>
      (entries.get(collection) ?? []).map((entry): FlyerEntry => ({
        collection,
        entry,
        data: entry.parsed,
        body: entry.body,
        file: entry.file,
      })),
    ),
    ...translations.map(({ collection, entry, locale, data, body, file, site }): FlyerEntry => ({
      collection,
      entry,
      locale,
      data,
      body,
      file: file ?? entry.file,
      ...(site ? { site } : {}),
    })),
  ];
}

/** The site as a flyer in this language prints it: its translated name and publisher over the Japanese. */
export const siteFor = (site: FlyerSite, translated?: Pick<FlyerSite, 'siteName' | 'publisher'>): FlyerSite =>
  translated ? { ...site, ...translated } : site;

/** The site's own readings, from the validated settings and districts, as the pages take them. */
export function flyerOverrides(
  entries: ReadonlyMap<string, readonly { parsed: Record<string, unknown> }[]>,
): Override[] {
  const settings = entries.get('settings')?.[0]?.parsed['furigana'];
  const districts = (entries.get('districts') ?? []).map(({ parsed }) => ({
    name: String(parsed['name'] ?? ''),
    kana: typeof parsed['kana'] === 'string' ? parsed['kana'] : undefined,
  }));
  return siteOverrides(Array.isArray(settings) ? (settings as Override[]) : [], districts);
}

export const SETTINGS_MISSING = 'content/settings/site.yml がありません / content/settings/site.yml is missing';
