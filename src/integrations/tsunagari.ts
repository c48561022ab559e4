/**
 * The project's Astro integration:
 * - validates all content before Astro reads it, so `astro build` stops with our
 *   volunteer-friendly message (file, field, value, fix) instead of dropping or mangling an entry;
 * - serves Decap CMS's self-hosted bundle at /admin/ in dev and copies it into dist/admin/;
 * - hands the pictures entry pages show, and only those, to Astro's image pipeline from copies
 *   re-encoded without metadata (page-photos.ts, src/lib/media/); pictures Markdown bodies show
 *   go to dist/uploads/, re-encoded too; the dev server serves /uploads/ the same way;
 * - in dev, answers this computer only (local-only.ts) and keeps Vite's reloads off the CMS
 *   page (admin-dev.ts);
 * - makes the flyers of the validated entries at the end of the build (flyers.ts), and logs how
 *   many times content files were parsed (once each: the loader, search and flyers take the
 *   entries validated here);
 * - indexes the entries with Pagefind (Japanese segmentation) in a worker process while Astro
 *   renders (search-index.ts); any indexing error, or an entry page missing from the index,
 *   fails the build instead of only being logged; under the dev server the same index is
 *   served and remade when content changes (search-dev.ts);
 * - while Astro writes the pages, answers its file writes synchronously (page-writes.ts).
 */
import {
  createReadStream,
  existsSync,
  readdirSync,
  copyFileSync,
  mkdirSync,
  readFileSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';
import type { AstroIntegration } from 'astro';
import { validateContent, type ValidEntry } from '../lib/validation/validate.ts';
import { diskValidationCache, validationCodeVersion } from '../lib/validation/cache.ts';
import { formatReport } from '../lib/validation/messages.ts';
import { formatWarnings } from '../lib/validation/warnings.ts';
import { easyJapaneseCache, easyJapaneseWarnings } from '../lib/easy-japanese/content.ts';
import * as loader from '../lib/content/loader.ts';
import { handOverContentModules } from '../lib/content/modules.ts';
import { setAsideForRemoval } from '../lib/set-aside.ts';
import * as schemas from '../schemas/index.ts';
import { handOverPageKeyBase, PAGE_ENV, pageKeyBase } from '../lib/page-keys.ts';
import { MEDIA_FOLDER } from '../lib/media/paths.ts';
import { filesUnder } from '../lib/files-under.ts';
import { adminWithoutViteClient } from './admin-dev.ts';
import { localOnly } from './local-only.ts';
import { publishMedia } from '../lib/media/publish.ts';
import { devMedia } from './media-dev.ts';
import { devFlyers } from './flyers-dev.ts';
import { devNewsletters } from './newsletters-dev.ts';
import {
  adminContentSecurityPolicy,
  headersWithAdminPolicy,
  headersWithMapPolicy,
  headersWithSearchPolicy,
} from '../lib/seo/csp.ts';
import { tileOrigin } from '../lib/map/points.ts';
import { DEFAULT_MAP, type MapSettings } from '../schemas/map.ts';
import { bundleOfFolder } from '../lib/search/shards.ts';
import { searchOrigins, searchTowns } from '../lib/search/towns.ts';
import type { OtherTown } from '../schemas/other-towns.ts';
import { cmsOrigins, type CmsSettings } from '../lib/cms/backend.ts';
import { pagePhotos } from './page-photos.ts';
import { shownPictures } from '../lib/media/photos.ts';
import { usablePictures } from '../lib/media/gate.ts';
import { devSearch } from './search-dev.ts';
import { startSearchIndex, type SearchIndexJob } from './search-index.ts';
import { todayInJapan } from '../lib/recurrence.ts';
import { buildFlyers, type BuildFlyers } from './flyers.ts';
import { releaseAnalysers } from '../lib/furigana/tokenizer.ts';
import { bosaiMemoStep } from './bosai-memo.ts';
import { devBosaiMemos } from './bosai-memo-dev.ts';
import { contentParses, contentUnchanged, parsesReport } from '../lib/content/files.ts';
import { synchronousPageWrites } from './page-writes.ts';
import { DEFAULT_CONTENT_LOCALE, LOCALES } from '../i18n/locales.ts';

const require = createRequire(import.meta.url);
const decapDist = join(require.resolve('decap-cms/package.json'), '..', 'dist');
/** decap-cms.js and the chunks it loads from its own folder (no source maps: 60 MB less). */
const decapFiles = () => readdirSync(decapDist).filter((name) => name.endsWith('decap-cms.js'));

export class ContentValidationError extends Error {
  override name = 'ContentValidationError';
}

/** A file's text, or '' when there is none. */
function readTextIfThere(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return '';
  }
}

