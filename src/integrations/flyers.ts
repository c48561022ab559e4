/**
 * The flyers of `astro build`: when the pages are written, every event, salon and recruitment
 * gets its printable flyer in dist/flyers/ (src/flyers/build.ts), made from the entries the
 * build validated at its start — not from a second reading of content/, so a build parses each
 * content file once. Flyers that did not change come from .cache/flyers/; the rest render on
 * worker threads started from the project's files (src/flyers/worker.ts), because the renderer
 * (resvg) is a native module that Vite cannot bundle. A flyer that cannot be made fails the
 * build with the entry's file named, as the flyer script did.
 *
 * FLYERS_SKIP=1 leaves them out, for measuring the pages alone (`npm run bench` at sizes where
 * thousands of flyers would take longer than everything else); the log says so.
 */
import type { AstroIntegrationLogger } from 'astro';
import { flyerFailures, flyerSummary, makeFlyers } from '../flyers/build.ts';
import { flyerContent, SETTINGS_MISSING, type FlyerContent } from '../flyers/content.ts';
import { makeNewsletterPdfs, newsletterSummary } from '../flyers/newsletter/build.ts';
import { todayInJapan } from '../lib/recurrence.ts';
import type { ValidEntry } from '../lib/validation/validate.ts';

export interface BuildFlyers {
  /**
   * Makes the flyers into `outDir`/flyers/; rejects naming every flyer that could not be made.
   * Cached flyers are put in place at once; flyers to render wait for `renderAfter`.
   */
  make(outDir: string, logger: AstroIntegrationLogger, renderAfter?: Promise<unknown>): Promise<void>;
}

export function buildFlyers(root: string, entries: ReadonlyMap<string, readonly ValidEntry[]>): BuildFlyers {
  let content: FlyerContent | undefined = flyerContent(entries);
  return {
    async make(outDir, logger, renderAfter) {
      if (process.env['FLYERS_SKIP'] === '1') {
        content = undefined;
        logger.warn('チラシは作りませんでした（FLYERS_SKIP=1） / flyers left out (FLYERS_SKIP=1)');
        return;
      }
      if (!content) throw new Error(SETTINGS_MISSING);
      const result = await makeFlyers(content, {
        root,
        outDir,
        // As the flyer script: FLYERS_TODAY fixes the day (tests, reproducible builds).
        today: process.env['FLYERS_TODAY'] ?? todayInJapan(),
        ...(process.env['FLYERS_WORKERS'] ? { workers: Math.max(1, Number(process.env['FLYERS_WORKERS'])) } : {}),
        ...(renderAfter ? { renderAfter } : {}),
        log: (line) => logger.info(line),
        warn: (line) => logger.warn(line),
      });
      // The newsletters' A4 PDFs, colour and black and white, with the same engine and cache
      // approach (src/flyers/newsletter/build.ts), once the flyers no longer use the cores.
      const newsletters = await makeNewsletterPdfs(content.entries, {
        root,
        outDir,
        // As the draft pages (src/pages/newsletters/draft/): next month from the build's day.
        today: todayInJapan(),
        log: (line) => logger.info(line),
        warn: (line) => logger.warn(line),
      });
      // The entries are not needed any more; the build still holds its own.
      content = undefined;
      logger.info(flyerSummary(result));
      logger.info(newsletterSummary(newsletters));
      const failures = [flyerFailures(result), ...newsletters.failures].filter(Boolean).join('\n');
      if (failures) throw new Error(failures);
    },
  };
}
