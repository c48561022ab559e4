/**
 * Astro writes each page it renders with `fs.promises.mkdir` and `fs.promises.writeFile`, one
 * page at a time, awaiting both before it renders the next. Each is several trips through
 * libuv's thread pool (the folder; open, write, close): on this machine 0.23 ms a file against
 * 0.04 ms written synchronously, and on two cores shared with the search index and Pagefind every
 * trip also waits for a thread to be scheduled — at 10,000 entries Astro's main thread idled
 * 11.7 s of a 57 s page phase, spread through it (docs/BENCHMARKS.md, 3 December).
 *
 * So while the build generates its pages (from `astro:build:start` to `astro:build:generated`),
 * both calls are answered synchronously: the same bytes in the same order (each is awaited
 * anyway), an error as the same rejected promise. Calls with options this does not know (a
 * signal, a flag, a mode) go to Node's own functions, as does everything once the pages are
 * written. Nothing else in the build relies on these calls running beside other work.
 */
import fs from 'node:fs';

type Promises = typeof fs.promises;
type WriteFile = Promises['writeFile'];
type Mkdir = Promises['mkdir'];

/** Options a synchronous write handles as Node's asynchronous one would: none, or an encoding alone. */
const plainOptions = (options: unknown): boolean =>
  options === undefined ||
  options === null ||
  typeof options === 'string' ||
  (typeof options === 'object' && Object.keys(options).every((key) => key === 'encoding'));

/** Data fs.writeFileSync takes as fs.promises.writeFile does (not iterables or streams). */
const plainData = (data: unknown): data is string | NodeJS.ArrayBufferView =>
  typeof data === 'string' || ArrayBuffer.isView(data);

/**
 * Answers `fs.promises.writeFile` and `fs.promises.mkdir` synchronously until the returned
 * function is called, which puts back the functions it found.
 */
export function synchronousPageWrites(promises: Promises = fs.promises): () => void {
  const { writeFile, mkdir } = promises;
  const syncWriteFile = ((file, data, options) => {
    if (typeof file === 'object' && 'fd' in file) return writeFile(file, data, options);
    if (!plainOptions(options) || !plainData(data)) return writeFile(file, data, options);
    try {
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
  promises.writeFile = syncWriteFile;
  promises.mkdir = syncMkdir;
  return () => {
    // Only what this call installed: a later install's functions stay until it is undone.
    if (promises.writeFile === syncWriteFile) promises.writeFile = writeFile;
    if (promises.mkdir === syncMkdir) promises.mkdir = mkdir;
  };
}
