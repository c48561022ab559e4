/**
 * The last build's output, set aside rather than emptied. Astro empties `dist/` before it
 * bundles, on the build's main thread and waited for: ~6,700 files at 1,000 entries (3,200 of
 * them flyers), 0.15–0.2 s of a warm build on a quiet machine, 5–7 s at 10,000 entries. Renamed
 * into `.cache/` when the build starts, it is gone as fast as one file, and a process of its own
 * at the lowest priority removes it there while the build goes on, which never waits for it.
 */
import { spawn } from 'node:child_process';
import { lstatSync, mkdirSync, renameSync } from 'node:fs';
import { setPriority } from 'node:os';
import { join } from 'node:path';

/**
 * Every folder in the trash, removed; one that cannot be (in use, no right to) is left for the
 * next build's. CommonJS for `node -e`, which runs it without reading a file.
 */
const REMOVE_ALL = `const { readdirSync, rmSync } = require('node:fs');
const { join } = require('node:path');
const trash = process.argv[1];
for (const name of readdirSync(trash)) {
  try { rmSync(join(trash, name), { recursive: true, force: true, maxRetries: 2 }); } catch {}
}`;

/**
 * Moves `dir` into `trash` (a folder on the same file system) and starts removing what `trash`
 * holds in the background. False when there was nothing to move or it could not be moved (another
 * file system, a folder held open on Windows, a link to a folder): `dir` is then as it was, for
 * Astro to empty.
 */
export function setAsideForRemoval(dir: string, trash: string): boolean {
  // A dist/ that links elsewhere (a folder a web server serves) stays: moving the link would
  // leave its folder with the last build's files and the new build beside it.
  if (!lstatSync(dir, { throwIfNoEntry: false })?.isDirectory()) return false;
  try {
    mkdirSync(trash, { recursive: true });
    renameSync(dir, join(trash, `${process.pid}-${Date.now()}`));
  } catch {
    return false;
  }
  removeInBackground(trash);
  return true;
}

/** A detached process removes `trash`'s folders at the lowest priority; the build does not wait for it. */
export function removeInBackground(trash: string): void {
  const remover = spawn(process.execPath, ['-e', REMOVE_ALL, trash], { detached: true, stdio: 'ignore' });
  // Started or not, it is not waited for (an error here would only leave the folder to the next build).
  remover.once('error', () => undefined);
  try {
    if (remover.pid !== undefined) setPriority(remover.pid, 19);
  } catch {
    // Where lowering a priority is not allowed: at the build's own.
  }
  remover.unref();
}
