/**
 * Search under `npm start`: the dev server renders pages on request, so nothing is there to index
 * after a build. The index is made from the validated content as for a build (search-index.ts),
 * served at /pagefind/ and /pagefind-past/ (and a large town's further parts: src/lib/search/shards.ts)
 * from its staging folder, and made again after a file
 * under content/ changed, when the index is next asked for — so an entry saved in the CMS is found
 * by the next search.
 *
 * Made again on demand, not on each save: a volunteer saves far more often than anyone searches
 * under `npm start`, and making it takes a core for seconds (5 s for the sample content, most of
 * it the worker's start, the dictionary of readings and Pagefind; longer in a large town) right
 * when Decap, after a save, loads the next page. The search page asks for Pagefind's files as it
 * opens, so the index is being made while the reader types.
 */
import { createReadStream, existsSync, statSync } from 'node:fs';
import { extname, join, normalize, sep } from 'node:path';
import type { AstroIntegrationLogger } from 'astro';
import type { Plugin } from 'vite';
import { formatReport } from '../lib/validation/messages.ts';
import { validateContent, type ValidEntry, type ValidTranslation } from '../lib/validation/validate.ts';
import { BUNDLE_FOLDER } from '../lib/search/shards.ts';
import { startSearchIndex } from './search-index.ts';

const TYPES: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
};
/** A bundle's or one of its parts' file (src/lib/search/shards.ts): the folder, and the file in it. */
const BUNDLE_PATH = new RegExp(`^/(${BUNDLE_FOLDER.source.slice(1, -1)})/([^?#]*)`);
/** Pagefind's interface (pagefind-ui.js, pagefind-ui.css, …), not its index. */
const UI_FILE = /^pagefind-(ui|modular-ui|component-ui|highlight)[.-]/;

/** Served on this machine only: Pagefind's files as written, not made smaller (regzip.ts). */
const startIndex = (root: string, entries: Map<string, ValidEntry[]>, translated: Map<string, ValidTranslation[]>) =>
  startSearchIndex(root, entries, { forPublishing: false, translated });

/** `entries`: the content the dev server validated when it started. */
export function devSearch(
  root: string,
  entries: Map<string, ValidEntry[]>,
  logger: AstroIntegrationLogger,
  translations: Map<string, ValidTranslation[]> = new Map(),
): Plugin {
  let job = startIndex(root, entries, translations);
  const content = join(root, 'content') + sep;
  /** A file under content/ changed since the index being served was begun. */
  let stale = false;
  /** The index being made again, while it is. */
  let remaking: Promise<void> | undefined;

  async function remake() {
    // After the one being made, if any (the first, made as the server starts).
    await job.written;
    const started = performance.now();
    // What it would refuse was said when the file was saved (contentChanged).
    const { entries, translations } = validateContent(root);
    const next = startIndex(root, entries, translations);
    const reply = await next.written;
    if (!reply.ok) {
      next.discard();
      logger.error(`検索の索引を作れませんでした / Search index not updated: ${reply.message}`);
      return;
    }
    const old = job;
    job = next;
    old.discard();
    logger.info(`検索の索引を更新しました / Search index updated (${Math.round(performance.now() - started)} ms)`);
  }

  /**
   * Resolves once the index holds every change made before it was called: one index at a time,
   * and changes made while one is being made ask for one more after it, which reads them all.
   */
  async function upToDate() {
    while (stale || remaking) {
      if (!remaking) {
        stale = false;
        remaking = remake()
          // The dev server keeps running whatever happens here; the last index is still served.
          .catch((error: unknown) =>
            logger.error(`検索の索引を作れませんでした / Search index not updated: ${String(error)}`),
          )
          .finally(() => (remaking = undefined));
      }
      await remaking;
    }
  }

  let checking = false;
  function contentChanged(path: string) {
    if (!path.startsWith(content) || !path.endsWith('.md')) return;
    stale = true;
    if (checking) return;
    // Files saved together (a merge of the approval workflow) are checked once, in the next turn.
    checking = true;
    setImmediate(() => {
      checking = false;
      try {
        // What the build would refuse, said where the volunteer is looking, as they save: with
        // what needs all the content (a reference to an entry that is gone), which the content
        // loader, reading the saved file alone, cannot tell. Cheap: unchanged files come from the
        // validation's cache (~0.1 s for the sample content).
        const { problems } = validateContent(root);
        if (problems.length) logger.error(formatReport(problems));
      } catch (error) {
        logger.error(`内容を確かめられませんでした / Content not checked: ${String(error)}`);
      }
    });
  }

  return {
    name: 'tsunagari:search',
    configureServer(server) {
      server.watcher.add(content);
      for (const event of ['add', 'change', 'unlink'] as const) server.watcher.on(event, contentChanged);
      server.httpServer?.once('close', () => job.discard());
      server.middlewares.use((req, res, next) => {
        const match = req.url?.match(BUNDLE_PATH);
        if (!match) return next();
        // Any file of the bundle starts making the index again if content changed; the index's
        // own files wait for it (and for the first one, made as the server starts). Pagefind's
        // interface files are the same whatever the index holds: the search page, whose <head>
        // loads them, opens at once while the index is made.
        const fresh = upToDate();
        const ready = UI_FILE.test(match[2] ?? '') ? job.written : fresh;
        void ready
          .then(() => {
            const serving = job;
            return serving.written.then((reply) => {
              const folder = join(serving.staging, match[1] ?? '');
              const file = normalize(join(folder, decodeURIComponent(match[2] ?? '')));
              if (!reply.ok) {
                res.statusCode = 503;
                res.setHeader('Content-Type', 'text/plain; charset=utf-8');
                res.end(`検索の索引がありません / No search index: ${reply.message}`);
              } else if (!file.startsWith(folder + sep) || !existsSync(file) || !statSync(file).isFile()) {
                res.statusCode = 404;
                res.end();
              } else {
                res.setHeader('Content-Type', TYPES[extname(file)] ?? 'application/octet-stream');
                // Pagefind's own files are gzipped inside; it unzips them itself.
                res.setHeader('Cache-Control', 'no-store');
                createReadStream(file).pipe(res);
              }
            });
          })
          .catch(next);
      });
    },
  };
}
