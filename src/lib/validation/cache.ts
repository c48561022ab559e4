/**
 * What the last build's validation said about each content file, kept in .cache/content/ so the
 * next build parses and validates only the files that changed: at 10,000 entries reading the
 * YAML and running the schemas took 8–14 s of every build, though a volunteer's save changes
 * one file.
 *
 * A file's result is reused only when its bytes are the same (SHA-256) and so is the code that
 * judged it: the key of the whole cache is a hash of every file under src/ and the lockfile, so
 * a changed schema, rule or message, or an upgraded zod or yaml, validates everything again.
 * What spans files — references, rules across two types, pictures in media/ — is checked every
 * build over all entries (validate.ts), cached or not. Text a flyer can't print, the costliest
 * (every flyer's model built: 0.27 s of a warm 1,000-entry build, before anything else), is
 * kept under a digest of everything it reads (`spanning`): the entries, the translations and
 * the day.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { deserialize, serialize } from 'node:v8';
import { filesUnder } from '../files-under.ts';
import { replaceFile } from '../replace-file.ts';
import type { ContentProblem } from './messages.ts';
import type { ContentWarning } from './warnings.ts';
import type { ValidEntry } from './validate.ts';

/** What validateFile found in one file. */
export interface FileResult {
  entry?: ValidEntry;
  problems: ContentProblem[];
  warnings?: ContentWarning[];
}

export interface ValidationCache {
  /** The result kept for `file` when its bytes hash to `digest`. */
  get(file: string, digest: string): FileResult | undefined;
  set(file: string, digest: string, result: FileResult): void;
  /**
   * What the last run's check over all entries found, when it was given the same inputs
   * (`key`: a digest of them): else `check()` now, kept for the next run. Only for checks that
   * depend on nothing but those inputs and the code.
   */
  spanning(name: string, key: string, check: () => ContentProblem[]): ContentProblem[];
  /** Keeps what this run validated; files not seen this run (deleted) are left out. */
  save(): void;
}

interface Stored {
  code: string;
  files: Record<string, { digest: string; result: FileResult }>;
  spanning?: Record<string, { key: string; problems: ContentProblem[] }>;
}

export const digestOf = (bytes: Buffer | string): string => createHash('sha256').update(bytes).digest('hex');

/** A hash of the code that validates: src/ and the installed packages' versions (the lockfile). */
export function validationCodeVersion(root: string): string {
  const hash = createHash('sha256');
  for (const file of [...filesUnder(join(root, 'src')).map((name) => join('src', name)), 'package-lock.json']) {
    let bytes: Buffer;
    try {
      bytes = readFileSync(join(root, file));
    } catch {
      continue; // no lockfile
    }
    hash.update(file).update('\0').update(bytes).update('\0');
  }
  return hash.digest('hex');
}

/**
 * The cache in `<root>/.cache/content/`, for the code as it is now; `folder` names another
 * (`easy-japanese`: the やさしい日本語 check's warnings, src/lib/easy-japanese/content.ts).
 */
export function diskValidationCache(
  root: string,
  code = validationCodeVersion(root),
  folder = 'content',
): ValidationCache {
  const dir = join(root, '.cache', folder);
  const path = join(dir, 'validated.v8');
  let kept: Stored['files'] = {};
  let keptSpanning: NonNullable<Stored['spanning']> = {};
  try {
    const stored = deserialize(readFileSync(path)) as Stored;
    if (stored.code === code) [kept, keptSpanning] = [stored.files, stored.spanning ?? {}];
  } catch {
    // No cache yet, or one this Node cannot read: validate everything.
  }
  const seen: Stored['files'] = {};
  const spanning: NonNullable<Stored['spanning']> = {};
  return {
    spanning(name, key, check) {
      const found = keptSpanning[name];
      spanning[name] = found?.key === key ? found : { key, problems: check() };
      return spanning[name].problems;
    },
    get(file, digest) {
      const found = kept[file];
      if (found?.digest !== digest) return undefined;
      seen[file] = found;
      return found.result;
    },
    set(file, digest, result) {
      seen[file] = { digest, result };
    },
    save() {
      mkdirSync(dir, { recursive: true });
      // Written aside and renamed, so a build stopped halfway never leaves half a cache.
      replaceFile(path, serialize({ code, files: seen, spanning } satisfies Stored));
    },
  };
}
