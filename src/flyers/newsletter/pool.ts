/**
 * Worker processes (src/lib/worker-process.ts) that render newsletter PDFs (worker.ts) for the build step (build.ts) and the
 * dev server (src/integrations/newsletters-dev.ts). A newsletter is ~0.5–1 s of CPU, so a build
 * with many issues renders on one thread per core, as the flyers do; a worker pays ~1 s to start
 * and load its fonts, which is why the dev server keeps its one worker for its whole life.
 */
import { availableParallelism } from 'node:os';
import { ProcessWorker, projectModule } from '../../lib/worker-process.ts';
import { RENDER_PROCESS } from '../render-process.ts';
import type { Edition } from './paths.ts';
import type { NewsletterPrintInput } from './render.ts';
import type { NewsletterJob, NewsletterReply } from './worker.ts';

export interface NewsletterPool {
  render(input: NewsletterPrintInput, edition: Edition): Promise<NewsletterReply>;
  close(): Promise<void>;
}

/** More threads than PDFs to render only cost their start; more than 4 no longer pay here. */
export const newsletterWorkersFor = (todo: number) => Math.max(1, Math.min(todo, availableParallelism(), 4));

export function createNewsletterPool(root: string, size: number): NewsletterPool {
  type Waiting = { resolve: (reply: NewsletterReply) => void; reject: (error: Error) => void };
  const queue: (Waiting & { job: NewsletterJob })[] = [];
  const pending = new Map<number, Waiting>();
  const idle: ProcessWorker[] = [];
  let nextId = 0;
  let failure: Error | undefined;

  const dispatch = () => {
    while (idle.length && queue.length) {
      const worker = idle.pop() as ProcessWorker;
      const { job, ...waiting } = queue.shift() as (typeof queue)[number];
      pending.set(job.id, waiting);
      worker.postMessage(job);
    }
  };
  const fail = (error: Error) => {
    // A crashed worker fails everything still waiting: neither the build nor a request may hang.
    failure = error;
    for (const waiting of [...pending.values(), ...queue.splice(0)]) waiting.reject(error);
    pending.clear();
  };

  const workers = Array.from({ length: Math.max(1, size) }, () => {
    // Its source, run as plain Node (resvg is native), not a copy in Astro's bundle (projectModule).
    const worker = new ProcessWorker(projectModule(root, 'src/flyers/newsletter/worker.ts'), {
      workerData: { root },
      ...RENDER_PROCESS,
      name: 'newsletter worker',
    });
    worker.on('message', (reply: NewsletterReply) => {
      const waiting = pending.get(reply.id);
      pending.delete(reply.id);
      idle.push(worker);
      dispatch();
      waiting?.resolve(reply);
    });
    worker.on('error', fail);
    worker.on('exit', (code) => {
      if (!failure && pending.size) fail(new Error(`newsletter worker stopped (exit code ${code})`));
    });
    idle.push(worker);
    return worker;
  });

  return {
    render: (input, edition) =>
      new Promise<NewsletterReply>((resolve, reject) => {
        if (failure) return reject(failure);
        queue.push({ job: { id: nextId++, input, edition }, resolve, reject });
        dispatch();
      }),
    async close() {
      await Promise.all(workers.map((w) => w.terminate()));
    },
  };
}
