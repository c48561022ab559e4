/**
 * Every resident's first search downloads two Pagefind files whole, whatever they look for: the
 * language's `.pf_meta` (every page's hash and length, the sorts, the chunk list) and the search
 * WASM. Pagefind gzips them at a middling level. Zopfli writes the same bytes as a smaller gzip
 * stream any gunzip reads, Pagefind's own included: at 10,000 entries 6.6 kB off the meta and
 * 2.4 kB off the WASM (154 kB → 145 kB for a first query). Index chunks and fragments are fetched
 * per query and are too many to be worth it.
 *
 * The meta takes 0.4 s at 10,000 entries. The WASM is the same in every build of a Pagefind
 * version, so it is done once (0.2 s) and kept in a cache folder under its content's hash.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';

/**
 * Zopfli's defaults took 0.9 s on a 1,000-entry site's 7 kB meta, nearly all of it splitting
 * the stream into blocks: at most 3 blocks is 11 times faster there (0.4 s instead of 1.0 s at
 * 10,000 entries) for 0.5 kB more. Beyond 5 passes finds under 0.1 % more.
 */
const ZOPFLI = { numiterations: 5, blocksplittingmax: 3 };

type Zopfli = typeof import('@gfx/zopfli');
let zopfli: Promise<Zopfli> | undefined;
const PROCESS_EVENTS = ['uncaughtException', 'unhandledRejection'] as const;

/**
 * Zopfli, loaded when first needed and without the listeners its Emscripten module adds to the
 * whole process as it loads: one that throws every uncaught exception again and one that aborts
 * on any unhandled rejection. With them, whatever went wrong in the search worker ended it with
 * exit code 7 before it could tell the build what (src/lib/worker-process.ts), and Node printed
 * the module's one 30 kB line of minified code as the line that threw.
 */
function loadZopfli(): Promise<Zopfli> {
  return (zopfli ??= (async () => {
    const before = new Map(PROCESS_EVENTS.map((event) => [event, new Set(process.listeners(event))]));
    const module = await import('@gfx/zopfli');
    for (const event of PROCESS_EVENTS)
      for (const listener of process.listeners(event))
        if (!before.get(event)?.has(listener)) process.off(event, listener as (...args: unknown[]) => void);
    return module;
  })());
}

/** The same content, gzipped as small as Zopfli can, or the input itself if that is smaller. */
export async function regzip(gzipped: Uint8Array): Promise<Uint8Array> {
  const { gzipAsync } = await loadZopfli();
  const smaller = await gzipAsync(gunzipSync(gzipped), ZOPFLI);
  return smaller.length < gzipped.length ? smaller : gzipped;
}

/** The files of a Pagefind bundle that every first search fetches whole. */
const FETCHED_WHOLE = /^(?:pagefind\..+\.pf_meta|wasm\..+\.pagefind)$/;
/** …and of those, the ones that are the same in every build. */
const SAME_EVERY_BUILD = /^wasm\./;

/**
 * Rewrites those files of `bundle` in place; their names stay, as their content is unchanged.
 * `cacheDir` keeps the WASM's smaller form between builds (and bundles).
 */
export async function regzipBundle(bundle: string, cacheDir?: string): Promise<void> {
  for (const name of readdirSync(bundle).filter((n) => FETCHED_WHOLE.test(n))) {
    const file = join(bundle, name);
    const written = readFileSync(file);
    const cached =
      cacheDir && SAME_EVERY_BUILD.test(name)
        ? join(cacheDir, `${createHash('sha256').update(written).digest('hex').slice(0, 32)}.gz`)
        : undefined;
    if (cached && existsSync(cached)) {
      writeFileSync(file, readFileSync(cached));
      continue;
    }
    const smaller = await regzip(written);
    if (smaller !== written) writeFileSync(file, smaller);
    if (cached) {
      // Written whole and then renamed: a build stopped halfway leaves no broken file behind.
      mkdirSync(cacheDir!, { recursive: true });
      writeFileSync(`${cached}.part`, smaller);
      renameSync(`${cached}.part`, cached);
    }
  }
}
