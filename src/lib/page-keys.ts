/**
 * The keys that let a build copy a page from the last one instead of rendering it again (Astro's
 * `experimental.incrementalBuild`: a page whose `getStaticPaths()` gives a `cacheKey` equal to
 * the last build's, with the same code in its module graph, is copied from Astro's cache).
 *
 * A key must change whenever anything the page shows could. It is made of:
 * - the build's base (src/integrations/tsunagari.ts, `pageKeyBase`): the code of src/ and the
 *   lockfile (which also covers the ふりがな middleware, outside the page's module graph), the
 *   Japan day (what is past, which flyers are current), the settings read from the environment,
 *   and the media files pages show;
 * - the front matter of every entry, translation and the settings (`front`): lists, the
 *   calendar, the menu, references and the facts a page shows of other entries all come from
 *   front matter, so any front matter edit renders every keyed page again;
 * - and a page's own text: an entry page is keyed on its entry's whole file and its
 *   translations' (`entry`), a page that shows other entries' bodies (feeds, newsletters) on every
 *   file's (`all`). So the usual edit, a body, renders its entry's pages and those few again.
 *
 * A page reading anything else (another town's feed fetched at build) gives no key and is always
 * rendered; in disaster mode without a time of update, whose banner on every page gives the
 * build's time, no page is kept (src/data/page-keys.ts). tests/e2e/incremental.test.ts builds after each kind of edit and compares with a
 * clean build.
 */
import { createHash } from 'node:crypto';

/** An entry or translation as Astro's collections give it: `digest` hashes its data and body (src/lib/content/loader.ts). */
export interface KeyedFile {
  collection: string;
  id: string;
  data: unknown;
  digest?: string | undefined;
}

/** Which entry a translation translates: `<collection>/<id>`. */
export type EntryOf = (translation: KeyedFile) => string | undefined;

export interface PageKeys {
  /** Pages made from front matter only (lists, calendars, areas, the home page). */
  front: string;
  /** Pages that show the bodies of other entries too (feeds, newsletters). */
  all: string;
  /** An entry's page (and its translated pages): front matter, its file and its translations' files. */
  entry(collection: string, id: string): string;
}

const hash = (...parts: string[]) => {
  const h = createHash('sha256');
  for (const part of parts) h.update(part).update('\0');
  return h.digest('base64url');
};

const nameOf = (file: KeyedFile) => `${file.collection}/${file.id}`;

/** A file's digest; one without (none of this project's loaders) is keyed on its data alone, never skipped unseen. */
const digestOf = (file: KeyedFile) => file.digest ?? `data:${JSON.stringify(file.data) ?? ''}`;

/**
 * The keys of a build's pages.
 * @param base what is the same for every page of the build (`pageKeyBase`).
 * @param files every entry, translation and the settings.
 * @param entryOf for a translation, the entry it translates (undefined for other files).
 */
export function makePageKeys(base: string, files: readonly KeyedFile[], entryOf: EntryOf): PageKeys {
  const sorted = [...files].sort((a, b) => (nameOf(a) < nameOf(b) ? -1 : nameOf(a) > nameOf(b) ? 1 : 0));
  const front = hash(base, 'front', ...sorted.flatMap((file) => [nameOf(file), JSON.stringify(file.data) ?? '']));
  const all = hash(front, 'all', ...sorted.flatMap((file) => [nameOf(file), digestOf(file)]));
  // Each entry's own files: itself and its translations, in the sorted order.
  const own = new Map<string, string[]>();
  for (const file of sorted) {
    const of = entryOf(file) ?? nameOf(file);
    const parts = own.get(of) ?? [];
    parts.push(nameOf(file), digestOf(file));
    own.set(of, parts);
  }
  return {
    front,
    all,
    entry: (collection, id) => hash(front, 'entry', ...(own.get(`${collection}/${id}`) ?? [`${collection}/${id}`])),
  };
}

/** What is the same for every page of one build: see the module's comment. */
export interface PageKeyBase {
  /** The hash of src/ and the lockfile (src/lib/validation/cache.ts, validationCodeVersion). */
  code: string;
  /** The Japan day the build runs on, and the flyers' day (src/flyers/list.ts). */
  days: string[];
  /** The environment variables pages read, with their values. */
  env: Record<string, string | undefined>;
  /** The media files, each with its size and time of change. */
  media: string[];
}

export function pageKeyBase(base: PageKeyBase): string {
  return hash(
    base.code,
    ...base.days,
    ...Object.keys(base.env)
      .sort()
      .map((name) => `${name}=${base.env[name] ?? ''}`),
    ...[...base.media].sort(),
  );
}

/** The environment variables a page reads (grep process.env in src/pages, src/components, src/data). */
export const PAGE_ENV = ['SITE_URL', 'FLYERS_TODAY', 'FLYERS_SKIP', 'NEWSLETTERS_SKIP', 'DECAP_PORT'] as const;

const BASE = Symbol.for('tsunagari.page-key-base');
const slot = globalThis as { [BASE]?: string | undefined };

/** Called by the integration at the start of a build: the pages' getStaticPaths read it in the same process. */
export function handOverPageKeyBase(base: string | undefined): void {
  slot[BASE] = base;
}

/** The build's base, or undefined outside a build (then no page gets a key and every page is rendered). */
export function takePageKeyBase(): string | undefined {
  return slot[BASE];
}
