/**
 * The search index, in a worker process beside the build (see search-index.ts), in two steps
 * one after the other, so that what each holds is never held at once beside Astro's pages:
 *
 * 1. A process of its own (search-documents.ts) turns every entry into its search document,
 *    with the dictionary behind the Japanese keys, and leaves them in the staging folder, part
 *    by part (src/lib/search/shards.ts). This process waits for it to have ended: started from
 *    here, not from the build, whose main thread, busy rendering, heard of its end nearly a
 *    minute late at 10,000 entries.
 * 2. Here, Pagefind indexes and writes each part, a Pagefind process per part, closed before the
 *    next starts: no dictionary, no content and one part's documents at a time. Pagefind's
 *    memory while it writes (a copy of every page it holds and the index built from it) was
 *    what the build's peak was made of.
 */
import { getPriority, setPriority } from 'node:os';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { deserialize } from 'node:v8';
import * as pagefind from 'pagefind';
import { japaneseIndexNamed } from '../lib/search/document.ts';
import {
  bundleKey,
  keepBundle,
  keepSearch,
  listFurtherParts,
  takeKeptBundle,
  type WrittenPart,
} from '../lib/search/kept-bundles.ts';
import { regzipBundle } from '../lib/search/regzip.ts';
import { connectToParent, ProcessWorker, projectModule } from '../lib/worker-process.ts';
import type { DocumentsReply, SearchJob, SearchReply, ShardDocument } from './search-index.ts';

// The index is needed only when the build is done, so this process, the documents' and the
// Pagefind processes (which inherit its priority), run ten steps below the build and use what
// rendering leaves: at the build's priority they took the second core from Astro's file writes,
// and a 1,000-entry build spent over half its rendering time waiting. Ten steps rather than the
// lowest (19): on a machine busy with other work the lowest got so little that a 1,000-entry
// build waited 5.7 s for search after its pages, a fifth of the build, where the baseline's
// Pagefind runs at normal priority. Where lowering it is not allowed, fine.
try {
  setPriority(Math.min(19, getPriority() + 10));
} catch {
  // Normal priority.
}

/** At most this many documents on their way to Pagefind at once: the rest wait on disk, not in messages. */
const IN_FLIGHT = 64;

/** A full collection, its heap given back (the process is started with --expose-gc, search-index.ts). */
const collectGarbage = () =>
  (globalThis as { gc?: (options: object) => void }).gc?.({ type: 'major', execution: 'sync', flavor: 'last-resort' });

/**
 * Pagefind indexes and writes one part, from its documents as search-documents.ts stored them.
 * Each document is let go once Pagefind has it, and what they held is collected before Pagefind
 * writes, when its memory is largest: at 10,000 entries, in parts of ~4,200 pages, this
 * process held 328 MB beside Pagefind's 1,043 MB and the pages' 1,177 MB.
 */
async function writeShard(folder: string, stored: Uint8Array): Promise<string[]> {
  const documents = deserialize(stored) as (ShardDocument | undefined)[];
  const { index, errors } = await pagefind.createIndex();
  if (!index) return [`Pagefind: ${errors.join('; ')}`];
  const problems: string[] = [];
  const inFlight = new Set<Promise<unknown>>();
  for (let i = 0; i < documents.length; i++) {
    const { url, content, file } = documents[i]!;
    documents[i] = undefined;
    const adding = index
      .addHTMLFile({ url, content })
      .then(
        (r) => problems.push(...r.errors.map((e) => `${file} (${url}): ${e}`)),
        (error: unknown) =>
          problems.push(`${file} (${url}): ${error instanceof Error ? error.message : String(error)}`),
      )
      .finally(() => inFlight.delete(adding));
    inFlight.add(adding);
    if (inFlight.size >= IN_FLIGHT) await Promise.race(inFlight);
  }
  await Promise.all(inFlight);
  if (problems.length) return problems;
  collectGarbage();
  const written = await index.writeFiles({ outputPath: folder });
  // Its own process per part: closed, everything it held goes back to the system.
  await pagefind.close();
  return written.errors;
}

