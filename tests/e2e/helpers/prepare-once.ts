/**
 * Makes what a shared folder holds once, however many callers ask for it at the same time: in
 * one test file, in several files of one vitest run, in worker threads or worker processes.
 * Two suites that both found the shared sample site unbuilt used to copy the project into the
 * same folder at once and fail with EEXIST (tests/e2e/helpers/sample-site.ts).
 *
 * The first caller to create `<dir>/.prepare-lock` (exclusive create, which the file system
 * grants to one caller only) makes the folder and then writes `<dir>/.prepared`; every other
 * caller polls for that file. A maker that fails leaves its error in `<dir>/.prepare-failed`,
 * which the waiters throw too, naming the folder; a maker whose process is gone without either
 * file (killed) is reported rather than waited on forever. No vitest import: a plain Node
 * process (another worker, the test of this file) can call it.
 */
import { existsSync, openSync, closeSync, readFileSync, renameSync, writeFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';

const LOCK = '.prepare-lock';
const DONE = '.prepared';
const FAILED = '.prepare-failed';

export interface PrepareOptions {
  /** How often a waiter looks for the maker's result, in ms. */
  intervalMs?: number;
  /** How long a waiter waits for the maker before giving up, in ms (a build of the sample site takes minutes). */
  timeoutMs?: number;
  /** Called once when this caller starts waiting for another: what a test of the waiting watches for. */
  onWait?: () => void;
}

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but is not ours to signal.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
};

/** Resolves once `make(dir)` has run to its end, in this caller or another; rejects with its error if it failed. */
export async function prepareOnce(
  dir: string,
  make: (dir: string) => Promise<void>,
  { intervalMs = 200, timeoutMs = 30 * 60_000, onWait }: PrepareOptions = {},
): Promise<void> {
  const lock = join(dir, LOCK);
  const done = join(dir, DONE);
  const failed = join(dir, FAILED);
  if (existsSync(done)) return;
  let fd: number | undefined;
  try {
    fd = openSync(lock, 'wx');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
  if (fd !== undefined) {
    writeSync(fd, String(process.pid));
    closeSync(fd);
    try {
      await make(dir);
      writeFileSync(done, new Date().toISOString());
    } catch (error) {
      // Written whole, then renamed: a waiter never reads half a message.
      const message = error instanceof Error ? (error.stack ?? error.message) : String(error);
      writeFileSync(`${failed}.${process.pid}`, message);
      renameSync(`${failed}.${process.pid}`, failed);
      throw error;
    }
    return;
  }
  onWait?.();
  const started = Date.now();
  for (;;) {
    if (existsSync(done)) return;
    if (existsSync(failed))
      throw new Error(`${dir} could not be prepared by another test file:\n${readFileSync(failed, 'utf8')}`);
    // The lock holds the maker's pid once it has written it (an empty lock: it is just starting).
    const pid = Number(readFileSync(lock, 'utf8'));
    if (pid > 0 && !alive(pid) && !existsSync(done) && !existsSync(failed))
      throw new Error(`${dir} was being prepared by process ${pid}, which stopped before finishing`);
    if (Date.now() - started > timeoutMs)
      throw new Error(`${dir} was not prepared by process ${pid} within ${Math.round(timeoutMs / 1000)} s`);
    await delay(intervalMs);
  }
}
