/**
 * A large town's search bundles in parts (shards): Pagefind indexes at most SHARD_DOCUMENTS
 * pages of a language at a time, and the search page merges the parts (public/scripts/search.js).
 *
 * Why: Pagefind's process holds every page it was given and, while it writes a bundle, a copy
 * of them all and the index built from the copy. At 10,000 entries that was 1.9 GB for the
 * current bundle, beside Astro's 1.5 GB rendering the pages: the build's peak (3.8 GB). Written
 * in parts of 2,000 pages, one Pagefind process after another, it holds ~0.5 GB at most
 * (docs/BENCHMARKS.md). A town of up to 2,000 current pages (about 2,400 entries) has one part,
 * the bundle as before.
 *
 * The parts of a bundle split its pages by date, newest first (the order of 日付順), each part
 * a bundle of its own (`pagefind/`, `pagefind-2/`, …; `pagefind-past/`, `pagefind-past-2/`, …),
 * so that the search page can keep 日付順 across them by weight, as it does for the past. The
 * first part of every language is the bundle's own folder: a search page that merges nothing
 * still searches its language there, and other towns that merge `…/pagefind/` find the list of
 * the further parts in its pagefind-entry.json (`tsunagari.shards`, with each part's languages:
 * Pagefind falls back to its largest index for a language a bundle lacks, so a page merges only
 * the parts that hold its own).
 */

/** Where each search bundle is published in dist/; public/scripts/search.js knows them too. */
export const BUNDLE_FOLDERS = { current: 'pagefind', past: 'pagefind-past' } as const;

export type SearchBundle = keyof typeof BUNDLE_FOLDERS;

/** A bundle folder or one of its further parts: `pagefind`, `pagefind-3`, `pagefind-past-2`. */
export const BUNDLE_FOLDER = /^pagefind(?:-past)?(?:-[2-9]|-[1-9]\d+)?$/;

/**
 * Pages of one language in one part. 2,000: at 10,000 entries (8,363 current pages) five parts,
 * Pagefind's peak 0.5 GB instead of 1.9 GB; each part a resident's first search fetches costs a
 * request for its entry file and its page list (the list itself is split, not added to).
 */
export const SHARD_DOCUMENTS = 2000;

/** What the plan needs of a search document. */
export interface ShardedDocument {
  bundle: SearchBundle;
  /** The Pagefind index it goes in (searchLanguage, or the Japanese JAPANESE_INDEX_LANG). */
  lang: string;
  /** 'YYYY-MM-DD' of 日付順 (searchDate), if it has one. */
  date: string | undefined;
  url: string;
}

/** One part of a bundle: its folder under dist/ and the documents Pagefind indexes there. */
export interface Shard<D extends ShardedDocument> {
  bundle: SearchBundle;
  folder: string;
  documents: D[];
}

/** Which bundle a folder of dist/ holds, and whether it is one of its further parts (`pagefind-2`); undefined for any other folder. */
export function bundleOfFolder(name: string): { bundle: SearchBundle; further: boolean } | undefined {
  if (!BUNDLE_FOLDER.test(name)) return undefined;
  const own = name.replace(/-\d+$/, '');
  return { bundle: own === BUNDLE_FOLDERS.past ? 'past' : 'current', further: own !== name };
}

/** The folder of a bundle's part `index` (0 = the bundle's own). */
export const shardFolder = (bundle: SearchBundle, index: number): string =>
  index === 0 ? BUNDLE_FOLDERS[bundle] : `${BUNDLE_FOLDERS[bundle]}-${index + 1}`;

/** Newest first, as 日付順 shows them; pages without a date last; then by address, for the same plan every build. */
const byDate = (a: ShardedDocument, b: ShardedDocument): number =>
  a.date === b.date
    ? a.url < b.url
      ? -1
      : a.url > b.url
        ? 1
        : 0
    : a.date === undefined
      ? 1
      : b.date === undefined
        ? -1
        : a.date > b.date
          ? -1
          : 1;

/**
 * The parts each bundle is written in. Each language of a bundle is split on its own into parts
 * of about the same size, none over `size`; part k of every language goes into the same folder.
 * Bundles without documents have no parts; the current bundle comes first, each bundle's parts
 * in order.
 */
export function planShards<D extends ShardedDocument>(documents: readonly D[], size = SHARD_DOCUMENTS): Shard<D>[] {
  if (!(size >= 1)) throw new Error(`search shard size must be at least 1 (got ${size})`);
  const shards: Shard<D>[] = [];
  for (const bundle of Object.keys(BUNDLE_FOLDERS) as SearchBundle[]) {
    const byLang = new Map<string, D[]>();
    for (const d of documents) {
      if (d.bundle !== bundle) continue;
      const list = byLang.get(d.lang);
      if (list) list.push(d);
      else byLang.set(d.lang, [d]);
    }
    const parts: D[][] = [];
    for (const list of byLang.values()) {
      list.sort(byDate);
      const count = Math.ceil(list.length / size);
      for (let k = 0; k < count; k++)
        (parts[k] ??= []).push(
          ...list.slice(Math.floor((k * list.length) / count), Math.floor(((k + 1) * list.length) / count)),
        );
    }
    parts.forEach((part, k) => shards.push({ bundle, folder: shardFolder(bundle, k), documents: part }));
  }
  return shards;
}

/** A bundle's further parts as its pagefind-entry.json lists them (relative to the bundle's folder). */
export interface ShardEntry {
  bundle: string;
  languages: string[];
}

/**
 * The bundle's pagefind-entry.json with its further parts listed (`tsunagari.shards`), for the
 * search page here and in other towns. Pagefind's own script reads only its own keys. The
 * languages as the entry files name them (the Japanese index is `ja` there: japaneseIndexNamed).
 */
export function withShards(entryJson: string, further: readonly ShardEntry[]): string {
  if (!further.length) return entryJson;
  const entry = JSON.parse(entryJson) as Record<string, unknown>;
  return JSON.stringify({ ...entry, tsunagari: { shards: further } });
}

/** The languages a written part holds, from its pagefind-entry.json. */
export const entryLanguages = (entryJson: string): string[] =>
  Object.keys((JSON.parse(entryJson) as { languages?: Record<string, unknown> }).languages ?? {});
