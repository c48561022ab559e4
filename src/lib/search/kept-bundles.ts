/**
 * A part of a search bundle kept between builds: Pagefind's output is a function of the part's
 * documents (src/lib/search/shards.ts), Pagefind's version and the code around it, so when a
 * part's documents are those of the last build its bundle is linked from .cache/search-bundles/
 * instead of written again. A warm build of 1,000 entries spent ~3.5 s of its search index
 * in Pagefind, the last step the build waited for once its pages were kept (src/lib/page-keys.ts).
 * Any change to a part's documents (an edit, a new day moving an event to the past) writes that
 * part again, as before.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { filesUnder } from '../files-under.ts';
import { placeFile } from '../replace-file.ts';

/** The key of a part: the code's hash (src/ and the lockfile, Pagefind's version with it), how it is written, and its documents as stored. */
export function bundleKey(code: string, variant: string, documents: Uint8Array): string {
  return createHash('sha256').update(code).update('\0').update(variant).update('\0').update(documents).digest('hex');
}

const KEY_FILE = '.key';

/** Links the files of `from` into `to` (placeFile: a copy across file systems); a missing one throws. */
function linkFiles(from: string, to: string, files: readonly string[]): void {
  for (const file of files) {
    mkdirSync(dirname(join(to, file)), { recursive: true });
    placeFile(join(from, file), join(to, file));
  }
}

/**
 * Puts the kept bundle of `name` at `out` when it was kept under `key`; false (and nothing at
 * `out`) when there is none, another, or one that lost a file.
 */
export function takeKeptBundle(cache: string, name: string, key: string, out: string): boolean {
  const kept = join(cache, name);
  let stored: string[];
  try {
    stored = readFileSync(join(kept, KEY_FILE), 'utf8').split('\n');
  } catch {
    return false;
  }
  if (stored[0] !== key) return false;
  try {
    // The files it was kept with, every one: a kept part that lost one is written again.
    linkFiles(kept, out, stored.slice(1));
    return true;
  } catch {
    // A file gone from the kept folder: the part is written again.
    rmSync(out, { recursive: true, force: true });
    return false;
  }
}

/**
 * Keeps the bundle just written at `out` under `key`, replacing what was kept for `name`. The
 * key is written last: a build stopped halfway leaves no key, so nothing half kept is taken.
 * Files are linked, so whoever changes a file of `out` afterwards must replace it
 * (src/lib/replace-file.ts), never write through it.
 */
export function keepBundle(cache: string, name: string, key: string, out: string): void {
  const kept = join(cache, name);
  rmSync(kept, { recursive: true, force: true });
  const files = filesUnder(out);
  linkFiles(out, kept, files);
  // The key and the part's files, last.
  writeFileSync(join(kept, KEY_FILE), [key, ...files].join('\n'));
}
