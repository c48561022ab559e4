/**
 * Renders flyers on worker processes (src/lib/worker-process.ts says why not threads), one per
 * core: a flyer is ~100 ms of CPU in one thread, so a full build of many flyers takes about half
 * the time on this 2-core machine. Each worker loads its own fonts (~0.5 s), which is why small
 * runs (an edit or two) render in the main thread.
 */
import { ProcessWorker, projectModule } from '../lib/worker-process.ts';
import type { FlyerModel } from './model.ts';
import { RENDER_PROCESS } from './render-process.ts';
import { FlyerTextError } from './errors.ts';
import type { RenderedFlyer, RenderedPdf } from './render.ts';

export interface WorkerRequest {
  id: number;
  model: FlyerModel;
  /** A printing choice beside the default (renderFlyerPdf): the PDF only. */
  pdfOnly?: boolean;
}

export type WorkerReply =
  | { id: number; ok: true; result: RenderedFlyer | RenderedPdf; ms: number; cpuMs: number }
  | { id: number; ok: false; textError: boolean; message: string; stack: string };

export interface PooledFlyer extends RenderedFlyer {
  /** Wall and CPU milliseconds the worker spent on this flyer. */
  ms: number;
  cpuMs: number;
}

export interface PooledPdf extends RenderedPdf {
  ms: number;
  cpuMs: number;
}

export interface FlyerPool {
  render(model: FlyerModel): Promise<PooledFlyer>;
  /** The A4 PDF alone, for a printing choice other than the editor's template. */
  renderPdf(model: FlyerModel): Promise<PooledPdf>;
  close(): Promise<void>;
}

export function createFlyerPool(root: string, size: number): FlyerPool {
  type Job = { request: WorkerRequest; resolve: (r: PooledFlyer | PooledPdf) => void; reject: (e: Error) => void };
  const queue: Job[] = [];
  const pending = new Map<number, Omit<Job, 'request'>>();
  const idle: ProcessWorker[] = [];
  let nextId = 0;
  let failure: Error | undefined;

  const dispatch = () => {
    while (idle.length && queue.length) {
      const worker = idle.pop() as ProcessWorker;
      const job = queue.shift() as (typeof queue)[number];
      pending.set(job.request.id, job);
      worker.postMessage(job.request);
    }
  };

  const workers = Array.from({ length: Math.max(1, size) }, () => {
    // Its source, run as plain Node (resvg is native), not a copy in Astro's bundle (projectModule).
    const worker = new ProcessWorker(projectModule(root, 'src/flyers/worker.ts'), {
      workerData: { root },
      ...RENDER_PROCESS,
      name: 'flyer worker',
    });
    worker.on('message', (reply: WorkerReply) => {
      const job = pending.get(reply.id);
      pending.delete(reply.id);
      idle.push(worker);
      dispatch();
      if (!job) return;
      if (reply.ok) {
        // Structured clone delivers Uint8Arrays; callers expect Buffers.
        const buffer = (data: Uint8Array) => Buffer.from(data.buffer, data.byteOffset, data.byteLength);
        const result = reply.result;
        job.resolve({
          ...result,
          pdf: buffer(result.pdf),
          ...('png' in result ? { png: buffer(result.png), og: buffer(result.og) } : {}),
          ms: reply.ms,
          cpuMs: reply.cpuMs,
        });
      } else {
        const error = reply.textError ? new FlyerTextError(reply.message) : new Error(reply.message);
        if (!reply.textError) error.stack = reply.stack;
        job.reject(error);
      }
    });
    worker.on('error', (error: Error) => {
      // A crashed worker fails everything still waiting: the build must not hang.
      failure = error;
      for (const job of [...pending.values(), ...queue.splice(0)]) job.reject(error);
      pending.clear();
    });
    idle.push(worker);
    return worker;
  });

  const send = (model: FlyerModel, pdfOnly: boolean) =>
    new Promise<PooledFlyer | PooledPdf>((resolve, reject) => {
      if (failure) return reject(failure);
      queue.push({ request: { id: nextId++, model, ...(pdfOnly ? { pdfOnly } : {}) }, resolve, reject });
      dispatch();
    });

  return {
    render: (model) => send(model, false) as Promise<PooledFlyer>,
    renderPdf: (model) => send(model, true),
    async close() {
      await Promise.all(workers.map((w) => w.terminate()));
    },
  };
}
