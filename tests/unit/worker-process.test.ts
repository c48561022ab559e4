import { execFileSync } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import { describe, expect, it, vi } from 'vitest';
import { ProcessWorker } from '../../src/lib/worker-process.ts';

const echo = new URL('../fixtures/workers/echo.ts', import.meta.url);
const data = { greeting: 'こんにちは', when: new Date('2026-12-01T00:00:00Z'), bytes: new Uint8Array([1, 2, 3]) };
const next = (worker: ProcessWorker) => once(worker, 'message').then(([m]) => m as Record<string, unknown>);

describe('a worker in a child process', () => {
  it('gets its data, and no message is lost while it starts', async () => {
    const worker = new ProcessWorker(echo, { workerData: data });
    try {
      const replies: unknown[] = [];
      worker.on('message', (m) => replies.push(m));
      worker.postMessage('一');
      worker.postMessage('二');
      await new Promise<void>((done) => worker.on('message', () => replies.length === 2 && done()));
      expect(replies).toEqual([
        { echo: '一', ...data },
        { echo: '二', ...data },
      ]);
      // Dates and bytes cross as themselves (V8's serializer), as between threads.
      expect((replies[0] as { when: Date }).when).toBeInstanceOf(Date);
      expect((replies[0] as { bytes: Uint8Array }).bytes).toBeInstanceOf(Uint8Array);
    } finally {
      await worker.terminate();
    }
  });

  it('lets the worker take its data, after which the port no longer holds it', async () => {
    const worker = new ProcessWorker(echo, { workerData: data });
    try {
      const reply = next(worker);
      worker.postMessage('take');
      expect(await reply).toEqual({ taken: data, left: undefined });
    } finally {
      await worker.terminate();
    }
  });

  it('gives the worker the environment variables asked for, beside the parent’s', async () => {
    const worker = new ProcessWorker(echo, { workerData: data, env: { TSUNAGARI_TEST_ENV: 'はい' } });
    try {
      const reply = next(worker);
      worker.postMessage('env');
      expect(await reply).toEqual({ env: 'はい' });
    } finally {
      await worker.terminate();
    }
  });

  it('gives the drawing workers their own allocator settings, not those npm run build gave Astro', async () => {
    // scripts/build.mjs starts Astro with mimalloc returning memory at once; resvg's workers keep
    // their pages for a second (src/flyers/render-process.ts).
    const before = process.env['MIMALLOC_PURGE_DELAY'];
    process.env['MIMALLOC_PURGE_DELAY'] = '0';
    // Imported after, as in the build, where Astro's process had the variable from the start.
    vi.resetModules();
    const { RENDER_PROCESS } = await import('../../src/flyers/render-process.ts');
    const worker = new ProcessWorker(echo, { workerData: data, ...RENDER_PROCESS });
    try {
      const reply = next(worker);
      worker.postMessage('env:MIMALLOC_PURGE_DELAY');
      expect(await reply).toEqual({ env: '1000' });
    } finally {
      if (before === undefined) delete process.env['MIMALLOC_PURGE_DELAY'];
      else process.env['MIMALLOC_PURGE_DELAY'] = before;
      await worker.terminate();
    }
  });

  it('collects the newsletter workers’ garbage on their own thread, and not the flyer workers’', async () => {
    // src/flyers/render-process.ts: measured faster for the one, slower for the other.
    const { NEWSLETTER_PROCESS, RENDER_PROCESS } = await import('../../src/flyers/render-process.ts');
    for (const [options, single] of [
      [NEWSLETTER_PROCESS, true],
      [RENDER_PROCESS, false],
    ] as const) {
      const worker = new ProcessWorker(echo, { workerData: data, ...options });
      try {
        const reply = next(worker);
        worker.postMessage('execArgv');
        const { execArgv } = (await reply) as { execArgv: string[] };
        expect(execArgv).toContain('--max-semi-space-size=64');
        expect(execArgv.includes('--single-threaded-gc')).toBe(single);
      } finally {
        await worker.terminate();
      }
    }
  });

  it("reports an exception it did not catch as 'error', with its message and stack", async () => {
    const worker = new ProcessWorker(echo, { workerData: data, name: 'echo worker' });
    const failed = once(worker, 'error');
    worker.postMessage('crash');
    const [error] = (await failed) as [Error];
    expect(error.message).toBe('壊れました / broken on purpose');
    expect(error.stack).toContain('echo.ts');
    expect(await worker.terminate()).toBe(1);
  });

  it('reports what went wrong after Zopfli has loaded too: its own listeners would end the process first (exit code 7)', async () => {
    const withZopfli = new URL('../fixtures/workers/with-zopfli.ts', import.meta.url);
    for (const [failure, message] of [
      ['crash', '壊れました / broken on purpose'],
      ['reject', '約束が破られました / rejected on purpose'],
    ]) {
      const worker = new ProcessWorker(withZopfli, { name: 'zopfli worker' });
      const zipped = next(worker);
      worker.postMessage('zip');
      expect((await zipped)['zipped']).toBeGreaterThan(0);
      const failed = once(worker, 'error');
      worker.postMessage(failure);
      const [error] = (await failed) as [Error];
      expect(error.message).toBe(message);
      expect(await worker.terminate()).toBe(1);
    }
  });

  it("reports a process that ends unasked as 'error', naming the worker", async () => {
    const worker = new ProcessWorker(echo, { workerData: data, name: 'echo worker' });
    const failed = once(worker, 'error');
    worker.postMessage('exit');
    const [error] = (await failed) as [Error];
    expect(error.message).toBe('echo worker stopped (exit code 3)');
  });

  it('ends quietly when the worker closes after its reply, or when terminated', async () => {
    const closing = new ProcessWorker(echo, { workerData: data });
    const errors: Error[] = [];
    closing.on('error', (e: Error) => errors.push(e));
    const exited = once(closing, 'exit');
    closing.postMessage('done');
    expect(await next(closing)).toBe('bye');
    expect(await exited).toEqual([0]);

    const stopped = new ProcessWorker(echo, { workerData: data });
    stopped.on('error', (e: Error) => errors.push(e));
    await stopped.terminate();
    expect(errors).toEqual([]);
  });

  it("keeps its parent alive while awaited after ref(), and not after unref() alone (the parent's Node ends mid-await)", () => {
    const parent = fileURLToPath(new URL('../fixtures/workers/awaits.ts', import.meta.url));
    const run = (...args: string[]) => execFileSync(process.execPath, [parent, ...args], { encoding: 'utf8' });
    expect(run('ref')).toBe('やあ hello\n');
    // The hazard ref() is for: exit code 0, and the reply never came (search-index.ts, finish()).
    expect(run()).toBe('');
  });
});
