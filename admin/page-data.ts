/**
 * What the admin page's script needs from the site beside Decap's config, inlined into
 * /admin/ as JSON at build (or dev request) time: the names of the entries other entries refer
 * to, for the preview's facts and the lists' district column, and which field dates a new
 * entry's automatic id. Labels of fixed vocabularies are not here: the script imports the same
 * dictionary and kinds the site pages use.
 */
import { contentTypes } from '../src/schemas/index.ts';
import type { LookupEntry } from '../src/lib/entries.ts';
import { TRANSLATIONS_MARKER, type MarkerLabels } from '../src/lib/cms/list-markers.ts';
import { CMS_TRANSLATION_LOCALES } from '../src/i18n/locales.ts';
import { t } from '../src/i18n/japanese.ts';
import { listMarkerLabels } from './config.ts';

export interface AdminPageData {
  /** '<collection>/<id>' → title and link; a place's data too, for its address in the facts. */
  lookup: Record<string, LookupEntry>;
  /** How the lists' markers read (src/lib/cms/list-markers.ts). */
  markers: MarkerLabels;
  /** Collection → the field whose day starts a new entry's id (ContentType.listDate). */
  idDates: Record<string, string>;
  /** '<collection>/<id>' → the languages it is published in besides Japanese (src/data/translations.ts). */
  languages: Record<string, string[]>;
}

/** Collections whose data the facts read through the lookup (FactList.where): places only. */
const WITH_DATA = new Set(['places']);

/**
 * How a list line says which languages an entry is in (「［翻訳 2/8：en, vi］」), for the markers:
 * every entry of `keys` ('<collection>/<id>'), nothing for one only in Japanese.
 */
export function translationLabels(keys: Iterable<string>, languages: Record<string, string[]>): Record<string, string> {
  const total = CMS_TRANSLATION_LOCALES.length;
  return Object.fromEntries(
    [...keys].map((key) => {
      const codes = languages[key] ?? [];
      const label = t('admin.list.translations', { count: codes.length, total, names: codes.join(', ') });
      return [key, codes.length ? `${GAP}${label}` : ''];
    }),
  );
}

const GAP = '\u3000';

export function adminPageData(
  lookup: ReadonlyMap<string, LookupEntry>,
  languages: Record<string, string[]> = {},
): AdminPageData {
  const districtNames = new Map<string, string>();
  const slim: Record<string, LookupEntry> = {};
  for (const [key, entry] of lookup) {
    const [collection = '', id = ''] = key.split('/');
    if (collection === 'districts') districtNames.set(id, entry.title);
    slim[key] = { title: entry.title, href: entry.href, data: WITH_DATA.has(collection) ? entry.data : {} };
  }
  return {
    lookup: slim,
    markers: { ...listMarkerLabels(districtNames), [TRANSLATIONS_MARKER]: translationLabels(lookup.keys(), languages) },
    languages,
    idDates: Object.fromEntries(
      contentTypes.flatMap((type) => (type.listDate ? [[type.name, type.listDate] as const] : [])),
    ),
  };
}
