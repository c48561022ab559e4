/**
 * The search documents, made in a process of their own (started by search-worker.ts) from the
 * validated content while Astro syncs and renders the pages. Each entry becomes the document
 * src/lib/search/document.ts describes, the Japanese split into words here (search-keys.ts); the
 * documents are planned into the parts of each bundle (src/lib/search/shards.ts) and written,
 * part by part, into the staging folder, for search-worker.ts to give to Pagefind once this
 * process, and the dictionary it loaded, are gone.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { serialize } from 'node:v8';
import { markdownToHtml } from 'satteri';
import { t, useTranslations } from '../i18n/index.ts';
import { ENTRY_COLLECTIONS, entryLookup, titleOf } from '../lib/entries.ts';
import { factsFor } from '../kinds/index.ts';
import { MDAST_PLUGINS } from '../lib/markdown/plugins.ts';
import { districtsOf, placeDistricts } from '../lib/listings.ts';
import {
  JAPANESE_INDEX_LANG,
  searchBundleOf,
  searchDate,
  searchDocument,
  searchLanguage,
} from '../lib/search/document.ts';
import type { EntryCollection } from '../kinds/index.ts';
import { planShards, SHARD_DOCUMENTS } from '../lib/search/shards.ts';
import { connectToParent } from '../lib/worker-process.ts';
import { searchKeys } from './search-keys.ts';
import { diskKeyedStore, keyedStoreKey } from '../lib/search/keyed-store.ts';
import type { DocumentsReply, SearchJob, ShardDocument } from './search-index.ts';

// At the priority of the process that started it (search-worker.ts), ten steps below the build.

const port = await connectToParent<SearchJob>();
const { outputPath } = port.data;

/** Documents with keys, planned into parts and written for Pagefind (search-worker.ts): what the reply says of them. */
async function makeDocuments({
  entries,
  translations,
  today,
  readings,
  keyed,
  shardSize = SHARD_DOCUMENTS,
}: SearchJob): Promise<DocumentsReply> {
  const started = performance.now();
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

  const problems: string[] = [];
  const made: ShardDocument[] = [];
  // The Japanese originals, then each translation as its page in its language.
  const documents = [
    ...ENTRY_COLLECTIONS.flatMap((collection) =>
      (entries[collection] ?? []).map((entry) => ({ ...entry, collection, locale: undefined })),
    ),
    ...translations.map((t) => ({ ...t, collection: t.collection as EntryCollection })),
  ];
  for (const { collection, id, data, body, file, locale } of documents) {
    const tl = locale ? useTranslations(locale) : t;
    try {
      // As the page renders it (astro.config.mjs, with Astro's default features).
      const { html: bodyHtml } = markdownToHtml(body, {
        mdastPlugins: MDAST_PLUGINS,
        features: { gfm: true, smartPunctuation: true },
      });
      const lang = locale ? searchLanguage(locale) : JAPANESE_INDEX_LANG;
      const document = searchDocument(
        {
          collection,
          id,
          title: titleOf(collection, data),
          data,
          facts: factsFor(collection, data, lookup, tl, today),
          districts: districtsOf(collection, data, places).map((d) => lookup.get(`districts/${d}`)?.title ?? d),
          bodyHtml,
          ...(locale ? { locale, lang } : {}),
        },
        tl,
      );
      made.push({
        url: document.url,
        // The Japanese split into words, with readings as search keys (search-keys.ts); a
        // translation is in its own words.
        content: locale ? document.html : await withKeys(document.html),
        file,
        bundle: searchBundleOf(collection, data, today),
        lang,
        date: searchDate(collection, data),
      });
    } catch (error) {
      // Whatever goes wrong with an entry names its file, as every content message does.
      problems.push(
        `${file}: 検索の索引に入れられませんでした / could not be indexed: ${error instanceof Error ? error.message : String(error)}`,
      );
    }
  }
  if (problems.length) return { ok: false, message: `Pagefind: ${problems.join('; ')}` };
  store.save();
  // Each part's documents in a file of its own: search-worker.ts holds one part at a time.
  const folder = join(outputPath, 'documents');
  mkdirSync(folder, { recursive: true });
  const shards = planShards(made, shardSize).map(({ bundle, folder: shard, documents: part }) => {
    const documentsFile = join(folder, `${shard}.v8`);
    writeFileSync(documentsFile, serialize(part));
    return { bundle, folder: shard, documentsFile };
  });
  return {
    ok: true,
    urls: made.map((d) => d.url),
    pastPages: made.filter((d) => d.bundle === 'past').length,
    keyed: store.counts,
    shards,
    indexedMs: performance.now() - started,
  };
}

const failure = (error: unknown): { ok: false; message: string } => ({
  ok: false,
  message: error instanceof Error ? (error.stack ?? error.message) : String(error),
});
// The job is taken from the port and handed to makeDocuments alone, so nothing here keeps it.
const reply = await makeDocuments(port.takeData()).catch(failure);
await port.postMessage(reply);
port.close();
