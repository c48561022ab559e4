/**
 * The command line of `npm run bench`, the project it measures, and the log every step writes.
 */
import { resolve } from 'node:path';
import { performance } from 'node:perf_hooks';

/** The project measured (its working tree, or HEAD with --from-git). */
export const ROOT = resolve(import.meta.dirname, '..', '..');

export const USAGE = `npm run bench: how the build, the flyers, the pages and search scale with the number of entries

  npm run bench                      N = 100, 1,000 and 10,000
  npm run bench -- --quick           N = 100 only (under 2 minutes)
  npm run bench -- --sizes 100,3000  chosen sizes (each at least 50)
  npm run bench -- --from-git        build the committed HEAD instead of the working tree
  npm run bench -- --keep            keep the temporary projects (paths are printed)
  npm run bench -- --content-only    generate and validate only (profiling the checks)
  npm run bench -- --report-only     rewrite docs/BENCHMARKS.md from docs/benchmarks.json
  npm run bench -- --skip-flyers-above 1000   leave the flyers and newsletter PDFs out for larger N (FLYERS_SKIP=1 NEWSLETTERS_SKIP=1 astro build)
  npm run bench -- --help            this text

Writes docs/benchmarks.json and docs/BENCHMARKS.md.`;

export interface BenchOptions {
  sizes: number[];
  keep: boolean;
  fromGit: boolean;
  contentOnly: boolean;
  reportOnly: boolean;
  help: boolean;
  /** Flyers render at a few per second: at large N they can take longer than everything else. */
  skipFlyersAbove: number;
}

export function parseOptions(argv: string[]): BenchOptions {
  const flag = (name: string) => argv.includes(name);
  const option = (name: string) => {
    const i = argv.indexOf(name);
    return i === -1 ? undefined : argv[i + 1];
  };
  const sizes = (option('--sizes') ?? (flag('--quick') ? '100' : '100,1000,10000'))
    .split(',')
    .map((s) => Number(s.trim()))
    .filter((n) => Number.isInteger(n) && n >= 50);
  if (sizes.length === 0) throw new Error('--sizes wants numbers of entries ≥ 50, e.g. --sizes 100,1000');
  return {
    sizes,
    keep: flag('--keep'),
    fromGit: flag('--from-git'),
    contentOnly: flag('--content-only'),
    reportOnly: flag('--report-only'),
    help: flag('--help') || flag('-h'),
    skipFlyersAbove: Number(option('--skip-flyers-above') ?? Infinity),
  };
}

const started = performance.now();
export const log = (message: string) => {
  const s = ((performance.now() - started) / 1000).toFixed(0).padStart(4);
  console.log(`[bench ${s}s] ${message}`);
};
