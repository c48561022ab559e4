/**
 * `npm run build`: `astro build` with glibc's malloc held to two arenas (MALLOC_ARENA_MAX=2).
 *
 * Why: the build runs JavaScript on several threads at once (pages on the main thread, the search
 * index and its readings in a worker, flyers and newsletters in a pool), and glibc gives each
 * thread an arena of its own that it seldom returns to the system. At N = 10,000 the build's
 * process held up to 3.2 GB resident while its JavaScript heaps and buffers were about 1.3 GB;
 * with two arenas 2.3 GB, the same build otherwise (docs/BENCHMARKS.md, notes of 30 November).
 * The variable has to be set before the process starts, hence this script rather than code in
 * the build; a value already set wins. Other C libraries (macOS, musl) ignore it. Plain
 * JavaScript, so it runs the same on Windows, where an `VAR=value command` script would not.
 */
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const astroBin = join(dirname(createRequire(import.meta.url).resolve('astro/package.json')), 'bin', 'astro.mjs');
const child = spawn(process.execPath, [astroBin, 'build', ...process.argv.slice(2)], {
  stdio: 'inherit',
  env: { ...process.env, MALLOC_ARENA_MAX: process.env.MALLOC_ARENA_MAX ?? '2' },
});
// Ctrl+C reaches both; the build's own exit code is the script's.
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.once('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
