/**
 * The allocators' settings Astro's process runs with, under `npm run build` (scripts/build.mjs,
 * which says why each is set and what it saved) and `npm start` (scripts/start.mjs): glibc's
 * malloc held to two arenas, and mimalloc (the allocator of Rolldown and Astro's compiler) giving
 * back what it frees at once and committing its arena as it is used. Each must be in the
 * environment before the process starts, so the scripts pass them to the process they spawn.
 * Other C libraries (macOS, musl) ignore the glibc one.
 */
export const ALLOCATORS = { MALLOC_ARENA_MAX: '2', MIMALLOC_PURGE_DELAY: '0', MIMALLOC_ARENA_EAGER_COMMIT: '0' };

/** `env` with the settings above as defaults: a value it already has wins. */
export const withAllocators = (env = process.env) => ({ ...ALLOCATORS, ...env });
