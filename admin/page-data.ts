/**
 * What the admin page's script needs from the site beside Decap's config, inlined into
 * /admin/ as JSON at build (or dev request) time: the names of the entries other entries refer
 * to, for the preview's facts and the lists' district column, and which field dates a new
 * entry's automatic id. Labels of fixed vocabularies are not here: the script imports the same
 * dictionary and kinds the site pages use.
 */
import { contentTypes } from '../src/schemas/index.ts';
import type { LookupEntry } from '../src/lib/entries.ts';
import type { MarkerLabels } from '../src/lib/cms/list-markers.ts';
import { listMarkerLabels } from './config.ts';

export interface AdminPageData {
  /** '<collection>/<id>' → title and link; a place's data too, for its address in the facts. */
  lookup: Record<string, LookupEntry>;
  /** How the lists' markers read (src/lib/cms/list-markers.ts). */
  markers: MarkerLabels;
  /** Collection → the field whose day starts a new entry's id (ContentType.listDate). */
  idDates: Record<string, string>;
}

/** Collections whose data the facts read through the lookup (FactList.where): places only. */
const WITH_DATA = new Set(['places']);

export function adminPageData(lookup: ReadonlyMap<string, LookupEntry>): AdminPageData {
  const districtNames = new Map<string, string>();
  const slim: Record<string, LookupEntry> = {};
  for (const [key, entry] of lookup) {
    const [collection = '', id = ''] = key.split('/');
    if (collection === 'districts') districtNames.set(id, entry.title);
    slim[key] = { title: entry.title, href: entry.href, data: WITH_DATA.has(collection) ? entry.data : {} };
  }
  return {
    lookup: slim,
    markers: listMarkerLabels(districtNames),
    idDates: Object.fromEntries(
      contentTypes.flatMap((type) => (type.listDate ? [[type.name, type.listDate] as const] : [])),
    ),
  };
}
