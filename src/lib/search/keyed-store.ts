/**
 * Search documents with their keys and words split (src/integrations/search-keys.ts), kept in
 * .cache/search/ between builds: making them — the dictionary loaded, every text analysed and
 * split into words — took about 9 s of the search worker's CPU at 10,000 entries on every
 * build (docs/BENCHMARKS.md, 3 December), though a volunteer's save changes one entry.
 *
 * A document's keyed form depends only on its HTML, on the code that makes it and the
 * dictionary (`code`: the validation cache's hash of src/ and the lockfile) and on the site's
 * own readings (`readings`): the store is read only under the same code and readings, and each
 * document is found by a hash of its HTML, so a changed entry, fact or date is made again. What
 * this build did not ask for is not kept.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { deserialize, serialize } from 'node:v8';
import { replaceFile } from '../replace-file.ts';

export interface KeyedStore {
  /** The keyed form of a document's HTML: the one kept, or `make`'s, kept from now on. */
  keyed(html: string, make: (html: string) => Promise<string>): Promise<string>;
  /** How many documents came from the store this run, and how many were made. */
  readonly counts: { kept: number; made: number };
  /** Writes what this run used, if it differs from what was read. */
  save(): void;
}

interface Stored {
  key: string;
  documents: Map<string, string>;
}

const hashOf = (html: string) => createHash('sha1').update(html).digest('base64');

/** The key of a store made by `code` for a site with `readings`. */
export const keyedStoreKey = (code: string, readings: unknown): string =>
  createHash('sha256').update(code).update('\0').update(JSON.stringify(readings)).digest('hex');

/** The store in `<root>/.cache/search/keyed.v8` for `key`: empty if missing, unreadable or of another key. */
export function diskKeyedStore(root: string, key: string): KeyedStore {
  const dir = join(root, '.cache', 'search');
  const path = join(dir, 'keyed.v8');
  let kept = new Map<string, string>();
  try {
    const stored = deserialize(readFileSync(path)) as Stored;
    if (stored.key === key && stored.documents instanceof Map) kept = stored.documents;
  } catch {
    // No store yet, or one this Node cannot read: every document is made.
  }
  const used = new Map<string, string>();
  const counts = { kept: 0, made: 0 };
  return {
    counts,
    async keyed(html, make) {
      const hash = hashOf(html);
      let keyed = kept.get(hash);
      if (keyed === undefined) {
        keyed = await make(html);
        counts.made += 1;
      } else counts.kept += 1;
      used.set(hash, keyed);
      return keyed;
    },
    save() {
      // Nothing made and nothing left unused: the file already holds exactly this.
      if (counts.made === 0 && used.size === kept.size) return;
      mkdirSync(dir, { recursive: true });
      // Written aside and renamed, so a build stopped halfway never leaves half a store.
      replaceFile(path, serialize({ key, documents: used } satisfies Stored));
      kept = used;
    },
  };
}
