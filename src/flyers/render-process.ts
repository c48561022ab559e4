/**
 * How the processes that draw flyers, newsletters and 防災メモ (Satori, PDFKit, resvg) are
 * started, beside the build's own: one options object that every such ProcessWorker spreads, so
 * the pools start their processes alike.
 */
import type { ProcessWorkerOptions } from '../lib/worker-process.ts';

/**
 * Satori and the SVG and PDF writing allocate heavily; a larger young generation than V8's
 * default (16 MB semi-spaces) cut the time spent collecting garbage by about a tenth of a flyer
 * (as a thread's `maxYoungGenerationSizeMb: 192`, which is three semi-spaces), and of a
 * newsletter PDF: at N = 1,000 (75 PDFs of 9–20 pages) 1,053 and 1,127 ms of CPU each against
 * 1,275 and 1,281 ms with V8's default, the same build alternately (128 MB: 1,295 ms).
 */
const FLAGS = ['--max-semi-space-size=64'];

/**
 * How far V8 lets a newsletter worker's heap grow past what its last full collection kept before
 * it collects again (V8's own factor reaches ×4 with a machine's memory free). A newsletter is one
 * large document at a time whose garbage is partly promoted, so the old generation filled with the
 * dead to many times its ~130 MB of living objects: each of the two workers reached ~1 GB at
 * N = 10,000, beside Astro's ~1.4 GB. Held to ×1.2 each stayed at ~630 MB, and the 699 PDFs took
 * 99, 103 and (in the bench) 92 s against 109–117 s.
 *
 * Not the flyer workers: ×1.5 kept each at ~600 MB against ~900 at N = 10,000, but the flyer step
 * took 460 and 496 s against 394–425 s, the first build past 10 minutes (presumably because their
 * living heap, the memos of outlines, widths and shaped words, makes each collection dearer; at
 * N = 1,000 it cost 3–5 %, and ×1.2 a third more time).
 */
const NEWSLETTER_GROWTH = '--heap-growing-percent=20';

/**
 * The environment of the processes that draw with resvg (the flyers', newsletters' and 防災メモ's
 * workers), added to the build's own.
 *
 * resvg-js is built with mimalloc, which hands freed memory back to the system 10 ms after it is
 * freed. Every preview and share image needs a few megabytes of pixels, so each render took its
 * pixels fresh from the system, page by page (perf: a fifth of a flyer worker's time in the
 * kernel, 14 % zeroing the pages). Kept for a second, the pages are reused.
 * `node scripts/bench-flyers.ts --passes 2` on this machine: 107–124 ms of CPU per flyer (all three
 * outputs) without it, 74–77 ms with it; the process's peak memory a few percent higher (744–748
 * MB against 713–726 MB). Set here whatever the build's own process was given: `npm run build`
 * starts Astro with a delay of 0 and its arena committed as used (scripts/build.mjs, for the
 * memory Astro's bundling kept), which these workers would otherwise inherit; they keep what they
 * were measured with, mimalloc's default for the arena (2: committed at once where Linux allows).
 * And glibc's own threshold for giving large blocks their own memory, which rises as they are
 * freed: the build's fixed one (scripts/lib/allocators.mjs) would map and zero a fresh picture
 * buffer for every render, what the delay above saves resvg.
 */
const ENV: Record<string, string | undefined> = {
  MIMALLOC_PURGE_DELAY: '1000',
  MIMALLOC_ARENA_EAGER_COMMIT: '2',
  MALLOC_MMAP_THRESHOLD_: undefined,
};

export const RENDER_PROCESS: Pick<ProcessWorkerOptions, 'execArgv' | 'env'> = { execArgv: FLAGS, env: ENV };

/**
 * The newsletter workers: as above, with V8's garbage collector on the process's own thread.
 * Two workers on two cores each start GC helper threads that then wait for a core the other
 * worker holds. The newsletters' step alone at N = 10,000 (699 PDFs), alternately with and
 * without: 152/167, 124/139 and 142/156 s (−9–10 %), the process tree's CPU 277/302 and
 * 223/252 s. Not the flyer workers: there it cost time (the 1,000-entry flyer step 53.4 s
 * against 45.9, 50.5 against 48.1).
 */
export const NEWSLETTER_PROCESS: Pick<ProcessWorkerOptions, 'execArgv' | 'env'> = {
  execArgv: [...FLAGS, '--single-threaded-gc', NEWSLETTER_GROWTH],
  env: ENV,
};