/** Every file under `dir` with its size and time of change (none when it does not exist). */
function filesWithTimes(dir: string): string[] {
  return filesUnder(dir).flatMap((name) => {
    const stat = statSync(join(dir, name), { throwIfNoEntry: false });
    return stat ? [`${name}\0${stat.size}\0${stat.mtimeMs}`] : [];
  });
}

export default function tsunagari(): AstroIntegration {
  let search: SearchIndexJob | undefined;
  let flyers: BuildFlyers | undefined;
  /** The validated entries and the project root, for publishing the pictures they use. */
  let published: { root: string; entries: Map<string, ValidEntry[]> } | undefined;
  /** The やさしい日本語 check, run beside the build (its dictionary takes seconds to load). */
  let easyCheck: Promise<void> | undefined;
  /** Between the build's start and the end of its last step (see 'astro:build:start'). */
  let unfinished = false;
  /** Puts Node's own file writes back once the pages are written (page-writes.ts). */
  let asyncWrites: (() => void) | undefined;
  /** Astro's cache folder, where it keeps the pages of the last build (src/lib/page-keys.ts). */
  let astroCache: string | undefined;
  /** The output folder and where the last build's is set aside (src/lib/set-aside.ts). */
  let output: { dir: string; trash: string } | undefined;
  return {
    name: 'tsunagari',
    hooks: {
      'astro:config:done': ({ config }) => {
        astroCache = fileURLToPath(config.cacheDir);
        output = { dir: fileURLToPath(config.outDir), trash: join(fileURLToPath(config.root), '.cache', 'dist-trash') };
      },
      'astro:config:setup': ({ command, config, logger, updateConfig }) => {
        const root = fileURLToPath(config.root);
        // One day for the whole build's flyers (src/flyers/list.ts, flyerDay): the pages that link
        // a flyer's printing choices and the step that makes them agree, even past midnight.
        if (command === 'build') process.env['FLYERS_TODAY'] ??= todayInJapan();
        // A build keeps what it validated (src/lib/validation/cache.ts): the next parses only
        // the files that changed. The dev server validates afresh; it runs for hours.
        // The hash of the code (src/ and the lockfile) keys the validation cache, the やさしい日本語
        // check's and the search documents kept between builds (src/lib/search/keyed-store.ts): read once.
        const code = validationCodeVersion(root);
        // Pages unchanged since the last build are copied from it (src/lib/page-keys.ts): their
        // keys start from the code, the day, the environment and the media files.
        if (command === 'build')
          handOverPageKeyBase(
            pageKeyBase({
              code: code + readTextIfThere(join(root, 'astro.config.mjs')),
              days: [todayInJapan(), process.env['FLYERS_TODAY'] ?? ''],
              env: Object.fromEntries(PAGE_ENV.map((name) => [name, process.env[name]])),
              media: filesWithTimes(join(root, MEDIA_FOLDER)),
            }),
          );
        const { entries, translations, problems, warnings } = validateContent(
          root,
          command === 'build' ? diskValidationCache(root, code) : undefined,
        );
        // Private data in a report or newsletter is pointed out, never stops the build (warnings.ts).
        if (warnings.length) logger.warn(formatWarnings(warnings));
        // Hard やさしい日本語 in a translation: pointed out too, never a stop (src/lib/easy-japanese/).
        easyCheck = easyJapaneseWarnings(root, easyJapaneseCache(root, code)).then(
          (easy) => {
            if (easy.length) logger.warn(formatWarnings(easy));
          },
          (error: unknown) =>
            logger.warn(
              `やさしい日本語のチェックができませんでした / the やさしい日本語 check failed: ${error instanceof Error ? error.message : String(error)}`,
            ),
        );
        if (problems.length) {
          const report = formatReport(problems);
          // In dev the volunteer keeps editing; the build must not publish a broken site.
          if (command === 'build') throw new ContentValidationError(report);
          logger.error(report);
        }
        // Astro's collections are fed these same entries (src/lib/content/loader.ts): read once.
        loader.handOverValidated(root, entries, translations);
        // And the content config the schemas and loader Node loaded for this module (modules.ts).
        if (command === 'build') handOverContentModules({ schemas, loader });
        // Search indexes the validated entries beside the build (search-index.ts).
        if (command === 'build') search = startSearchIndex(root, entries, { translated: translations, code });
        // Flyers are made from them too, once the pages are written (flyers.ts).
        if (command === 'build') flyers = buildFlyers(root, entries, translations);
        if (command === 'build') published = { root, entries };
        // Pages show their pictures through Astro's image pipeline (page-photos.ts): the build only
        // those pages show, the dev server any picture in media/ (the CMS shows one before saving).
        const photos = command === 'build' ? () => shownPictures(entries) : () => usablePictures(root);
        updateConfig({ vite: { plugins: [pagePhotos(root, photos, command === 'dev')] } });
        if (command === 'dev') {
          const files = new Set(decapFiles());
          updateConfig({
            vite: {
              plugins: [
                // This computer only: loopback and a Host that names it (local-only.ts).
                localOnly(),
                // The CMS page is not reloaded when a save changes content/ (admin-dev.ts).
                adminWithoutViteClient(),
                // Search works under `npm start` too, and follows edits (search-dev.ts).
                devSearch(root, entries, logger, translations),
                // /uploads/ through the media gate, re-encoded without metadata (media-dev.ts).
                devMedia(root),
                // An entry's flyer made on request, so it prints right after saving (flyers-dev.ts).
                devFlyers(root, logger),
                // A newsletter's PDFs made on request the same way (newsletters-dev.ts).
                devNewsletters(root, logger),
                // A 防災 page's printable sheet, made on request too (bosai-memo-dev.ts).
                devBosaiMemos(root, logger),
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
      'astro:build:start': ({ logger }) => {
        unfinished = true;
        // The last build's dist/, which Astro would empty on the main thread before bundling,
        // is set aside and removed beside the build (set-aside.ts).
        if (output) setAsideForRemoval(output.dir, output.trash);
        // Astro's page and folder writes answered at once while it renders (page-writes.ts).
        // Pages kept from the last build are linked from Astro's cache folder, not copied.
        asyncWrites = synchronousPageWrites(undefined, { kept: astroCache });
        // Node ends a process whose event loop has nothing left to wait for, even in the middle
        // of an await, with exit code 0: a build waiting only on something that no longer holds
        // the loop open (an unref'd worker) would look successful with half of dist/ missing.
        process.once('exit', (code) => {
          if (!unfinished || code !== 0) return;
          logger.error(
            'ビルドが最後まで進まずに終わりました（検索・チラシ・編集画面などが dist/ にありません）。もう一度 npm run build を実行し、同じことが起きるときは開発者に知らせてください。 / the build ended before its last step finished (search, flyers or the CMS are missing from dist/); run it again, and report it if it happens again.',
          );
          process.exitCode = 1;
        });
      },
      'astro:build:generated': () => {
        asyncWrites?.();
        asyncWrites = undefined;
      },
      'astro:build:done': async ({ dir, pages, logger }) => {
        const outDir = fileURLToPath(dir);
        // Every page is written: the dictionary their ふりがな used (230 MB in Astro's process
        // while the printing steps' workers run beside it) is let go; the flyers load their own
        // if a ふりがな flyer is to be made, and let it go when its readings are made.
        releaseAnalysers();
        // Its warnings are part of the build's log: said before the build says it is done.
        await easyCheck;
        if (!search || !flyers) throw new Error('Pagefind and flyers: the build did not start them');
        // Cached flyers are put in place while the search worker finishes: with every flyer
        // cached, the step fits in the time the build waits for search anyway. Flyers to render
        // wait for search, so the render threads and Pagefind's process (1.8 GB while it writes
        // at 10,000 entries) do not hold their memory at the same time.
        const searching = search.finish(
          outDir,
          pages.map((p) => p.pathname),
          logger,
        );
        await Promise.all([searching, flyers.make(outDir, logger, searching)]);
        search = undefined;
        flyers = undefined;
        logger.info(`content: ${parsesReport(contentParses(), contentUnchanged())}`);
        if (!published) throw new Error('media: the validated entries are missing');
        // Each 防災 page's printable sheet (わが家の防災メモ), once the flyers no longer use the cores.
        if (process.env['FLYERS_SKIP'] !== '1') await bosaiMemoStep(published.root, outDir, published.entries, logger);
        const media = await publishMedia(published.root, outDir, published.entries);
        logger.info(
          `uploads: ${media.written} pictures of Markdown bodies re-encoded without metadata (${media.cached} from .cache/uploads/)`,
        );
        const target = join(outDir, 'admin');
        if (!existsSync(target)) mkdirSync(target, { recursive: true });
        const files = decapFiles();
        for (const name of files) copyFileSync(join(decapDist, name), join(target, name));
        logger.info(`Decap CMS: ${files.length} files copied to admin/`);
        // The CMS's header allows the Git host of the site settings, as its meta tag does
        // (src/pages/admin/index.astro): a browser applies both, so they must name the same host.
        const settings = published.entries.get('settings')?.[0]?.parsed;
        const cms = settings?.['cms'] as CmsSettings | undefined;
        if (!cms)
          logger.warn(
            'content/settings/site.yml に cms（編集画面のログイン先）がないため、公開したサイトの /admin/ ではログインできません（npm start の編集画面だけが使えます）。docs/DEPLOY.md を見て書き足してください。 / no cms in the site settings: the published /admin/ cannot log in anywhere; see docs/DEPLOY.md.',
          );
        const port = Number(process.env['DECAP_PORT'] ?? 8081);
        const headers = join(outDir, '_headers');
        // The search page's header allows other towns' search bundles, as its meta tag does.
        const towns = (settings?.['otherTowns'] ?? []) as OtherTown[];
        // Pages in other languages live under /en/, /vi/ …: their search and map pages need the same rules.
        const localePrefixes = LOCALES.filter(({ code }) => code !== DEFAULT_CONTENT_LOCALE).map(
          ({ code }) => `/${code}`,
        );
        if (existsSync(headers))
          writeFileSync(
            headers,
            headersWithMapPolicy(
              headersWithSearchPolicy(
                headersWithAdminPolicy(
                  readFileSync(headers, 'utf8'),
                  adminContentSecurityPolicy(port, cmsOrigins(cms)),
                ),
                searchOrigins(searchTowns(towns)),
                // The search page in every other language (src/pages/[locale]/search.astro).
                localePrefixes.map((prefix) => `${prefix}/search/*`),
                // A large town's further parts of its search bundles, as search.finish() left them.
                readdirSync(outDir).filter((name) => bundleOfFolder(name)?.further),
              ),
              // The map pages' header allows the settings' tile server, as their meta tag does.
              tileOrigin((settings?.['map'] as MapSettings | undefined)?.tiles ?? DEFAULT_MAP.tiles),
              localePrefixes,
            ),
          );
        unfinished = false;
      },
    },
  };
}
