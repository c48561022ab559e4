/**
 * How the printing steps write a finished file into their caches (.cache/flyers/,
 * .cache/newsletters/, .cache/bosai-memo/), from the build's process or a worker's.
 */
import { renameSync, writeFileSync } from 'node:fs';

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
