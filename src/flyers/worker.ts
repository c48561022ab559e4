/**
 * A flyer-rendering process for the pool in pool.ts: loads the fonts once, then renders the
 * models it is sent, one at a time (serveJobs), writing each one's files where it is told.
 */
import { serveJobs } from '../lib/process-pool.ts';
import { loadFonts } from './fonts.ts';
import { FlyerTextError, fontsFor, renderFlyer, renderFlyerPdf } from './render.ts';
import { writeFlyer, type WorkerReply, type WorkerRequest } from './pool.ts';

// The Japanese fonts at once, as nearly every flyer needs them; a translation's on its first flyer.
loadFonts();

await serveJobs<{ root: string }, WorkerRequest, WorkerReply>(async ({ model, pdfOnly, files }, { root }) => {
  // This thread only, as for the main thread's figures: process.cpuUsage() would add the GC's
  // helper threads.
  const cpu = process.threadCpuUsage();
  const started = performance.now();
  try {
    // Inside the try: a missing font package becomes this flyer's failure, not the process's.
    const result = await (pdfOnly ? renderFlyerPdf : renderFlyer)(model, { root, fonts: fontsFor(model) });
    const sizes = writeFlyer(result, files);
    const used = process.threadCpuUsage(cpu);
    const cpuMs = (used.user + used.system) / 1000;
    return { ok: true, sizes, warnings: result.warnings, ms: performance.now() - started, cpuMs };
  } catch (error) {
    return {
      ok: false,
      textError: error instanceof FlyerTextError,
      message: error instanceof Error ? error.message : String(error),
      stack: error instanceof Error ? (error.stack ?? '') : '',
    };
  }
});
