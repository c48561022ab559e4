/**
 * The readings of earlier builds, kept in .cache/furigana/ so that a build analyses only text it
 * has not seen: analysing every page's text took most of the ふりがな's cost (docs/BENCHMARKS.md),
 * though a volunteer's save changes one entry. A text's markup depends only on the text, the
 * code that reads it (this folder), the dictionary's version and the site's own readings: the key
 * hashes all of them, and a cache made under another key is not read.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, readdirSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { Override } from './segments.ts';

/** Readings kept between builds: text (as written in the HTML) → the same text with ruby markup. */
export interface ReadingStore {
  readonly known: Map<string, string>;
  /** Writes the readings if this run added any. */
  save(): void;
}

/** The code that makes readings, as kept in the project (`root`/src/lib/furigana/), in a stable order. */
function codeOf(root: string): string[] {
  const dir = join(root, 'src', 'lib', 'furigana');
  try {
    return readdirSync(dir)
      .filter((f) => f.endsWith('.ts'))
      .sort()
      .map((f) => `${f}\0${readFileSync(join(dir, f), 'utf8')}`);
  } catch {
    return []; // not run from the project's root: the key still changes with the dictionary and the site's readings
  }
}

/** The analyser's version: a new dictionary may read words otherwise. */
function dictionaryVersion(): string {
  try {
    return String(createRequire(import.meta.url)('@patdx/kuromoji/package.json').version);
  } catch {
    return 'unknown';
  }
}

/** The key of readings made for `overrides` by the code under `root` with the installed dictionary. */
export function readingsKey(root: string, overrides: readonly Override[]): string {
  const hash = createHash('sha256');
  for (const part of [...codeOf(root), dictionaryVersion(), JSON.stringify(overrides)]) hash.update(part).update('\0');
  return hash.digest('hex');
}

/** The store in `<root>/.cache/furigana/readings.json` for `key`: empty if the file is missing, unreadable or of another key. */
export function diskReadings(root: string, key: string): ReadingStore {
  const dir = join(root, '.cache', 'furigana');
  const path = join(dir, 'readings.json');
  const known = new Map<string, string>();
  try {
    const stored = JSON.parse(readFileSync(path, 'utf8')) as { key?: string; readings?: Record<string, string> };
    if (stored.key === key) for (const [text, html] of Object.entries(stored.readings ?? {})) known.set(text, html);
  } catch {
    // No cache yet, or a broken one: every text is analysed again.
  }
  const loaded = known.size;
  return {
    known,
    save() {
      if (known.size === loaded) return;
      mkdirSync(dir, { recursive: true });
      // Written aside and renamed: a build stopped mid-write leaves the old cache, not half a file.
      const temporary = `${path}.${process.pid}`;
      writeFileSync(temporary, JSON.stringify({ key, readings: Object.fromEntries(known) }));
      renameSync(temporary, path);
    },
  };
}
