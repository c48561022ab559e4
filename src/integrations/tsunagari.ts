/**
 * The project's Astro integration:
 * - validates all content before Astro reads it, so `astro build` stops with our
 *   volunteer-friendly message (file, field, value, fix) instead of dropping or mangling an entry;
 * - serves Decap CMS's self-hosted bundle at /admin/ in dev and copies it into dist/admin/;
 * - indexes the site with Pagefind (Japanese segmentation) while Astro renders it: pages reach
 *   the index through src/middleware.ts as they are rendered, and the index is written when the
 *   build is done; any indexing error fails the build instead of only being logged.
 */
import { createReadStream, existsSync, readdirSync, copyFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';
import type { AstroIntegration } from 'astro';
import * as pagefind from 'pagefind';
import { validateContent } from '../lib/validation/validate.ts';
import { formatReport } from '../lib/validation/messages.ts';
import { setSearchIndexer } from '../lib/search/indexer.ts';

const require = createRequire(import.meta.url);
const decapDist = join(require.resolve('decap-cms/package.json'), '..', 'dist');
/** decap-cms.js and the chunks it loads from its own folder (no source maps: 60 MB less). */
const decapFiles = () => readdirSync(decapDist).filter((name) => name.endsWith('decap-cms.js'));

export class ContentValidationError extends Error {
  override name = 'ContentValidationError';
}

export default function tsunagari(): AstroIntegration {
  let search: SearchIndex | undefined;
  return {
    name: 'tsunagari',
    hooks: {
      'astro:config:setup': ({ command, config, logger, updateConfig }) => {
        const root = fileURLToPath(config.root);
        const { problems } = validateContent(root);
        if (problems.length) {
          const report = formatReport(problems);
          // In dev the volunteer keeps editing; the build must not publish a broken site.
          if (command === 'build') throw new ContentValidationError(report);
          logger.error(report);
        }
        if (command === 'dev') {
          const files = new Set(decapFiles());
          updateConfig({
            vite: {
              plugins: [
                {
                  name: 'tsunagari:decap',
                  configureServer(server) {
                    server.middlewares.use((req, res, next) => {
                      const name = req.url?.match(/^\/admin\/([\w.-]+\.js)(?:\?.*)?$/)?.[1];
                      if (!name || !files.has(name)) return next();
                      res.setHeader('Content-Type', 'text/javascript; charset=utf-8');
                      createReadStream(join(decapDist, name)).pipe(res);
                    });
                  },
                },
              ],
            },
          });
        }
      },
      'astro:build:start': async () => {
        search = await startSearchIndex();
      },
      'astro:build:done': async ({ dir, logger }) => {
        const outDir = fileURLToPath(dir);
        await finishSearchIndex(search, outDir, logger);
        search = undefined;
        const target = join(outDir, 'admin');
        if (!existsSync(target)) mkdirSync(target, { recursive: true });
        const files = decapFiles();
        for (const name of files) copyFileSync(join(decapDist, name), join(target, name));
        logger.info(`Decap CMS: ${files.length} files copied to admin/`);
      },
    },
  };
}

interface SearchIndex {
  index: pagefind.PagefindIndex;
  /** Pages handed over by the middleware, and the errors Pagefind gave for any of them. */
  added: Promise<unknown>[];
  pages: number;
  errors: string[];
}

/**
 * A Pagefind index that takes pages while Astro renders them (src/middleware.ts), so that its
 * service process reads and segments them on the second core: on 10,000 entries that work took
 * 6 s after the build in one process, most of it now hidden behind the rendering.
 */
async function startSearchIndex(): Promise<SearchIndex> {
  const { index, errors } = await pagefind.createIndex({ forceLanguage: 'ja' });
  if (!index) throw new Error(`Pagefind: ${errors.join('; ')}`);
  const search: SearchIndex = { index, added: [], pages: 0, errors: [] };
  setSearchIndexer({
    add(url, html) {
      search.pages += 1;
      search.added.push(
        index
          .addHTMLFile({ url, content: html })
          .then((r) => search.errors.push(...r.errors.map((e) => `${url}: ${e}`))),
      );
    },
  });
  return search;
}

async function finishSearchIndex(
  search: SearchIndex | undefined,
  outDir: string,
  logger: { info: (m: string) => void },
) {
  setSearchIndexer(undefined);
  // What the build waits for once the pages are rendered: the search step's own share of the time.
  const waited = Date.now();
  try {
    if (!search) throw new Error('Pagefind: the search index was not started');
    await Promise.all(search.added);
    // Should pages ever not pass through the middleware, index the written files instead.
    if (search.pages === 0) {
      const added = await search.index.addDirectory({ path: outDir });
      search.errors.push(...added.errors);
      search.pages = added.page_count;
    }
    if (search.errors.length) throw new Error(`Pagefind: ${search.errors.join('; ')}`);
    const written = await search.index.writeFiles({ outputPath: join(outDir, 'pagefind') });
    if (written.errors.length) throw new Error(`Pagefind: ${written.errors.join('; ')}`);
    logger.info(`Pagefind: ${search.pages} pages indexed in ${Date.now() - waited} ms after rendering`);
  } finally {
    await pagefind.close();
  }
}
