/**
 * The search index, built in a worker process (src/lib/worker-process.ts) from the validated content while Astro syncs and
 * renders the pages on the main thread (see search-index.ts). Each entry becomes the document
 * src/lib/search/document.ts describes, the Japanese split into words here (search-keys.ts);
 * Pagefind indexes them and writes the current and the past bundle into the staging folder it
 * is given.
 */
import { getPriority, setPriority } from 'node:os';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as pagefind from 'pagefind';
import { markdownToHtml } from 'satteri';
import { t, useTranslations } from '../i18n/index.ts';
import { ENTRY_COLLECTIONS, entryLookup, titleOf } from '../lib/entries.ts';
import { factsFor } from '../kinds/index.ts';
import { releaseTokenizer } from '../lib/furigana/tokenizer.ts';
import { MDAST_PLUGINS } from '../lib/markdown/plugins.ts';
import { districtsOf, placeDistricts } from '../lib/listings.ts';
import { japaneseIndexNamed, searchBundleOf, searchDocument, searchLanguage } from '../lib/search/document.ts';
import type { EntryCollection } from '../kinds/index.ts';
import { regzipBundle } from '../lib/search/regzip.ts';
import { connectToParent } from '../lib/worker-process.ts';
import { searchKeys } from './search-keys.ts';
import { diskKeyedStore, keyedStoreKey, type KeyedStore } from '../lib/search/keyed-store.ts';
import { BUNDLE_FOLDERS, type SearchJob, type SearchReply } from './search-index.ts';

// The index is needed only when the build is done, so this process, and the Pagefind process it
// starts (which inherits its priority), run ten steps below the build and use what rendering
// leaves: at the build's priority they took the second core from Astro's file writes, and a
// 1,000-entry build spent over half its rendering time waiting. Ten steps rather than the lowest
// (19): on a machine busy with other work the lowest got so little that a 1,000-entry build
// waited 5.7 s for search after its pages, a fifth of the build, where the baseline's Pagefind
// runs at normal priority. Where lowering it is not allowed, fine.
try {
  setPriority(Math.min(19, getPriority() + 10));
} catch {
  // Normal priority.
}

const port = await connectToParent<SearchJob>();
const { outputPath, regzipCache } = port.data;

/** At most this many documents on their way to Pagefind at once (see indexDocuments). */
const IN_FLIGHT = 64;

type Indexed =
  | {
      ok: true;
      indexes: Map<'current' | 'past', pagefind.PagefindIndex>;
      urls: string[];
      pastPages: number;
      keyed: KeyedStore['counts'];
    }
  | { ok: false; message: string };

/**
 * Every entry and translation as its search document, added to its bundle's index. What this
 * needs (the entries, the dictionary behind the keys, the documents) is garbage once it returns:
 * at 10,000 entries about 500 MB that the process held while Pagefind wrote, beside the pages.
 */
