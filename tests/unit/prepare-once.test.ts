/**
 * The shared sample site's preparation (tests/e2e/helpers/prepare-once.ts) asked for twice at
 * once: in one process, and by two processes as two vitest workers would. One maker runs, the
 * other caller waits for its result; a failure reaches both. Before, two suites copied the
 * project into the same folder together and one failed with EEXIST.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { prepareOnce } from '../e2e/helpers/prepare-once.ts';

const dirs: string[] = [];
const tempDir = () => {
  const dir = mkdtempSync(join(tmpdir(), 'tsunagari-prepare-'));
  dirs.push(dir);
  return dir;
};
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A promise and the function that settles it: the maker waits on it, the test decides when. */
const gate = () => {
  let open = () => {};
  const opened = new Promise<void>((resolve) => (open = resolve));
  return { open, opened };
};

describe('preparing the shared sample site', () => {
  it('makes it once when two callers in one process ask at once, the second waiting for the first', async () => {
    const dir = tempDir();
    const made: string[] = [];
    const release = gate();
    const waiting = gate();
    const make = async () => {
      made.push('started');
      await release.opened;
      writeFileSync(join(dir, 'dist.txt'), 'built');
      made.push('finished');
    };
    const first = prepareOnce(dir, make, { intervalMs: 20 });
    const second = prepareOnce(dir, make, { intervalMs: 20, onWait: waiting.open }).then(() =>
      readFileSync(join(dir, 'dist.txt'), 'utf8'),
    );
    await waiting.opened;
    release.open();
    // The second caller resolves only once the folder is whole.
    expect(await second).toBe('built');
    await first;
    expect(made).toEqual(['started', 'finished']);
    // Asked again later: nothing is made again.
    await prepareOnce(dir, make);
    expect(made).toEqual(['started', 'finished']);
  });

  it('passes a failed preparation on to the caller that waited for it', async () => {
    const dir = tempDir();
    const waiting = gate();
    const make = async () => {
      await waiting.opened;
      throw new Error('astro build failed (1)');
    };
    const first = prepareOnce(dir, make, { intervalMs: 20 });
    const second = prepareOnce(dir, make, { intervalMs: 20, onWait: waiting.open });
    await expect(first).rejects.toThrow('astro build failed (1)');
    await expect(second).rejects.toThrow(
      /could not be prepared by another test file:\nError: astro build failed \(1\)/,
    );
  });

  it('says so instead of waiting forever when the process preparing it is gone', async () => {
    const dir = tempDir();
    // A pid that was a process a moment ago: a worker killed while building.
    const gone = spawn(process.execPath, ['-e', '']);
    await new Promise((done) => gone.once('exit', done));
    writeFileSync(join(dir, '.prepare-lock'), String(gone.pid));
    await expect(prepareOnce(dir, async () => undefined, { intervalMs: 20 })).rejects.toThrow(
      `${dir} was being prepared by process ${gone.pid}, which stopped before finishing`,
    );
  });

  it('makes it once when two worker processes ask at once', async () => {
    const dir = tempDir();
    const go = join(dir, 'go');
    const script = join(tempDir(), 'prepare.mjs');
    // As a vitest worker process would: its own Node process calling the same helper.
    writeFileSync(
      script,
      `import { appendFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import { prepareOnce } from ${JSON.stringify(resolve(import.meta.dirname, '../e2e/helpers/prepare-once.ts'))};
const [dir, go] = process.argv.slice(2);
await prepareOnce(
  dir,
  async () => {
    appendFileSync(join(dir, 'makers'), process.pid + '\\n');
    console.log('making');
    while (!existsSync(go)) await delay(20);
  },
  { intervalMs: 20, onWait: () => console.log('waiting') },
);
console.log('ready');
`,
    );
    const workers = [0, 1].map(() => {
      const child = spawn(process.execPath, [script, dir, go], { stdio: ['ignore', 'pipe', 'pipe'] });
      let output = '';
      child.stdout.on('data', (c: Buffer) => (output += c.toString()));
      child.stderr.on('data', (c: Buffer) => (output += c.toString()));
      const exit = new Promise<number | null>((done) => child.once('exit', done));
      return { output: () => output, exit };
    });
    // One makes, the other waits for it: both are under way before the maker may finish.
    await expect
      .poll(() => workers.map((w) => w.output().trim()).sort(), { timeout: 30_000, interval: 50 })
      .toEqual(['making', 'waiting']);
    writeFileSync(go, '');
    expect(await Promise.all(workers.map((w) => w.exit))).toEqual([0, 0]);
    for (const worker of workers) expect(worker.output()).toMatch(/ready\n$/);
    expect(readFileSync(join(dir, 'makers'), 'utf8').trim().split('\n')).toHaveLength(1);
    expect(existsSync(join(dir, '.prepared'))).toBe(true);
  });
});
