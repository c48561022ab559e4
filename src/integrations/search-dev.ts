/**
 * Search under `npm start`: the dev server renders pages on request, so nothing is there to index
 * after a build. The index is made from the validated content as for a build (search-index.ts),
 * served at /pagefind/ and /pagefind-past/ from its staging folder, and made again when a file
 * under content/ changes — so an entry saved in the CMS can be searched a moment later.
 */
import { createReadStream, existsSync, statSync } from 'node:fs';
import { extname, join, normalize, sep } from 'node:path';
import type { AstroIntegrationLogger } from 'astro';
import type { Plugin } from 'vite';
import { formatReport } from '../lib/validation/messages.ts';
import { validateContent, type ValidEntry, type ValidTranslation } from '../lib/validation/validate.ts';
import { BUNDLE_FOLDERS, startSearchIndex } from './search-index.ts';

const TYPES: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
};
const BUNDLE_PATH = new RegExp(`^/(${Object.values(BUNDLE_FOLDERS).join('|')})/([^?#]*)`);

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
  // One index at a time, the first included; changes while one is being made ask for one
  // more after it, which reads them all.
  let queue: Promise<unknown> = job.written;
  let waiting = false;

  async function remake() {
    const started = performance.now();
    const { entries, translations, problems } = validateContent(root);
    // What the build would refuse, said where the volunteer is looking; the rest stays searchable.
    if (problems.length) logger.error(formatReport(problems));
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

  function contentChanged(path: string) {
    if (!path.startsWith(content) || !path.endsWith('.md') || waiting) return;
    waiting = true;
    queue = queue
      .then(() => {
        waiting = false;
        return remake();
      })
      // The dev server keeps running whatever happens here.
      .catch((error: unknown) =>
        logger.error(`検索の索引を作れませんでした / Search index not updated: ${String(error)}`),
      );
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
        // The first index is still being made when the server starts: wait for it.
        const serving = job;
        serving.written.then((reply) => {
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
        }, next);
      });
    },
  };
}
