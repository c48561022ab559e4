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
  /** Where the worker writes the files (render.ts, writeFlyer), which then stay out of the reply. */
  files?: string[];
}

export type WorkerReply =
  | { ok: true; result: RenderedFlyer | RenderedPdf | Written; ms: number; cpuMs: number }
  | { ok: false; textError: boolean; message: string; stack: string };

export interface PooledFlyer extends RenderedFlyer {
  /** Wall and CPU milliseconds the worker spent on this flyer. */
  ms: number;
  cpuMs: number;
}

export interface PooledPdf extends RenderedPdf {
  ms: number;
  cpuMs: number;
}

/** What a worker says of the files it wrote: their sizes, in the order asked. */
export interface Written {
  sizes: number[];
  warnings: string[];
}

export interface WrittenFlyer extends Written {
  /** Wall and CPU milliseconds the worker spent on this flyer, writing included. */
  ms: number;
  cpuMs: number;
}

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

/** `write` in this process, from a pool's `render` and `renderPdf` (the tests' stand-in pools). */
export async function writeHere(
  pool: Pick<FlyerPool, 'render' | 'renderPdf'>,
  model: FlyerModel,
  files: string[],
  pdfOnly: boolean,
): Promise<WrittenFlyer> {
  const result = await (pdfOnly ? pool.renderPdf(model) : pool.render(model));
  return { sizes: writeFlyer(result, files), warnings: result.warnings, ms: result.ms, cpuMs: result.cpuMs };
}

export interface FlyerPool {
  render(model: FlyerModel): Promise<PooledFlyer>;
  /** The A4 PDF alone, for a printing choice other than the editor's template. */
  renderPdf(model: FlyerModel): Promise<PooledPdf>;
  /**
   * Renders and has the worker write the files itself into `files` (the PDF, then the preview and
   * share image unless `pdfOnly`): the build's way, which keeps ~0.2 MB per flyer off the pipe
   * and the writing off the build's own process.
   */
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
  const run = async (request: WorkerRequest) => {
    const reply = await pool.run(request);
    if (!reply.ok) {
      const error = reply.textError ? new FlyerTextError(reply.message) : new Error(reply.message);
      if (!reply.textError) error.stack = reply.stack;
      throw error;
    }
    return reply;
  };
  const send = async (model: FlyerModel, pdfOnly: boolean) => {
    const reply = await run({ model, ...(pdfOnly ? { pdfOnly } : {}) });
    // Structured clone delivers Uint8Arrays; callers expect Buffers.
    const buffer = (data: Uint8Array) => Buffer.from(data.buffer, data.byteOffset, data.byteLength);
    const result = reply.result as RenderedFlyer | RenderedPdf;
    return {
      ...result,
      pdf: buffer(result.pdf),
      ...('png' in result ? { png: buffer(result.png), og: buffer(result.og) } : {}),
      ms: reply.ms,
      cpuMs: reply.cpuMs,
    };
  };
  return {
    render: (model) => send(model, false) as Promise<PooledFlyer>,
    renderPdf: (model) => send(model, true),
    async write(model, files, pdfOnly) {
      const { result, ms, cpuMs } = await run({ model, files, ...(pdfOnly ? { pdfOnly } : {}) });
      const { sizes, warnings } = result as Written;
      return { sizes, warnings, ms, cpuMs };
    },
    close: () => pool.close(),
  };
}
