/**
 * Renders flyers on worker processes (src/lib/worker-process.ts says why not threads), one per
 * core: a flyer is ~100 ms of CPU in one thread, so a full build of many flyers takes about half
 * the time on this 2-core machine. Each worker loads its own fonts (~0.5 s), which is why small
 * runs (an edit or two) render in the main thread.
 */
import { createProcessPool } from '../lib/process-pool.ts';
import { replaceFile } from '../lib/replace-file.ts';
import { projectModule } from '../lib/worker-process.ts';
import type { FlyerModel } from './model.ts';
import { RENDER_PROCESS } from './render-process.ts';
import { FlyerTextError } from './errors.ts';
import type { RenderedFlyer, RenderedPdf } from './render.ts';

export interface WorkerRequest {
  model: FlyerModel;
  /** A printing choice beside the default (renderFlyerPdf): the PDF only. */
  pdfOnly?: boolean;
  /**
   * Where the worker writes the files (writeFlyer): the PDF, then the preview and share image
   * unless `pdfOnly`. Only their sizes come back: ~0.2 MB per flyer stays off the pipe, and the
   * writing off the build's own process.
   */
  files: string[];
}

/** What a worker says of a flyer it wrote. */
export interface WrittenFlyer {
  /** Each file's size, in the order of `files`. */
  sizes: number[];
  /** Layout problems worth a build warning (render.ts). */
  warnings: string[];
  /** Wall and CPU milliseconds the worker spent on this flyer, writing included. */
  ms: number;
  cpuMs: number;
}

export type WorkerReply =
  ({ ok: true } & WrittenFlyer) | { ok: false; textError: boolean; message: string; stack: string };

/**
 * Writes a rendered flyer's files — the PDF, then the preview and share image if it has them —
 * to `files` in that order (replaceFile: dist/ holds hard links to them); returns their sizes.
 * Here rather than in render.ts, which the build's own bundle must not import (resvg is native).
 */
export function writeFlyer(result: RenderedFlyer | RenderedPdf, files: readonly string[]): number[] {
  const data = 'png' in result ? [result.pdf, result.png, result.og] : [result.pdf];
  return data.map((bytes, i) => {
    replaceFile(files[i] as string, bytes);
    return bytes.length;
  });
}

export interface FlyerPool {
  /** Renders the flyer (or with `pdfOnly` its A4 PDF alone) and has the worker write `files`. */
  write(model: FlyerModel, files: string[], pdfOnly: boolean): Promise<WrittenFlyer>;
  close(): Promise<void>;
}

export function createFlyerPool(root: string, size: number): FlyerPool {
  // Its source, run as plain Node (resvg is native), not a copy in Astro's bundle (projectModule).
  const pool = createProcessPool<WorkerRequest, WorkerReply>(projectModule(root, 'src/flyers/worker.ts'), size, {
    workerData: { root },
    ...RENDER_PROCESS,
    name: 'flyer worker',
  });
  return {
    async write(model, files, pdfOnly) {
      const reply = await pool.run({ model, files, ...(pdfOnly ? { pdfOnly } : {}) });
      if (!reply.ok) {
        const error = reply.textError ? new FlyerTextError(reply.message) : new Error(reply.message);
        if (!reply.textError) error.stack = reply.stack;
        throw error;
      }
      const { sizes, warnings, ms, cpuMs } = reply;
      return { sizes, warnings, ms, cpuMs };
    },
    close: () => pool.close(),
  };
}
