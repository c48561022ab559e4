/**
 * The flyers of `astro build`: when the pages are written, every event, salon and recruitment
 * gets its printable flyer in dist/flyers/ (src/flyers/build.ts), made from the entries the
 * build validated at its start — not from a second reading of content/, so a build parses each
 * content file once. Flyers that did not change come from .cache/flyers/; the rest render on
 * worker processes started from the project's files (src/flyers/worker.ts), because the renderer
 * (resvg) is a native module that Vite cannot bundle. A flyer that cannot be made fails the
 * build with the entry's file named, as the flyer script did.
 *
 * The newsletters' PDFs follow (src/flyers/newsletter/build.ts), with their own switch:
 * FLYERS_SKIP=1 leaves the flyers out and NEWSLETTERS_SKIP=1 the newsletters, each saying so in
 * the log — `npm run bench` leaves the flyers out where thousands would take longer than
 * everything else, and still times the newsletters there. Neither is set by `npm run build`.
 *
 * Both steps are planned here (cached files put in place) and what is left is rendered by the
 * print queue's code (src/flyers/print-queue.ts): here under `astro build` alone, and under
 * `npm run build` after Astro's process has ended (scripts/print.ts), without its memory beside.
 */
import type { AstroIntegrationLogger } from 'astro';
import { planFlyers } from '../flyers/build.ts';
import { flyerContent, SETTINGS_MISSING, type FlyerContent } from '../flyers/content.ts';
import { flyerTranslations } from '../flyers/translations.ts';
import { planNewsletterPdfs } from '../flyers/newsletter/build.ts';
import { printQueued, printQueueFile, writePrintQueue, type PrintQueue } from '../flyers/print-queue.ts';
import { todayInJapan } from '../lib/recurrence.ts';
import { flyerDay } from '../flyers/list.ts';
import type { ValidEntry, ValidTranslation } from '../lib/validation/validate.ts';

export interface BuildFlyers {
  /**
   * Makes the flyers into `outDir`/flyers/; rejects naming every flyer that could not be made.
   * Cached flyers are put in place at once; flyers to render wait for `renderAfter`.
   */
  make(outDir: string, logger: AstroIntegrationLogger, renderAfter?: Promise<unknown>): Promise<void>;
}

export function buildFlyers(
  root: string,
  entries: ReadonlyMap<string, readonly ValidEntry[]>,
  translations: ReadonlyMap<string, readonly ValidTranslation[]> = new Map(),
): BuildFlyers {
  let content: FlyerContent | undefined = flyerContent(entries, flyerTranslations(entries, translations));
  return {
    async make(outDir, logger, renderAfter) {
      const log = (line: string) => logger.info(line);
      const warn = (line: string) => logger.warn(line);
      const workers = process.env['FLYERS_WORKERS'] ? Math.max(1, Number(process.env['FLYERS_WORKERS'])) : undefined;
      const queue: PrintQueue = { root, outDir, ...(workers ? { workers } : {}) };
      if (process.env['FLYERS_SKIP'] === '1')
        logger.warn('チラシは作りませんでした（FLYERS_SKIP=1） / flyers left out (FLYERS_SKIP=1)');
      else {
        if (!content) throw new Error(SETTINGS_MISSING);
        // Cached flyers are put in place now, while search finishes; the rest wait for it.
        queue.flyers = planFlyers(content, {
          root,
          outDir,
          // As the flyer script: FLYERS_TODAY fixes the day (tests, reproducible builds).
          today: flyerDay(),
          log,
          warn,
        });
      }
      // The entries are not needed any more; the build still holds its own.
      content = undefined;
      // Rendering, and the newsletters' compiling, after search: its process and the render
      // threads do not hold their memory at once (and each step's time is its own, for the bench).
      await renderAfter;
      if (process.env['NEWSLETTERS_SKIP'] === '1')
        logger.warn(
          'だよりのPDFは作りませんでした（NEWSLETTERS_SKIP=1） / newsletter PDFs left out (NEWSLETTERS_SKIP=1)',
        );
      // The newsletters' A4 PDFs — colour, black and white, large print — with the same engine
      // and cache approach (src/flyers/newsletter/build.ts), rendered once the flyers are.
      else
        queue.newsletters = await planNewsletterPdfs(entries, {
          root,
          outDir,
          // As the draft pages (src/pages/newsletters/draft/): next month from the build's day.
          today: todayInJapan(),
          log,
          warn,
        });
      // `npm run build` renders what is left once Astro's process has ended (print-queue.ts
      // says why); `astro build` alone, or a build with nothing to render, finishes it here.
      const queueFile = printQueueFile();
      const flyerFiles = queue.flyers?.todo.length ?? 0;
      const issues = queue.newsletters?.renders.length ?? 0;
      if (queueFile && (flyerFiles || issues)) {
        writePrintQueue(queueFile, queue);
        logger.info(
          `印刷: チラシ${flyerFiles}件・だより${issues}号分は、このあと別の処理で作ります / printing: ${flyerFiles} flyer files and ${issues} newsletter issues to render once Astro's process has ended (scripts/print.ts)`,
        );
        return;
      }
      const failures = await printQueued(queue, log, warn);
      if (failures.length) throw new Error(failures.join('\n'));
    },
  };
}
