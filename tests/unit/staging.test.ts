/**
 * The search index's staging folders: `npm start` stopped with Ctrl+C never ran its exit handler,
 * so each stop left a copy of the index in the temp folder. Now the next process removes the
 * folders of processes that have ended, and never one whose process still runs.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { makeStaging, processIsAlive, sweepStaging } from '../../src/lib/staging.ts';

let parent: string;
beforeEach(() => {
  parent = join(mkdtempSync(join(tmpdir(), 'tsunagari-staging-test-')), 'search-staging');
});
afterEach(() => rmSync(join(parent, '..'), { recursive: true, force: true }));

/** The id of a process that has just ended (ids are not reused that quickly). */
function endedPid(): number {
  const child = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
  const pid = Number(child.stdout);
  expect(processIsAlive(pid)).toBe(false);
  return pid;
}

it('tells a running process from an ended one', () => {
  expect(processIsAlive(process.pid)).toBe(true);
  expect(processIsAlive(endedPid())).toBe(false);
});

it("removes an ended process's folder with what it held, and keeps a running one's", () => {
  const ended = join(parent, `${endedPid()}-abc123`);
  mkdirSync(join(ended, 'pagefind'), { recursive: true });
  writeFileSync(join(ended, 'pagefind', 'pagefind.js'), '// index');
  const running = join(parent, `${process.pid}-def456`);
  mkdirSync(running, { recursive: true });
  // Not ours to judge: a name that does not start with a process id.
  mkdirSync(join(parent, 'notes'));

  expect(sweepStaging(parent)).toEqual([ended.slice(parent.length + 1)]);
  expect(existsSync(ended)).toBe(false);
  expect(existsSync(running)).toBe(true);
  expect(existsSync(join(parent, 'notes'))).toBe(true);
});

it('makes a new folder owned by this process, sweeping first, and copes with no parent yet', () => {
  expect(sweepStaging(parent)).toEqual([]);
  const stale = join(parent, `${endedPid()}-zzzzzz`);
  const made = makeStaging(parent);
  expect(made.startsWith(join(parent, `${process.pid}-`))).toBe(true);
  mkdirSync(stale);
  const again = makeStaging(parent);
  expect(again).not.toBe(made);
  expect(readdirSync(parent).sort()).toEqual([made, again].map((p) => p.slice(parent.length + 1)).sort());
});
