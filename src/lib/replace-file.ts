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
export function replaceFile(file: string, data: Uint8Array): void {
  const temporary = `${file}.${process.pid}.tmp`;
  writeFileSync(temporary, data);
  renameSync(temporary, file);
}

/**
 * Puts a cached file at `to`: a hard link (no bytes copied: the site's PDFs and pictures are
 * most of dist/), or a copy where links are not possible (another file system). A file already
 * at `to` is removed first, never written through: it may be a link to a cached file. A
 * missing `from` throws (ENOENT): the caller renders it again.
 */
export function placeFile(from: string, to: string): void {
  // unlinkSync rather than rmSync's `force`, which goes through Node's own removal code for
  // every file: 0.4 ms of the build's process per file placed, thousands of them per build.
  try {
    unlinkSync(to);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  try {
    linkSync(from, to);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') throw error;
    copyFileSync(from, to);
  }
}
