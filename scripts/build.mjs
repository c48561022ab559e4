/**
 * `npm run build`: `astro build` with glibc's malloc held to two arenas (MALLOC_ARENA_MAX=2) and
 * giving large blocks back when they are freed (scripts/lib/allocators.mjs), V8's heap growing by
 * at most half, and mimalloc returning what it frees (below).
 *
 * Why: the build runs JavaScript on several threads at once (pages on the main thread, the search
 * index and its readings in a worker, flyers and newsletters in a pool), and glibc gives each
 * thread an arena of its own that it seldom returns to the system. At N = 10,000 the build's
 * process held up to 3.2 GB resident while its JavaScript heaps and buffers were about 1.3 GB;
 * with two arenas 2.3 GB, the same build otherwise (docs/BENCHMARKS.md, notes of 30 November).
 * The variable has to be set before the process starts, hence this script rather than code in
 * the build; a value already set wins (for each variable below too). Other C libraries (macOS,
 * musl) ignore it. Plain JavaScript, so it runs the same on Windows, where an `VAR=value command`
 * script would not.
 *
 * And with V8 growing its heap by at most half after each full collection
 * (`--heap-growing-percent=50`). Rendering 12,600 pages makes garbage fast, and by default V8 let
 * the heap grow to 1.4 GB between collections that left 0.4–0.6 GB alive: Astro's process at
 * 2.3–2.9 GB resident, beside Pagefind's 1.9 GB. With the factor held, the same 10,000-entry
 * build's process peaked at 1.4–1.5 GB, the build's whole tree at 3.8 GB instead of 4.3–5.1, in
 * no more time (1,000 entries: 19.9, 19.3, 16.9 s against 20.2, 21.3, 16.8 s without it).
 * docs/BENCHMARKS.md has the figures. Not a ceiling (`--max-old-space-size`): a larger town's
 * build still gets the heap it needs.
 *
 * And with mimalloc, the allocator of Astro's compiler and of Rolldown (Vite's bundler), giving
 * back what they free at once (MIMALLOC_PURGE_DELAY=0) and committing its arena as it is used
 * (MIMALLOC_ARENA_EAGER_COMMIT=0). By default it kept ~390 MB resident from the bundling, which
 * ends before the first page, through all of the pages' rendering. At N = 10,000 Astro's process
 * peaked at 1.39–1.42 GB warm, 1.08–1.09 GB with both (each alone 1.21 and 1.24 GB); cold at
 * 1.70–1.77 against 1.44–1.45 GB, and the whole build at 3.83 against 3.59–3.61 GB, in the same
 * time.
 * The printing steps' workers set their own (src/flyers/render-process.ts). `npm start` runs the dev
 * server with the same settings (scripts/lib/allocators.mjs).
 *
 * Then the flyers and newsletter PDFs that `astro build` left to render, in a process of their own
 * (scripts/print.ts) once Astro's has ended and let its ~1.2 GB go (src/flyers/print-queue.ts).
 */
import { spawn } from 'node:child_process';
import { existsSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
// The allocators' settings above (shared with npm start); the environment's own values win.
import { withAllocators } from './lib/allocators.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const astroBin = join(dirname(createRequire(import.meta.url).resolve('astro/package.json')), 'bin', 'astro.mjs');
// What the build leaves to print, rendered once Astro's process has ended
// (src/flyers/print-queue.ts): a queue left by an earlier build that stopped is not this one's.
const queue = process.env['TSUNAGARI_PRINT_QUEUE'] || join(here, '..', '.cache', 'print-queue.v8');
rmSync(queue, { force: true });

/** Runs a step with the allocators' settings; resolves with its exit code. */
function step(args, env = {}) {
  const child = spawn(process.execPath, args, { stdio: 'inherit', env: { ...withAllocators(), ...env } });
  // Ctrl+C reaches the step too.
  const stop = (signal) => child.kill(signal);
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, stop);
  return new Promise((done) =>
    child.once('exit', (code, signal) => {
      for (const name of ['SIGINT', 'SIGTERM']) process.off(name, stop);
      done(code ?? (signal ? 1 : 0));
    }),
  );
}

let code = await step(['--heap-growing-percent=50', astroBin, 'build', ...process.argv.slice(2)], {
  TSUNAGARI_PRINT_QUEUE: queue,
});
// The build's own exit code is the script's; then the printing's, if the build left any.
if (code === 0 && existsSync(queue)) code = await step([join(here, 'print.ts'), queue]);
process.exit(code);
