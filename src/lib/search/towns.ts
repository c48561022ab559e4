/**
 * Other towns' Pagefind bundles, searched together with this site's (site settings otherTowns):
 * what the search page hands its script (public/scripts/search.js merges each with Pagefind's
 * mergeIndex and labels its results with the town's name) and the origins its
 * Content-Security-Policy must let it fetch from (src/lib/seo/csp.ts).
 */
import type { OtherTown } from '../../schemas/other-towns.ts';

export interface SearchTown {
  /** The town's name, shown beside its results. */
  name: string;
  /** Its Pagefind bundle, ending in /pagefind/. */
  bundle: string;
  /** Its site's address, which Pagefind puts before the other site's result paths. */
  site: string;
}

/** The towns of the settings that have a search index, with their bundles' addresses made whole. */
export function searchTowns(towns: readonly OtherTown[]): SearchTown[] {
  return towns.flatMap(({ name, searchIndex }) => {
    if (!searchIndex) return [];
    const bundle = new URL(searchIndex.endsWith('/') ? searchIndex : `${searchIndex}/`);
    bundle.search = bundle.hash = '';
    return [{ name, bundle: bundle.href, site: new URL('../', bundle).href }];
  });
}

/** The origins the search page fetches other towns' bundles from, each once. */
export const searchOrigins = (towns: readonly SearchTown[]): string[] => [
  ...new Set(towns.map((town) => new URL(town.bundle).origin)),
];
