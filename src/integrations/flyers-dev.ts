/**
 * Flyers under `npm start`: the dev server renders no flyers of its own (a build makes them all
 * at its end), so the 「チラシを印刷する」 link and the preview of an entry a volunteer has just
 * written would answer 404 until the next full build. Here a request for
 * `/flyers/<collection>/<id>.pdf`, `.png` or `-og.png` (or a printing choice's
 * `<id>.<template>.pdf`, made only when asked for) makes that one entry's flyer from the
 * content as saved — validated as the build validates it, through the build's own flyer step and
 * its cache (.cache/flyers/), so the next build reuses what was made here — and serves it.
 * One worker process is kept for the dev server's life: starting one and loading its fonts costs
 * about a second, a flyer about a tenth of one. Serving is print-dev.ts's, as for newsletters.
 */
import { join } from 'node:path';
import type { AstroIntegrationLogger } from 'astro';
import type { Plugin } from 'vite';
import { flyerFailures, makeFlyers } from '../flyers/build.ts';
import { flyerContent, SETTINGS_MISSING } from '../flyers/content.ts';
import { flyerTranslations } from '../flyers/translations.ts';
import { isFlyerCollection, RUBY_CHOICE, type FlyerChoiceName } from '../flyers/paths.ts';
import { createFlyerPool, type FlyerPool } from '../flyers/pool.ts';
import { flyerDay } from '../flyers/list.ts';
import { formatReport } from '../lib/validation/messages.ts';
import { validateContent } from '../lib/validation/validate.ts';
import { FLYER_TEMPLATES } from '../schemas/flyer.ts';
import { devPrintPlugin, oneRunPerKey, type DevPrint } from './print-dev.ts';

/** Every print choice's name: the templates and the large print with ふりがな. */
const CHOICES: readonly FlyerChoiceName[] = [...FLYER_TEMPLATES, RUBY_CHOICE];
const FLYER_URL = new RegExp(
  `^/flyers/([a-z-]+)/([\\w-]+?)(\\.(?:${CHOICES.join('|')})\\.pdf|\\.pdf|-og\\.png|\\.png)(?:[?#].*)?$`,
);
const TYPES: Record<string, string> = {
  '.pdf': 'application/pdf',
  '.png': 'image/png',
  '-og.png': 'image/png',
  ...Object.fromEntries(CHOICES.map((choice) => [`.${choice}.pdf`, 'application/pdf'])),
};
/** `.bw.pdf` → bw: a printing choice's PDF (paths.ts, variantPdf). */
const choiceOf = (suffix: string) => CHOICES.find((choice) => suffix === `.${choice}.pdf`);

/** What a request for a flyer gets: the file, or why there is none (Japanese first). */
export type DevFlyer = DevPrint;

/** Makes one entry's flyer from the content as it is now, into the build's cache. */
export function devFlyerMaker(root: string, log: (line: string) => void) {
  const cacheDir = join(root, '.cache', 'flyers');
  let pool: FlyerPool | undefined;
  /** One run per entry at a time: the preview and the PDF are often asked for together. */
  const once = oneRunPerKey<DevFlyer>();

  async function make(collection: string, id: string, choice?: FlyerChoiceName): Promise<DevFlyer> {
    // Validated again on every request: a volunteer asks for a flyer right after saving, and a
    // flyer must not show what the build would refuse.
    const { entries, translations, problems } = validateContent(root);
    const own = problems.filter((p) => p.file.startsWith(`content/${collection}/${id}.`));
    if (own.length) return { status: 422, message: formatReport(own) };
    if (!(entries.get(collection) ?? []).some((entry) => entry.id === id))
      return { status: 404, message: `チラシがありません / no flyer: ${collection}/${id}` };
    const content = flyerContent(entries, flyerTranslations(entries, translations));
    if (!content) return { status: 500, message: SETTINGS_MISSING };
    pool ??= createFlyerPool(root, 1);
    const result = await makeFlyers(content, {
      root,
      // Where the step places its copies; what is served is the cache's own file.
      outDir: join(root, '.cache', 'flyers-dev'),
      today: flyerDay(),
      only: { collection, id, ...(choice ? { choice } : {}) },
      pool,
      log,
      warn: log,
    });
    const failures = flyerFailures(result);
    if (failures) return { status: 500, message: failures };
    // The editor's own template has no `.<template>.pdf`: the build makes none either.
    if (choice && !result.choices.total)
      return { status: 404, message: `チラシがありません / no flyer: ${collection}/${id}.${choice}.pdf` };
    return { file: join(cacheDir, collection, `${id}${choice ? `.${choice}` : ''}.pdf`) };
  }

  return {
    get(collection: string, id: string, suffix: string): Promise<DevFlyer> {
      const choice = choiceOf(suffix);
      const name = `${collection}/${id}${choice ? `.${choice}` : ''}`;
      const made = once(name, () => make(collection, id, choice));
      // The step makes the PDF and both pictures at once; each request takes its own.
      return choice
        ? made
        : made.then((flyer) => ('file' in flyer ? { file: flyer.file.replace(/\.pdf$/, suffix) } : flyer));
    },
    async close() {
      await pool?.close();
      pool = undefined;
    },
  };
}

export function devFlyers(root: string, logger: AstroIntegrationLogger): Plugin {
  const maker = devFlyerMaker(root, (line) => logger.info(line));
  return devPrintPlugin(
    {
      name: 'tsunagari:flyers',
      match(url) {
        const [, collection = '', id = '', suffix = ''] = url.match(FLYER_URL) ?? [];
        return isFlyerCollection(collection) ? { collection, id, suffix } : undefined;
      },
      make: ({ collection, id, suffix }) => maker.get(collection, id, suffix),
      contentType: ({ suffix }) => TYPES[suffix] ?? 'application/octet-stream',
      failure: 'チラシを作れませんでした / the flyer could not be made',
      close: () => maker.close(),
    },
    logger,
  );
}
