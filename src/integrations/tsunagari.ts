/**
 * The project's Astro integration:
 * - validates all content before Astro reads it, so `astro build` stops with our
 *   volunteer-friendly message (file, field, value, fix) instead of dropping or mangling an entry;
 * - serves Decap CMS's self-hosted bundle at /admin/ in dev and copies it into dist/admin/;
 * - indexes the built site with Pagefind (Japanese segmentation), failing the build on any
 *   indexing error instead of only logging it.
 */
import { createReadStream, existsSync, readdirSync, copyFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';
import type { AstroIntegration } from 'astro';
import * as pagefind from 'pagefind';
import { validateContent } from '../lib/validation/validate.ts';
import { formatReport } from '../lib/validation/messages.ts';

const require = createRequire(import.meta.url);
const decapDist = join(require.resolve('decap-cms/package.json'), '..', 'dist');
/** decap-cms.js and the chunks it loads from its own folder (no source maps: 60 MB less). */
const decapFiles = () => readdirSync(decapDist).filter((name) => name.endsWith('decap-cms.js'));

export class ContentValidationError extends Error {
  override name = 'ContentValidationError';
}

export default function tsunagari(): AstroIntegration {
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
      'astro:build:done': async ({ dir, logger }) => {
        const outDir = fileURLToPath(dir);
        await buildSearchIndex(outDir, logger);
        const target = join(outDir, 'admin');
        if (!existsSync(target)) mkdirSync(target, { recursive: true });
        const files = decapFiles();
        for (const name of files) copyFileSync(join(decapDist, name), join(target, name));
        logger.info(`Decap CMS: ${files.length} files copied to admin/`);
      },
    },
  };
}

async function buildSearchIndex(outDir: string, logger: { info: (m: string) => void }) {
  const started = Date.now();
  const { index, errors } = await pagefind.createIndex({ forceLanguage: 'ja' });
  try {
    if (!index) throw new Error(`Pagefind: ${errors.join('; ')}`);
    const added = await index.addDirectory({ path: outDir });
    if (added.errors.length) throw new Error(`Pagefind: ${added.errors.join('; ')}`);
    const written = await index.writeFiles({ outputPath: join(outDir, 'pagefind') });
    if (written.errors.length) throw new Error(`Pagefind: ${written.errors.join('; ')}`);
    logger.info(`Pagefind: ${added.page_count} pages indexed in ${Date.now() - started} ms`);
  } finally {
    await pagefind.close();
  }
}
