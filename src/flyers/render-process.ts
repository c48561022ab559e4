/**
 * The environment of the processes that draw with resvg (the flyers', newsletters' and 防災メモ's
 * workers), added to the build's own.
 *
 * resvg-js is built with mimalloc, which hands freed memory back to the system 10 ms after it is
 * freed. Every preview and share image needs a few megabytes of pixels, so each render took its
 * pixels fresh from the system, page by page: a fifth of a flyer worker's CPU time was the
 * kernel's, and as much again was zeroing those pages. Kept for a second, the pages are reused.
 * `node scripts/bench-flyers.ts --passes 2` on this machine: 111–124 ms of CPU per flyer (all three
 * outputs) without it, 74 ms with it; peak memory of the process the same (713–726 MB against
 * 748 MB). A value already set wins, as with MALLOC_ARENA_MAX (scripts/build.mjs).
 */
export const RENDER_PROCESS_ENV: Record<string, string> = {
  MIMALLOC_PURGE_DELAY: process.env['MIMALLOC_PURGE_DELAY'] ?? '1000',
};
