/**
 * `npm run build`'s printing, rendered once Astro's process has ended. Astro's process holds
 * ~1.2 GB at 10,000 entries from its pages to its exit, and nothing of it is let go while the
 * flyers' and newsletters' workers (~0.9 GB each) render beside it for minutes: that, not
 * search, was the build's peak (docs/BENCHMARKS.md). So scripts/build.mjs names a file in
 * `TSUNAGARI_PRINT_QUEUE`; the build plans its printing as before — every flyer's and issue's
 * model and key made from the entries it validated, cached files put in place while search
 * finishes — and writes what is left to render into that file instead of rendering it.
 * scripts/print.ts renders it after Astro exits, from the plans alone: no content file is read
 * again, and a build with every flyer cached starts no second process at all.
 *
 * Without the variable (`astro build` run by hand, the tests' builds) the build renders in its
 * own process, as it always did.
 */
import { readFileSync, rmSync } from 'node:fs';
import { deserialize, serialize } from 'node:v8';
import { releaseAnalysers } from '../lib/furigana/tokenizer.ts';
import { replaceFile } from '../lib/replace-file.ts';
import { flyerFailures, flyerSummary, renderFlyers, type FlyerPlan } from './build.ts';
import { newsletterSummary, renderNewsletterPdfs, type NewsletterPlan } from './newsletter/build.ts';

/** The environment variable naming the queue's file (set by scripts/build.mjs). */
export const PRINT_QUEUE = 'TSUNAGARI_PRINT_QUEUE';

/** What the build left to render: each step's plan, if it has something to render. */
export interface PrintQueue {
  root: string;
  outDir: string;
  /** Worker processes per step (FLYERS_WORKERS), if set. */
  workers?: number;
  flyers?: FlyerPlan;
  newsletters?: NewsletterPlan;
}

/** The queue's file if this build hands its printing on, else undefined. */
export const printQueueFile = (): string | undefined => process.env[PRINT_QUEUE] || undefined;

/** V8's serializer, as the workers' pipes: the plans are plain data. */
export function writePrintQueue(file: string, queue: PrintQueue): void {
  replaceFile(file, serialize(queue));
}

/** Reads the queue and removes its file: a queue is printed once. */
export function takePrintQueue(file: string): PrintQueue {
  const queue = deserialize(readFileSync(file)) as PrintQueue;
  rmSync(file, { force: true });
  return queue;
}

/**
 * Renders the flyers, then the newsletters, logging each step's summary; resolves with one
 * message per step that had failures. The build's own step (src/integrations/flyers.ts) under
 * `astro build` alone, scripts/print.ts under `npm run build`.
 */
export async function printQueued(
  queue: PrintQueue,
  log: (line: string) => void,
  warn: (line: string) => void,
): Promise<string[]> {
  const { root, outDir, workers } = queue;
  const failures: string[] = [];
  if (queue.flyers) {
    const result = await renderFlyers(queue.flyers, {
      root,
      ...(workers ? { workers } : {}),
      // Once the ふりがな flyers' readings are made, their dictionary (~230 MB) goes: the
      // workers render beside this process for minutes more.
      readingsMade: releaseAnalysers,
      log,
      warn,
    });
    log(flyerSummary(result));
    const failed = flyerFailures(result);
    if (failed) failures.push(failed);
  }
  if (queue.newsletters) {
    const result = await renderNewsletterPdfs(queue.newsletters, {
      root,
      outDir,
      ...(workers ? { workers } : {}),
      log,
      warn,
    });
    log(newsletterSummary(result));
    failures.push(...result.failures);
  }
  return failures;
}
