/**
 * How the printing steps write a finished file into their caches (.cache/flyers/,
 * .cache/newsletters/, .cache/bosai-memo/), from the build's process or a worker's, and put a
 * cached file in the site (dist/, or the dev server's folder). The build's own caches
 * (.cache/content/, .cache/search/) are written the same way.
 */
import { copyFileSync, linkSync, renameSync, unlinkSync, writeFileSync } from 'node:fs';

/**
 * Writes a new file and renames it into place, so that a hard link to the old one (dist/ links
 * cached files rather than copying them) keeps the old bytes, and no reader sees half a file.
 * The temporary name carries the writer's process id: builds and workers never share one.
 */
export function replaceFile(file: string, data: string | NodeJS.ArrayBufferView): void {
  const temporary = `${file}.${process.pid}.tmp`;
  writeFileSync(temporary, data);
  renameSync(temporary, file);
}

/**
 * Puts a cached file at `to`: a hard link (no bytes copied: the site's PDFs and pictures are
 * most of dist/), or a copy where links are not possible (another file system). A file already
 * at `to` is removed first, never written through: it may be a link to a cached file. A
 * missing `from` throws (ENOENT), leaving nothing at `to`: the caller renders it again.
 */
export function placeFile(from: string, to: string): void {
  // Linked first, and a file at `to` removed only when the link finds one: a build places its
  // files in a dist/ Astro has just emptied, where removing first failed for every file, and a
  // failed system call costs Node an exception (~0.03 ms: 1 s of a warm 10,000-entry build, whose
  // flyer step places 32,000 files). unlinkSync rather than rmSync's `force` for the same reason:
  // rmSync goes through Node's own removal code for every file.
  try {
    linkSync(from, to);
    return;
  } catch (error) {
    if (codeOf(error) !== 'EEXIST') return copyInstead(error, from, to);
  }
  unlinkSync(to);
  try {
    linkSync(from, to);
  } catch (error) {
    copyInstead(error, from, to);
  }
}

const codeOf = (error: unknown) => (error as NodeJS.ErrnoException).code;

/** After a link that failed: a missing `from` rethrown, else a copy (another file system). */
function copyInstead(error: unknown, from: string, to: string): void {
  removeIfThere(to);
  if (codeOf(error) === 'ENOENT') throw error;
  copyFileSync(from, to);
}

function removeIfThere(file: string): void {
  try {
    unlinkSync(file);
  } catch (error) {
    if (codeOf(error) !== 'ENOENT') throw error;
  }
}
