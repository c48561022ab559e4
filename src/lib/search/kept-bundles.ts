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
import { placeFile, replaceFile } from '../replace-file.ts';
import { BUNDLE_FOLDERS, entryLanguages, withShards, type SearchBundle, type ShardEntry } from './shards.ts';

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

/** A part of a bundle as written (or taken) in the staging folder, in the order of its bundle's parts. */
export interface WrittenPart {
  bundle: SearchBundle;
  folder: string;
  /** Its key (bundleKey), under which it is kept. */
  key: string;
}

/**
 * Each bundle's further parts, listed in its first part's pagefind-entry.json (withShards) for
 * the search pages here and in other towns. The entry file is replaced, not written through: it
 * is linked to its kept copy.
 */
export function listFurtherParts(outputPath: string, parts: readonly Omit<WrittenPart, 'key'>[]): void {
  const further = new Map<string, ShardEntry[]>();
  for (const { bundle, folder } of parts) {
    const primary = BUNDLE_FOLDERS[bundle];
    if (folder === primary) continue;
    const entry = readFileSync(join(outputPath, folder, 'pagefind-entry.json'), 'utf8');
    further.set(primary, [
      ...(further.get(primary) ?? []),
      { bundle: `../${folder}/`, languages: entryLanguages(entry) },
    ]);
  }
  for (const [primary, list] of further) {
    const entryFile = join(outputPath, primary, 'pagefind-entry.json');
    replaceFile(entryFile, withShards(readFileSync(entryFile, 'utf8'), list));
  }
}

/**
 * A whole search kept between builds: what the search worker was given (its job's key, the
 * `code` of every content file's entry, the day, the readings …: jobKey), the parts it wrote and
 * what it said of them. A build whose job is the last build's takes every part from the cache
 * without starting the worker or its documents' process (0.8–0.9 s of CPU at 1,000 entries for
 * documents that then matched their kept parts anyway, and the search waited for after the last
 * page on a busy machine).
 */
export interface KeptSearch {
  key: string;
  parts: WrittenPart[];
  urls: string[];
  pastPages: number;
}

const SEARCH_FILE = 'search.json';

/**
 * The key of a search worker's job: its data as JSON (the staging folder left out: it changes
 * every build) and what else it reads. JSON, not V8's serializer, whose bytes for the same
 * entries differ between a build that parsed a file and one that took it from the validation
 * cache (a string cut from a Japanese file is stored as two bytes a character, one read back
 * from JSON as one).
 */
export function jobKey(job: string, ...more: string[]): string {
  const hash = createHash('sha256').update(job);
  for (const part of more) hash.update('\0').update(part);
  return hash.digest('hex');
}

/** Records the search just written under its job's key; its parts were kept (keepBundle) before. */
export function keepSearch(cache: string, search: KeptSearch): void {
  mkdirSync(cache, { recursive: true });
  replaceFile(join(cache, SEARCH_FILE), JSON.stringify(search));
}

/**
 * Puts every part of the search kept under `key` into `outputPath`, with the further parts
 * listed, and returns what was kept of it; undefined (and no part left in `outputPath`) when
 * the last build's search had another key or a part of it is gone or was written again since.
 */
export function takeKeptSearch(cache: string, key: string, outputPath: string): KeptSearch | undefined {
  let kept: KeptSearch;
  try {
    kept = JSON.parse(readFileSync(join(cache, SEARCH_FILE), 'utf8')) as KeptSearch;
  } catch {
    return undefined;
  }
  if (kept.key !== key) return undefined;
  const taken: string[] = [];
  for (const part of kept.parts) {
    if (!takeKeptBundle(cache, part.folder, part.key, join(outputPath, part.folder))) {
      for (const folder of taken) rmSync(join(outputPath, folder), { recursive: true, force: true });
      return undefined;
    }
    taken.push(part.folder);
  }
  listFurtherParts(outputPath, kept.parts);
  return kept;
}
