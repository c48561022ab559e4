/**
 * Astro writes each page it renders with `fs.promises.mkdir` and `fs.promises.writeFile`, one
 * page at a time, awaiting both before it renders the next. Each is several trips through
 * libuv's thread pool (the folder; open, write, close): on this machine 0.23 ms a file against
 * 0.04 ms written synchronously, and on two cores shared with the search index and Pagefind every
 * trip also waits for a thread to be scheduled — at 10,000 entries Astro's main thread idled
 * 11.7 s of a 57 s page phase, spread through it (docs/BENCHMARKS.md, 3 December).
 *
 * So while the build generates its pages (from `astro:build:start` to `astro:build:generated`),
 * these calls are answered synchronously: the same bytes in the same order (each is awaited
 * anyway), an error as the same rejected promise. Calls with options this does not know (a
 * signal, a flag, a mode) go to Node's own functions, as does everything once the pages are
 * written. Nothing else in the build relies on these calls running beside other work.
 *
 * `fs.promises.copyFile` too: a page unchanged since the last build is copied from Astro's cache
 * (src/lib/page-keys.ts) with it, and its folder made with `mkdir`. A warm build of 1,000
 * entries copies ~2,100 files; awaited one by one through the thread pool, its main thread idled
 * 0.66 s of a 2.6 s page phase. A copy out of Astro's cache folder is a hard link instead, as the
 * flyers' cached files are (src/lib/replace-file.ts placeFile): 0.6 s of copying for those 2,100
 * pages, ~0.2 s linked. So that a link never lets one build's write reach another's page, a
 * write into that folder makes a new file (replaceFile), never writes through an old one, and
 * nothing writes a page of dist/ after Astro (a new build's dist/ is emptied, so unlinked).
 */
import fs from 'node:fs';
import { sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { placeFile, replaceFile } from '../lib/replace-file.ts';

type Promises = typeof fs.promises;
type WriteFile = Promises['writeFile'];
type Mkdir = Promises['mkdir'];
type CopyFile = Promises['copyFile'];

/** Options a synchronous write handles as Node's asynchronous one would: none, or an encoding alone. */
const plainOptions = (options: unknown): boolean =>
  options === undefined ||
  options === null ||
  typeof options === 'string' ||
  (typeof options === 'object' && Object.keys(options).every((key) => key === 'encoding'));

/** A path as Astro gives it (a string or a file URL) as a string. */
const pathOf = (path: fs.PathLike): string => (path instanceof URL ? fileURLToPath(path) : String(path));

/** Data fs.writeFileSync takes as fs.promises.writeFile does (not iterables or streams). */
const plainData = (data: unknown): data is string | NodeJS.ArrayBufferView =>
  typeof data === 'string' || ArrayBuffer.isView(data);

/**
 * Answers `fs.promises.writeFile`, `fs.promises.mkdir` and `fs.promises.copyFile` synchronously until the returned
 * function is called, which puts back the functions it found.
 */
export function synchronousPageWrites(
  promises: Promises = fs.promises,
  { kept }: { kept?: string | undefined } = {},
): () => void {
  const { writeFile, mkdir, copyFile } = promises;
  /** A path under the folder of kept pages (Astro's cache folder). */
  const inKept = (path: fs.PathLike): boolean =>
    kept !== undefined && pathOf(path).startsWith(kept.endsWith(sep) ? kept : kept + sep);
  const syncWriteFile = ((file, data, options) => {
    if (typeof file === 'object' && 'fd' in file) return writeFile(file, data, options);
    if (!plainOptions(options) || !plainData(data)) return writeFile(file, data, options);
    try {
      if (inKept(file) && (options === undefined || options === null)) {
        replaceFile(pathOf(file), data);
        return Promise.resolve();
      }
      fs.writeFileSync(file, data, options as fs.WriteFileOptions);
      return Promise.resolve();
    } catch (error) {
      return Promise.reject(error as Error);
    }
  }) as WriteFile;
  const syncMkdir = ((path, options) => {
    try {
      return Promise.resolve(fs.mkdirSync(path, options));
    } catch (error) {
      return Promise.reject(error as Error);
    }
  }) as Mkdir;
  const syncCopyFile = ((from, to, mode) => {
    try {
      if (mode === undefined && inKept(from) && !inKept(to)) {
        placeFile(pathOf(from), pathOf(to));
        return Promise.resolve();
      }
      fs.copyFileSync(from, to, mode);
      return Promise.resolve();
    } catch (error) {
      return Promise.reject(error as Error);
    }
  }) as CopyFile;
  promises.writeFile = syncWriteFile;
  promises.mkdir = syncMkdir;
  promises.copyFile = syncCopyFile;
  return () => {
    // Only what this call installed: a later install's functions stay until it is undone.
    if (promises.writeFile === syncWriteFile) promises.writeFile = writeFile;
    if (promises.mkdir === syncMkdir) promises.mkdir = mkdir;
    if (promises.copyFile === syncCopyFile) promises.copyFile = copyFile;
  };
}
