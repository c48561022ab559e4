/**
 * Working folders that a process owns while it runs: the search index is written into one before
 * it is moved into dist/ (or, under `npm start`, served from it). They live in the project's
 * `.cache/`, named after the process that made them, because a process stopped by a signal —
 * Ctrl+C on `npm start`, a test ending a build — never runs its `exit` handlers: the next process
 * removes what a dead one left, instead of each stop leaving a copy of the index in the temp folder.
 */
import { mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';

/** True while a process with this id exists (one of another user counts: it is not ours to judge). */
export function processIsAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code !== 'ESRCH';
  }
}

const OWNER = /^(\d+)-/;

/** Removes the folders under `parent` whose process has ended; returns their names. */
export function sweepStaging(parent: string): string[] {
  let names: string[];
  try {
    names = readdirSync(parent);
  } catch {
    return [];
  }
  const removed: string[] = [];
  for (const name of names) {
    const pid = Number(OWNER.exec(name)?.[1]);
    if (!Number.isSafeInteger(pid) || pid <= 0 || processIsAlive(pid)) continue;
    rmSync(join(parent, name), { recursive: true, force: true });
    removed.push(name);
  }
  return removed;
}

/** A new folder under `parent` owned by this process, after removing those of ended ones. */
export function makeStaging(parent: string): string {
  sweepStaging(parent);
  mkdirSync(parent, { recursive: true });
  return mkdtempSync(join(parent, `${process.pid}-`));
}
