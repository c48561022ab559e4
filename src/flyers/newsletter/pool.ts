/**
 * Worker processes (src/lib/worker-process.ts) that render newsletter PDFs (worker.ts) for the build step (build.ts) and the
 * dev server (src/integrations/newsletters-dev.ts). A newsletter is ~0.5–1 s of CPU, so a build
 * with many issues renders on one thread per core, as the flyers do; a worker pays ~1 s to start
 * and load its fonts, which is why the dev server keeps its one worker for its whole life.
 */
import { availableParallelism } from 'node:os';
import { createProcessPool } from '../../lib/process-pool.ts';
import { projectModule } from '../../lib/worker-process.ts';
import { NEWSLETTER_PROCESS } from '../render-process.ts';
import type { Edition } from './paths.ts';
import type { NewsletterPrintInput } from './render.ts';
import type { NewsletterJob, NewsletterReply } from './worker.ts';

export interface NewsletterPool {
  /**
   * Renders the editions, each into its `file` (written by the worker: only sizes cross
   * the pipe), on one worker one after the other; a reply per edition, in their order.
   */
  render(input: NewsletterPrintInput, editions: { edition: Edition; file: string }[]): Promise<NewsletterReply>;
  close(): Promise<void>;
}

/** More threads than PDFs to render only cost their start; more than 4 no longer pay here. */
export const newsletterWorkersFor = (todo: number) => Math.max(1, Math.min(todo, availableParallelism(), 4));

export function createNewsletterPool(root: string, size: number): NewsletterPool {
  // Its source, run as plain Node (resvg is native), not a copy in Astro's bundle (projectModule).
  const pool = createProcessPool<NewsletterJob, NewsletterReply>(
    projectModule(root, 'src/flyers/newsletter/worker.ts'),
    size,
    { workerData: { root }, ...NEWSLETTER_PROCESS, name: 'newsletter worker' },
  );
  return {
    render: (input, editions) => pool.run({ input, editions }),
    close: () => pool.close(),
  };
}
