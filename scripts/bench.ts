/**
 * `npm run bench`: how the build, the flyers, the pages and search scale with the number of
 * entries, measured against a bare Astro site of the same size built in the same run (the
 * machine is shared and has 2 cores, so only the ratio is comparable between runs). Options:
 * `npm run bench -- --help` (scripts/bench/options.ts).
 *
 * The stages live in scripts/bench/: synthetic content (names, samples, generate), the
 * temporary projects, running and measuring a build stage, measuring dist/ and search, one N
 * (run), and the report. Writes docs/benchmarks.json (rows merged by N, so a quick run does not
 * erase the full table) and docs/BENCHMARKS.md (regenerated from the JSON; the hand-written
 * notes between the `<!-- notes -->` markers are kept).
 */
import { cpus } from 'node:os';
import { log, parseOptions, USAGE } from './bench/options.ts';
import { writeReport } from './bench/report.ts';
import { loadAverage, type RunResult } from './bench/results.ts';
import { benchN } from './bench/run.ts';
import { loadTemplates } from './bench/samples.ts';
import { todayInJapan } from '../src/lib/recurrence.ts';

const options = parseOptions(process.argv.slice(2));
if (options.help) {
  console.log(USAGE);
  process.exit(0);
}
if (options.reportOnly) {
  // Rewrites the docs from docs/benchmarks.json (after a change to the report's layout).
  writeReport([]);
  process.exit(0);
}
const templates = loadTemplates();
// One flyers' day for every build of the run (src/flyers/list.ts, flyerDay): a run crossing
// midnight in Japan otherwise re-rendered the flyers whose dates the new day changes, and
// counted them as an unchanged rebuild's (20 at 1,000 entries, a run started at 23:59 JST).
process.env['FLYERS_TODAY'] ??= todayInJapan();
log(
  `sizes ${options.sizes.join(', ')}; ${cpus().length} cores, load ${loadAverage()}; ${options.fromGit ? 'git HEAD' : 'working tree'}`,
);
const runs: RunResult[] = [];
for (const n of options.sizes) {
  const result = await benchN(n, templates, options);
  if (!result) continue;
  runs.push(result);
  // Written after every N, so a long run that is stopped still leaves what it measured.
  writeReport(runs);
}
log('done');
