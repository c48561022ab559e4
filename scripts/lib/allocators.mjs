/**
 * The allocators' settings Astro's process runs with, under `npm run build` (scripts/build.mjs,
 * which says why each is set and what it saved) and `npm start` (scripts/start.mjs): glibc's
 * malloc held to two arenas, and mimalloc (the allocator of Rolldown and Astro's compiler) giving
 * back what it frees at once and committing its arena as it is used. Each must be in the
 * environment before the process starts, so the scripts pass them to the process they spawn.
 * Other C libraries (macOS, musl) ignore the glibc ones.
 *
 * And glibc's malloc placing every block of 128 kB or more in memory of its own, given back to
 * the system when it is freed (MALLOC_MMAP_THRESHOLD_; by default the threshold rises with the
 * blocks freed, and large ones then stay in the arenas). Once the pages are written the build
 * lets go of the ふりがな dictionary (230 MB of buffers, src/lib/furigana/tokenizer.ts) before
 * the printing steps: at N = 10,000 Astro's process then went from 1,340–1,404 to
 * 1,293–1,358 MB without this and from 1,266–1,310 to 1,162–1,220 MB with it, and peaked at
 * 1,425–1,471 against 1,486–1,500 MB, in the same time (70–77 s, alternated). The printing
 * steps' workers keep glibc's default (src/flyers/render-process.ts).
 */
export const ALLOCATORS = {
  MALLOC_ARENA_MAX: '2',
  MALLOC_MMAP_THRESHOLD_: '131072',
  MIMALLOC_PURGE_DELAY: '0',
  MIMALLOC_ARENA_EAGER_COMMIT: '0',
};

/** `env` with the settings above as defaults: a value it already has wins. */
export const withAllocators = (env = process.env) => ({ ...ALLOCATORS, ...env });
