/**
 * Search is indexed beside the build, not after it. When `astro build` has validated the content
 * (src/integrations/tsunagari.ts), a worker process (search-worker.ts) has every entry turned
 * into its search document (search-documents.ts, a process of its own), then Pagefind index and
 * write the bundles, on the second core while Astro syncs and renders on the first. Reading the
 * rendered pages instead left Pagefind's index writing (13 s of 40 at 10,000 entries) to wait
 * until the last page was rendered.
 *
 * The bundles, current and past (src/lib/search/document.ts), each in one or more parts
 * (src/lib/search/shards.ts), are written to a staging folder in .cache/ (Astro empties dist/
 * after this starts) and moved to dist/pagefind/, dist/pagefind-past/ (and dist/pagefind-2/ …)
 * when the build is done, after checking that they hold exactly the entry pages the build
 * rendered: an entry missing from search fails the build.
 */
import { cpSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { ENTRY_COLLECTIONS, entryHref } from '../lib/entries.ts';
import { todayInJapan } from '../lib/recurrence.ts';
import type { Override } from '../lib/furigana/segments.ts';
import { siteOverrides } from '../lib/furigana/site.ts';
import { searchLanguage } from '../lib/search/document.ts';
import { jobKey, takeKeptSearch } from '../lib/search/kept-bundles.ts';
import { PAGE_ENV } from '../lib/page-keys.ts';
import { BUNDLE_FOLDER, SHARD_DOCUMENTS, type SearchBundle, type ShardedDocument } from '../lib/search/shards.ts';
import { makeStaging } from '../lib/staging.ts';
import { validationCodeVersion } from '../lib/validation/cache.ts';
import type { ValidEntry, ValidTranslation } from '../lib/validation/validate.ts';
import { ProcessWorker, projectModule } from '../lib/worker-process.ts';

export interface SearchJob {
  /** Entries by collection: id, front matter after the schema, Markdown body, and the file (for errors). */
  entries: Record<string, { id: string; data: Record<string, unknown>; body: string; file: string }[]>;
  /**
   * Translated entries (src/lib/content/translations.ts): each indexed as its page in its
   * language (`/en/salons/nihongo-salon/`), in that language's Pagefind index.
   */
  translations: {
    collection: string;
    id: string;
    locale: string;
    data: Record<string, unknown>;
    body: string;
    file: string;
  }[];
  /** The staging folder: the documents wait there in their parts, and Pagefind writes the bundles into it (src/lib/search/shards.ts). */
  outputPath: string;
  /** 'YYYY-MM-DD' in Japan: what counts as past. */
  today: string;
  /**
   * The folder that keeps the smaller WASM between builds (src/lib/search/regzip.ts); without
   * it, Pagefind's files stay as written (the dev server, which serves only this machine).
   */
  regzipCache: string | undefined;
  /** The site's own readings (settings `furigana`, districts' よみがな), for the search keys of readings (search-keys.ts). */
  readings: Override[];
  /**
   * The documents keyed by earlier builds (src/lib/search/keyed-store.ts): the project's root
   * and the key of the code that made them.
   */
  keyed: { root: string; code: string };
  /** Pages of a language in one part of a bundle (src/lib/search/shards.ts, SHARD_DOCUMENTS). */
  shardSize?: number;
  /** The key of this job when its search is kept for the next build (src/lib/search/kept-bundles.ts, jobKey). */
  searchKey?: string;
}

/** A search document as search-documents.ts leaves it for Pagefind, in its part's file. */
export interface ShardDocument extends ShardedDocument {
  /** The HTML Pagefind reads, with the Japanese keys (search-keys.ts). */
  content: string;
  /** The content file it came from, for errors. */
  file: string;
}

/** What search-documents.ts replies: the documents' addresses, and the parts it left for Pagefind. */
export type DocumentsReply =
  | {
      ok: true;
      urls: string[];
      pastPages: number;
      keyed: { kept: number; made: number };
      /** Each part's folder in the staging folder and the file of its documents, in order. */
      shards: { bundle: SearchBundle; folder: string; documentsFile: string }[];
      indexedMs: number;
    }
  | { ok: false; message: string };

/**
 * Pages in one part of a bundle: SHARD_DOCUMENTS, or SEARCH_SHARD_DOCUMENTS from the
 * environment (the tests build small towns in several parts; a town may want other sizes).
 */
export function shardSizeOf(env: NodeJS.ProcessEnv = process.env): number {
  const raw = env['SEARCH_SHARD_DOCUMENTS'];
  if (raw === undefined || raw === '') return SHARD_DOCUMENTS;
  const size = Number(raw);
  if (!Number.isInteger(size) || size < 1)
    throw new Error(
      `SEARCH_SHARD_DOCUMENTS は1以上の整数にしてください（いまは「${raw}」） / SEARCH_SHARD_DOCUMENTS must be a whole number of at least 1 (got "${raw}")`,
    );
  return size;
}

export type SearchReply =
  | {
      ok: true;
      urls: string[];
      pastPages: number;
      /** Documents whose keys came from .cache/search/ and documents keyed this run (keyed-store.ts). */
      keyed: { kept: number; made: number };
      /** The bundles' parts, in their folders (src/lib/search/shards.ts). */
      shards: number;
      /** Parts whose documents were the last build's, linked from .cache/search-bundles/ (src/lib/search/kept-bundles.ts). */
      reused: number;
      /** The whole search taken from the last build's (its job was the same): no worker ran. */
      whole?: boolean;
      indexedMs: number;
      totalMs: number;
    }
  | { ok: false; message: string };

export interface SearchIndexJob {
  /** Where the bundles are written (BUNDLE_FOLDERS under it); the dev server serves them from here. */
  staging: string;
  /** Settles when the worker has written the bundles, or failed to. */
  written: Promise<SearchReply>;
  /** Waits for the index, checks it against the rendered pages and moves it into `outDir`. */
  finish(outDir: string, pagePaths: string[], logger: { info: (m: string) => void }): Promise<void>;
  /** Removes the staging folder (a dev server's index replaced by a newer one). */
  discard(): void;
}

/** The search worker (search-worker.ts) started on `job`, and its reply. */
function startWorker(root: string, job: SearchJob): { worker: ProcessWorker; reply: Promise<SearchReply> } {
  const worker = new ProcessWorker(projectModule(root, 'src/integrations/search-worker.ts'), {
    name: 'the search index worker',
    // It collects its garbage once the content has gone to the documents' process (search-worker.ts).
    execArgv: ['--expose-gc'],
    workerData: job,
  });
  // A failed build must not wait for the index; finish() holds the build open for it again.
  worker.unref();
  const reply = new Promise<SearchReply>((resolve) => {
    worker.once('message', resolve);
    worker.once('error', (error: Error) => resolve({ ok: false, message: error.stack ?? error.message }));
    worker.once('exit', (code) =>
      resolve({ ok: false, message: `the search index worker stopped (exit code ${code})` }),
    );
  });
  return { worker, reply };
}

export function startSearchIndex(
  root: string,
  validated: Map<string, ValidEntry[]>,
  {
    forPublishing = true,
    translated = new Map<string, ValidTranslation[]>(),
    // The hash of src/ and the lockfile, when the caller has it already (validation's cache key).
    code = undefined as string | undefined,
  } = {},
): SearchIndexJob {
  const staging = makeStaging(join(root, '.cache', 'search-staging'));
  // A build that fails elsewhere leaves no staging folder behind (one stopped by a signal leaves
  // it to the next build or dev server: src/lib/staging.ts).
  const cleanUp = () => {
    rmSync(staging, { recursive: true, force: true });
    process.off('exit', cleanUp);
  };
  process.once('exit', cleanUp);
  const entries: SearchJob['entries'] = {};
  for (const collection of ENTRY_COLLECTIONS)
    entries[collection] = (validated.get(collection) ?? []).map((e) => ({
      id: e.id,
      data: e.parsed,
      body: e.body,
      file: e.file,
    }));
  const collections = new Set<string>(ENTRY_COLLECTIONS);
  const translations: SearchJob['translations'] = [...translated.values()]
    .flat()
    // やさしい日本語 is lang="ja", as its search page is: in the Japanese index every such entry
    // would be found twice. Its readers search the Japanese index, whose pages link to it.
    .filter((t) => collections.has(t.type) && searchLanguage(t.locale) !== 'ja')
    .map((t) => ({ collection: t.type, id: t.id, locale: t.locale, data: t.parsed, body: t.body, file: t.file }));
  const job: SearchJob = {
    entries,
    translations,
    outputPath: staging,
    today: todayInJapan(),
    regzipCache: forPublishing ? join(root, '.cache', 'pagefind') : undefined,
    // The ふりがな's own site readings (settings and districts' よみがな), as the pages have them.
    readings: siteOverrides(
      (validated.get('settings')?.[0]?.parsed['furigana'] ?? []) as Override[],
      (validated.get('districts') ?? []).map((d) => ({
        name: String(d.parsed['name'] ?? ''),
        kana: d.parsed['kana'] as string | undefined,
      })),
    ),
    keyed: { root, code: code ?? validationCodeVersion(root) },
    shardSize: shardSizeOf(),
  };
  // A build's search whose job is the last build's is taken whole from the cache (kept-bundles.ts):
  // no worker, no documents. The job's key: all it holds but the staging folder, with the
  // environment the pages read (the documents' process sees the same).
  const kept = forPublishing ? join(root, '.cache', 'search-bundles') : undefined;
  if (kept)
    job.searchKey = jobKey(
      JSON.stringify({ ...job, outputPath: '' }),
      JSON.stringify(PAGE_ENV.map((name) => process.env[name] ?? null)),
    );
  const taking = performance.now();
  const taken = kept && job.searchKey ? takeKeptSearch(kept, job.searchKey, staging) : undefined;
  const { worker, reply } = taken
    ? {
        worker: undefined,
        reply: Promise.resolve<SearchReply>({
          ok: true,
          urls: taken.urls,
          pastPages: taken.pastPages,
          keyed: { kept: taken.urls.length, made: 0 },
          shards: taken.parts.length,
          reused: taken.parts.length,
          whole: true,
          indexedMs: 0,
          totalMs: performance.now() - taking,
        }),
      }
    : startWorker(root, job);
  const expected = new Set([
    ...Object.entries(entries).flatMap(([c, list]) => list.map((e) => entryHref(c, e.id))),
    ...translations.map((t) => `/${t.locale}${entryHref(t.collection, t.id)}`),
  ]);

  return {
    staging,
    written: reply,
    discard: cleanUp,
    async finish(outDir, pagePaths, logger) {
      const waited = performance.now();
      // Without this, a build with nothing else to do while the index is written would simply
      // end there, with exit code 0 and no index, no flyers and no CMS (a worker thread kept it
      // alive through the Pagefind process it started; a worker process does not).
      worker?.ref();
      const result = await reply;
      if (!result.ok) throw new Error(`Pagefind: ${result.message}`);
      // Every entry page the build rendered is in the index, and nothing else.
      const rendered = new Set(
        pagePaths.map((p) => `/${p}`.replace(/^\/+/, '/').replace(/\/?$/, '/')).filter((p) => expected.has(p)),
      );
      const indexed = new Set(result.urls);
      const missing = [...expected].filter((u) => !rendered.has(u) || !indexed.has(u));
      if (missing.length)
        throw new Error(
          `検索の索引とページが合いません / The search index and the pages disagree: ${missing.slice(0, 10).join(', ')}`,
        );
      // Every bundle and part this build wrote, and none an earlier build left in outDir.
      for (const folder of readdirSync(outDir).filter((name) => BUNDLE_FOLDER.test(name)))
        rmSync(join(outDir, folder), { recursive: true, force: true });
      for (const folder of readdirSync(staging).filter((name) => BUNDLE_FOLDER.test(name))) {
        const bundle = join(staging, folder);
        const target = join(outDir, folder);
        try {
          renameSync(bundle, target);
        } catch {
          // Another file system (an outDir elsewhere): copy instead.
          cpSync(bundle, target, { recursive: true });
        }
      }
      cleanUp();
      if (result.whole)
        return logger.info(
          `Pagefind: ${indexed.size} pages indexed (${result.pastPages} of them past) in ${result.shards} bundle part(s), all the last build's: the same entries, day and code (taken from .cache/search-bundles/, ${Math.round(result.totalMs)} ms before the pages)`,
        );
      logger.info(
        `Pagefind: ${indexed.size} pages indexed (${result.pastPages} of them past) in ${result.shards} bundle part(s) (${result.reused} unchanged since the last build), ${Math.round(performance.now() - waited)} ms after rendering ` +
          `(${Math.round(result.totalMs)} ms in all beside the build, ${Math.round(result.indexedMs)} ms to read the pages; ` +
          `keys of ${result.keyed.kept} documents from .cache/search/, ${result.keyed.made} made)`,
      );
    },
  };
}