async function indexDocuments({ entries, translations, today, readings, keyed }: SearchJob): Promise<Indexed> {
  const lookup = entryLookup(
    Object.entries(entries).flatMap(([collection, list]) => list.map(({ id, data }) => ({ collection, id, data }))),
  );
  const places = placeDistricts(entries['places'] ?? []);
  // Readings as keys, so that a word typed in kana or another spelling finds it (search-keys.ts):
  // made once per document and kept between builds (keyed-store.ts), so a build whose documents
  // are all known never loads the dictionary.
  const store = diskKeyedStore(keyed.root, keyedStoreKey(keyed.code, readings));
  let making: Promise<(html: string) => string> | undefined;
  const withKeys = (html: string) => store.keyed(html, async (text) => (await (making ??= searchKeys(readings)))(text));

  // Two bundles (src/lib/search/document.ts, searchBundleOf): what is current, and the past.
  const indexes = new Map<'current' | 'past', pagefind.PagefindIndex>();
  for (const bundle of ['current', 'past'] as const) {
    // One index per language (Pagefind's multilingual support): each document's <html lang>
    // chooses it, and a search page's own lang the one it searches (src/lib/search/document.ts).
    const { index, errors } = await pagefind.createIndex();
    if (!index) return { ok: false, message: `Pagefind: ${errors.join('; ')}` };
    indexes.set(bundle, index);
  }
  const problems: string[] = [];
  // A few documents at a time: sent all at once, every document's message waited in this
  // process's memory for Pagefind to read it (200 MB more at 10,000 entries).
  const inFlight = new Set<Promise<unknown>>();
  const urls: string[] = [];
  let pastPages = 0;
  // The Japanese originals, then each translation as its page in its language.
  const documents = [
    ...ENTRY_COLLECTIONS.flatMap((collection) =>
      (entries[collection] ?? []).map((entry) => ({ ...entry, collection, locale: undefined })),
    ),
    ...translations.map((t) => ({ ...t, collection: t.collection as EntryCollection })),
  ];
  for (const { collection, id, data, body, file, locale } of documents) {
    const tl = locale ? useTranslations(locale) : t;
    // Whatever goes wrong with an entry names its file, as every content message does.
    const failed = (error: unknown) =>
      problems.push(
        `${file}: 検索の索引に入れられませんでした / could not be indexed: ${error instanceof Error ? error.message : String(error)}`,
      );
    let document: ReturnType<typeof searchDocument>;
    let bundle: ReturnType<typeof searchBundleOf>;
    try {
      // As the page renders it (astro.config.mjs, with Astro's default features).
      const { html: bodyHtml } = markdownToHtml(body, {
        mdastPlugins: MDAST_PLUGINS,
        features: { gfm: true, smartPunctuation: true },
      });
      document = searchDocument(
        {
          collection,
          id,
          title: titleOf(collection, data),
          data,
          facts: factsFor(collection, data, lookup, tl, today),
          districts: districtsOf(collection, data, places).map((d) => lookup.get(`districts/${d}`)?.title ?? d),
          bodyHtml,
          ...(locale ? { locale, lang: searchLanguage(locale) } : {}),
        },
        tl,
      );
      bundle = searchBundleOf(collection, data, today);
    } catch (error) {
      failed(error);
      continue;
    }
    if (bundle === 'past') pastPages += 1;
    urls.push(document.url);
    // The Japanese split into words, with readings as search keys (search-keys.ts); a
    // translation is in its own words.
    const content = locale ? document.html : await withKeys(document.html);
    const adding = indexes
      .get(bundle)!
      .addHTMLFile({ url: document.url, content })
      .then((r) => problems.push(...r.errors.map((e) => `${file} (${document.url}): ${e}`)), failed)
      .finally(() => inFlight.delete(adding));
    inFlight.add(adding);
    if (inFlight.size >= IN_FLIGHT) await Promise.race(inFlight);
  }
  await Promise.all(inFlight);
  if (problems.length) return { ok: false, message: `Pagefind: ${problems.join('; ')}` };
  store.save();
  return { ok: true, indexes, urls, pastPages, keyed: store.counts };
}

/** Pagefind writes the bundles; the Japanese index is named, and its first files shrunk (regzip.ts). */
async function writeBundles(
  { indexes, urls, pastPages, keyed }: Extract<Indexed, { ok: true }>,
  started: number,
  indexedMs: number,
): Promise<SearchReply> {
  // A site with nothing past yet has no past bundle; the search page then says so.
  const bundles = pastPages ? (['current', 'past'] as const) : (['current'] as const);
  // Both asked for at once: Pagefind's process writes the past while this process shrinks the
  // current bundle's files (regzip.ts).
  const writes = bundles.map((bundle) => {
    const folder = join(outputPath, BUNDLE_FOLDERS[bundle]);
    return { folder, writing: indexes.get(bundle)!.writeFiles({ outputPath: folder }) };
  });
  for (const { folder, writing } of writes) {
    const written = await writing;
    if (written.errors.length) return { ok: false, message: `Pagefind: ${written.errors.join('; ')}` };
    const entryFile = join(folder, 'pagefind-entry.json');
    writeFileSync(entryFile, japaneseIndexNamed(readFileSync(entryFile, 'utf8')));
    if (regzipCache) await regzipBundle(folder, regzipCache);
  }
  await pagefind.close();
  return { ok: true, urls, pastPages, keyed, indexedMs, totalMs: performance.now() - started };
}

const failure = (error: unknown): { ok: false; message: string } => ({
  ok: false,
  message: error instanceof Error ? (error.stack ?? error.message) : String(error),
});
const started = performance.now();
// The job is taken from the port and handed to indexDocuments alone, so nothing here keeps it.
const indexed = await indexDocuments(port.takeData()).catch(failure);
const indexedMs = performance.now() - started;
let reply: SearchReply;
if (!indexed.ok) reply = indexed;
else {
  // The dictionary goes too, and the garbage is collected now (the process is started with
  // --expose-gc, search-index.ts): while Pagefind writes, this process allocates almost nothing,
  // so V8 would not collect on its own, and it would hold its peak beside the pages' build. The
  // last-resort kind also gives the emptied heap back to the system (a plain gc() left 200 MB of
  // it committed with 26 MB in use).
  releaseTokenizer();
  (globalThis as { gc?: (options: object) => void }).gc?.({
    type: 'major',
    execution: 'sync',
    flavor: 'last-resort',
  });
  reply = await writeBundles(indexed, started, indexedMs).catch(failure);
}
await port.postMessage(reply);
port.close();