/** Step 1: the documents, made in a process of their own (search-documents.ts), which has ended when this returns. */
function makeDocuments(job: SearchJob): Promise<DocumentsReply> {
  const documents = new ProcessWorker(projectModule(job.keyed.root, 'src/integrations/search-documents.ts'), {
    name: 'the search documents worker',
    // glibc's malloc gives what it frees back to the system: with its default, the dictionary's
    // buffers stayed in the process's arena after they were freed (Linux only; others ignore it).
    env: { MALLOC_MMAP_THRESHOLD_: '131072' },
    workerData: job,
  });
  return new Promise((resolve) => {
    let reply: DocumentsReply | undefined;
    documents.once('message', (message: DocumentsReply) => (reply = message));
    documents.once('error', (error: Error) => (reply ??= { ok: false, message: error.stack ?? error.message }));
    documents.once('exit', (code) =>
      resolve(reply ?? { ok: false, message: `the search documents worker stopped (exit code ${code})` }),
    );
  });
}

/** Step 2: Pagefind writes each part; every bundle's own entry file then lists its further parts. */
async function writeBundles(
  outputPath: string,
  regzipCache: string | undefined,
  shards: Extract<DocumentsReply, { ok: true }>['shards'],
  keptBundles: { folder: string; code: string } | undefined,
): Promise<{ errors: string[]; parts: WrittenPart[] }> {
  const parts: WrittenPart[] = [];
  for (const { bundle, folder, documentsFile } of shards) {
    const out = join(outputPath, folder);
    const entryFile = join(out, 'pagefind-entry.json');
    const stored = readFileSync(documentsFile);
    // Read once, not needed again (the dev server keeps its staging folder while it serves it).
    rmSync(documentsFile);
    // A part whose documents are the last build's is linked from there (kept-bundles.ts).
    const key = keptBundles ? bundleKey(keptBundles.code, regzipCache ? 'regzip' : 'plain', stored) : '';
    if (keptBundles && takeKeptBundle(keptBundles.folder, folder, key, out)) {
      reused++;
    } else {
      const errors = await writeShard(out, stored);
      if (errors.length) return { errors, parts };
      writeFileSync(entryFile, japaneseIndexNamed(readFileSync(entryFile, 'utf8')));
      if (regzipCache) await regzipBundle(out, regzipCache);
      if (keptBundles) keepBundle(keptBundles.folder, folder, key, out);
    }
    parts.push({ bundle, folder, key });
  }
  // For the search pages here and in other towns (src/lib/search/shards.ts).
  listFurtherParts(outputPath, parts);
  return { errors: [], parts };
}

const port = await connectToParent<SearchJob>();
const { outputPath, regzipCache, searchKey } = port.data;
// The bundles kept between builds: only a build's (the dev server's index follows each edit).
const keptBundles = regzipCache
  ? { folder: join(port.data.keyed.root, '.cache', 'search-bundles'), code: port.data.keyed.code }
  : undefined;
/** Parts linked from the last build's (kept-bundles.ts). */
let reused = 0;

async function searchIndex(): Promise<SearchReply> {
  const started = performance.now();
  // The job taken from the port goes to the documents' process alone; nothing here keeps it.
  const documents = await makeDocuments(port.takeData());
  // What this process held of the content is garbage now: collected, and its heap given back
  // (the process is started with --expose-gc, search-index.ts) before Pagefind starts. At
  // 10,000 entries 300 MB that it would otherwise hold beside Pagefind and the pages.
  collectGarbage();
  if (!documents.ok) return documents;
  const { urls, pastPages, keyed, shards, indexedMs } = documents;
  const { errors, parts } = await writeBundles(outputPath, regzipCache, shards, keptBundles);
  if (errors.length) return { ok: false, message: `Pagefind: ${errors.join('; ')}` };
  // The next build with the same job takes it all from the cache (kept-bundles.ts, takeKeptSearch).
  if (keptBundles && searchKey) keepSearch(keptBundles.folder, { key: searchKey, parts, urls, pastPages });
  return {
    ok: true,
    urls,
    pastPages,
    keyed,
    shards: shards.length,
    reused,
    indexedMs,
    totalMs: performance.now() - started,
  };
}

const reply = await searchIndex().catch((error: unknown): SearchReply => ({
  ok: false,
  message: error instanceof Error ? (error.stack ?? error.message) : String(error),
}));
await pagefind.close();
await port.postMessage(reply);
port.close();
