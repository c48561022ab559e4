/**
 * Renders flyers on worker threads, one per core: a flyer is ~100 ms of CPU in one thread, so a
 * full build of many flyers takes about half the time on this 2-core machine. Each worker loads
 * its own fonts (~0.5 s), which is why small runs (an edit or two) render in the main thread.
 */
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { FlyerModel } from './model.ts';
import { FlyerTextError } from './errors.ts';
import type { RenderedFlyer } from './render.ts';

export interface WorkerRequest {
  id: number;
  model: FlyerModel;
}

export type WorkerReply =
  | { id: number; ok: true; result: RenderedFlyer; ms: number; cpuMs: number }
  | { id: number; ok: false; textError: boolean; message: string; stack: string };

export interface PooledFlyer extends RenderedFlyer {
  /** Wall and CPU milliseconds the worker spent on this flyer. */
  ms: number;
  cpuMs: number;
}

export interface FlyerPool {
  render(model: FlyerModel): Promise<PooledFlyer>;
  close(): Promise<void>;
}

/**
 * Satori allocates heavily; a larger young generation than V8's default (16 MB semi-spaces)
 * cut the time spent collecting garbage by about a tenth of a flyer.
 */
const YOUNG_GENERATION_MB = 192;

export function createFlyerPool(root: string, size: number): FlyerPool {
  const queue: { request: WorkerRequest; resolve: (r: PooledFlyer) => void; reject: (e: Error) => void }[] = [];
  const pending = new Map<number, { resolve: (r: PooledFlyer) => void; reject: (e: Error) => void }>();
  const idle: Worker[] = [];
  let nextId = 0;
  let failure: Error | undefined;

  const dispatch = () => {
    while (idle.length && queue.length) {
      const worker = idle.pop() as Worker;
      const job = queue.shift() as (typeof queue)[number];
      pending.set(job.request.id, job);
      worker.postMessage(job.request);
    }
  };

  const workers = Array.from({ length: Math.max(1, size) }, () => {
    // Resolved from the project root, not this module: inside `astro build` this module is loaded
    // from Astro's config bundle, and the worker must run as plain Node (resvg is native).
    const worker = new Worker(new URL('src/flyers/worker.ts', pathToFileURL(join(root, '/'))), {
      workerData: { root },
      resourceLimits: { maxYoungGenerationSizeMb: YOUNG_GENERATION_MB },
    });
    worker.on('message', (reply: WorkerReply) => {
      const job = pending.get(reply.id);
      pending.delete(reply.id);
      idle.push(worker);
      dispatch();
      if (!job) return;
      if (reply.ok) {
        const { pdf, png, og } = reply.result;
        // Structured clone delivers Uint8Arrays; callers expect Buffers.
        job.resolve({
          ...reply.result,
          pdf: Buffer.from(pdf.buffer, pdf.byteOffset, pdf.byteLength),
          png: Buffer.from(png.buffer, png.byteOffset, png.byteLength),
          og: Buffer.from(og.buffer, og.byteOffset, og.byteLength),
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

  return {
    render(model) {
      if (failure) return Promise.reject(failure);
      return new Promise((resolve, reject) => {
        queue.push({ request: { id: nextId++, model }, resolve, reject });
        dispatch();
      });
    },
    async close() {
      await Promise.all(workers.map((w) => w.terminate()));
    },
  };
}
