/**
 * `node scripts/bench-flyers.ts [--passes N] [--json]`: per-flyer CPU and wall time of each
 * flyer step and output (scripts/bench/flyers.ts), printed as the "Flyers" section of
 * docs/BENCHMARKS.md (or as JSON).
 */
import { benchFlyers, flyerBenchMarkdown } from './bench/flyers.ts';

const argv = process.argv.slice(2);
const passesArg = argv.indexOf('--passes');
const passes = passesArg >= 0 ? Number(argv[passesArg + 1]) : 3;
const result = await benchFlyers({ root: process.cwd(), passes });
console.log(argv.includes('--json') ? JSON.stringify(result, null, 2) : flyerBenchMarkdown(result));
