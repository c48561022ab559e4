/**
 * A flyer-rendering process for the pool in pool.ts: loads the fonts once, then renders the
 * models it is sent, one at a time, and posts back the three files.
 */
import { connectToParent } from '../lib/worker-process.ts';
import { loadFonts } from './fonts.ts';
import type { FlyerModel } from './model.ts';
import { FlyerTextError, fontsFor, renderFlyer, renderFlyerPdf } from './render.ts';
import type { WorkerReply, WorkerRequest } from './pool.ts';

// The Japanese fonts at once, as nearly every flyer needs them; a translation's on its first flyer.
loadFonts();
const port = await connectToParent<{ root: string }>();
const { root } = port.data;

port.on('message', ({ id, model, pdfOnly }: WorkerRequest) => {
  // This thread only, as for the main thread's figures: process.cpuUsage() would add the GC's
  // helper threads.
  const cpu = process.threadCpuUsage();
  const started = performance.now();
  const flyer = model as FlyerModel;
  // Inside the promise: a missing font package becomes this flyer's failure, not the thread's.
  Promise.resolve()
    .then(() => (pdfOnly ? renderFlyerPdf : renderFlyer)(flyer, { root, fonts: fontsFor(flyer) }))
    .then(
      (result) => {
        const used = process.threadCpuUsage(cpu);
        const reply: WorkerReply = {
          id,
          ok: true,
          result,
          ms: performance.now() - started,
          cpuMs: (used.user + used.system) / 1000,
        };
        port.postMessage(reply);
      },
      (error: unknown) => {
        const reply: WorkerReply = {
          id,
          ok: false,
          textError: error instanceof FlyerTextError,
          message: error instanceof Error ? error.message : String(error),
          stack: error instanceof Error ? (error.stack ?? '') : '',
        };
        port.postMessage(reply);
      },
    );
});
