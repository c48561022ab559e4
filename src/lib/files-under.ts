/** Listing a folder's files, for the caches' keys and the kept search bundles. */
import { readdirSync } from 'node:fs';
import { join, relative } from 'node:path';

/** Every file under `dir` (in its folders too), relative to it and sorted; none when `dir` does not exist. */
export function filesUnder(dir: string): string[] {
  let entries;
  try {
    entries = readdirSync(dir, { recursive: true, withFileTypes: true });
  } catch {
    return [];
  }
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => relative(dir, join(entry.parentPath, entry.name)))
    .sort();
}
