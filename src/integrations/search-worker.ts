/**
 * The search index, built in a worker thread from the validated content while Astro syncs and
 * renders the pages on the main thread (see search-index.ts). Each entry becomes the document
 * src/lib/search/document.ts describes; Pagefind segments the Japanese text and writes its
 * bundle into the staging folder it is given.
 */
import { parentPort, workerData } from 'node:worker_threads';
import * as pagefind from 'pagefind';
import { markdownToHtml } from 'satteri';
import { t } from '../i18n/index.ts';
import { ENTRY_COLLECTIONS, entryHref, titleOf } from '../lib/entries.ts';
import { factsFor } from '../lib/facts.ts';
import { safeMarkdown } from '../lib/markdown/safe.ts';
import { headingPhrases } from '../lib/markdown/headings.ts';
import { searchDocument } from '../lib/search/document.ts';
import type { SearchJob, SearchReply } from './search-index.ts';

const port = parentPort;
if (!port) throw new Error('search-worker.ts runs as a worker thread (see search-index.ts)');
const { entries, outputPath } = workerData as SearchJob;

async function build(): Promise<SearchReply> {
  const started = performance.now();
  const lookup = new Map<string, { title: string; href: string; data: Record<string, unknown> }>();
  for (const [collection, list] of Object.entries(entries))
    for (const { id, data } of list)
      lookup.set(`${collection}/${id}`, { title: titleOf(collection, data), href: entryHref(collection, id), data });

  const { index, errors } = await pagefind.createIndex({ forceLanguage: 'ja' });
  if (!index) return { ok: false, message: `Pagefind: ${errors.join('; ')}` };
  const problems: string[] = [];
  const added: Promise<unknown>[] = [];
  const urls: string[] = [];
  for (const collection of ENTRY_COLLECTIONS) {
    for (const { id, data, body } of entries[collection] ?? []) {
      // The same Markdown processing as the page (astro.config.mjs).
      const { html: bodyHtml } = markdownToHtml(body, {
        mdastPlugins: [safeMarkdown, headingPhrases],
        features: { gfm: true, smartPunctuation: true },
      });
      const districtIds: string[] = data['districts'] ?? (data['district'] ? [data['district']] : []);
      const document = searchDocument(
        {
          collection,
          id,
          title: titleOf(collection, data),
          data,
          facts: factsFor(collection, data, lookup, t),
          districts: districtIds.map((d) => lookup.get(`districts/${d}`)?.title ?? d),
          bodyHtml,
        },
        t,
      );
      urls.push(document.url);
      added.push(
        index
          .addHTMLFile({ url: document.url, content: document.html })
          .then((r) => problems.push(...r.errors.map((e) => `${document.url}: ${e}`))),
      );
    }
  }
  await Promise.all(added);
  const indexedMs = performance.now() - started;
  if (problems.length) return { ok: false, message: `Pagefind: ${problems.join('; ')}` };
  const written = await index.writeFiles({ outputPath });
  await pagefind.close();
  if (written.errors.length) return { ok: false, message: `Pagefind: ${written.errors.join('; ')}` };
  return { ok: true, urls, indexedMs, totalMs: performance.now() - started };
}

build().then(
  (reply) => port.postMessage(reply),
  (error: unknown) =>
    port.postMessage({ ok: false, message: error instanceof Error ? (error.stack ?? error.message) : String(error) }),
);
