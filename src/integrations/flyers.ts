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
 * Under `npm run build` what is left to render once the cached files are in place is not rendered
 * here but written to the print queue and rendered after Astro's process has ended
 * (src/flyers/print-queue.ts, scripts/print.ts): the same steps, without Astro's memory beside them.
 */
import type { AstroIntegrationLogger } from 'astro';
import { flyerFailures, flyerSummary, planFlyers, renderFlyers } from '../flyers/build.ts';
import { flyerContent, SETTINGS_MISSING, type FlyerContent } from '../flyers/content.ts';
import { flyerTranslations } from '../flyers/translations.ts';
import {
  makeNewsletterPdfs,
  newsletterSummary,
  planNewsletterPdfs,
  renderNewsletterPdfs,
} from '../flyers/newsletter/build.ts';
import { printQueueFile, writePrintQueue, type PrintQueue } from '../flyers/print-queue.ts';
import { todayInJapan } from '../lib/recurrence.ts';
import { releaseAnalysers } from '../lib/furigana/tokenizer.ts';
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
      const failures: string[] = [];
      const log = (line: string) => logger.info(line);
      const warn = (line: string) => logger.warn(line);
      const workers = process.env['FLYERS_WORKERS'] ? Math.max(1, Number(process.env['FLYERS_WORKERS'])) : undefined;
      // `npm run build` renders what is left after Astro's process ends (print-queue.ts says why).
      const queueFile = printQueueFile();
      const queue: PrintQueue = { root, outDir, ...(workers ? { workers } : {}) };
      if (process.env['FLYERS_SKIP'] === '1')
        logger.warn('チラシは作りませんでした（FLYERS_SKIP=1） / flyers left out (FLYERS_SKIP=1)');
      else {
        if (!content) throw new Error(SETTINGS_MISSING);
        const options = {
          root,
          outDir,
          // As the flyer script: FLYERS_TODAY fixes the day (tests, reproducible builds).
          today: flyerDay(),
          ...(workers ? { workers } : {}),
          ...(renderAfter ? { renderAfter } : {}),
          // The pages are written: the dictionary goes once the ふりがな flyers' readings are made.
          readingsMade: releaseAnalysers,
          log,
          warn,
        };
        const plan = planFlyers(content, options);
        if (queueFile && plan.todo.length) queue.flyers = plan;
        else {
          const result = await renderFlyers(plan, options);
          logger.info(flyerSummary(result));
          const failed = flyerFailures(result);
          if (failed) failures.push(failed);
        }
      }
      // The entries are not needed any more; the build still holds its own.
      content = undefined;
      if (process.env['NEWSLETTERS_SKIP'] === '1')
        logger.warn(
          'だよりのPDFは作りませんでした（NEWSLETTERS_SKIP=1） / newsletter PDFs left out (NEWSLETTERS_SKIP=1)',
        );
      else {
        // As the flyers' renders, after search: its process and the render threads do not hold
        // their memory at once (and the step's time is its own, for the bench).
        await renderAfter;
        // The newsletters' A4 PDFs — colour, black and white, large print — with the same engine
        // and cache approach (src/flyers/newsletter/build.ts), once the flyers no longer use the cores.
        const options = {
          root,
          outDir,
          // As the draft pages (src/pages/newsletters/draft/): next month from the build's day.
          today: todayInJapan(),
          ...(workers ? { workers } : {}),
          log,
          warn,
        };
        if (queueFile) {
          const plan = await planNewsletterPdfs(entries, options);
          if (plan.renders.length) queue.newsletters = plan;
          else {
            logger.info(newsletterSummary(await renderNewsletterPdfs(plan, options)));
            failures.push(...plan.failures);
          }
        } else {
          const newsletters = await makeNewsletterPdfs(entries, options);
          logger.info(newsletterSummary(newsletters));
          failures.push(...newsletters.failures);
        }
      }
      if (queue.flyers || queue.newsletters) {
        writePrintQueue(queueFile as string, queue);
        const flyerFiles = queue.flyers?.todo.length ?? 0;
        const issues = queue.newsletters?.renders.length ?? 0;
        logger.info(
          `印刷: チラシ${flyerFiles}件・だより${issues}号分は、このあと別の処理で作ります / printing: ${flyerFiles} flyer files and ${issues} newsletter issues to render once Astro's process has ended (scripts/print.ts)`,
        );
      }
      if (failures.length) throw new Error(failures.join('\n'));
    },
  };
}
