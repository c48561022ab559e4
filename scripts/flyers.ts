/**
 * `npm run flyers`: the flyer step on its own — reads and validates the content, then makes the
 * printable flyer of every event, salon and recruitment into dist/flyers/<collection>/<id>.pdf,
 * .png and -og.png (src/flyers/build.ts), reusing .cache/flyers/. `npm run build` does not run
 * this: `astro build` makes the flyers itself from the entries it validated
 * (src/integrations/flyers.ts), so that a build parses each content file once. This script is
 * for remaking flyers without rebuilding the site (after a template change, into another folder).
 *
 * Options: --out <dir> (default dist), FLYERS_TODAY=YYYY-MM-DD to fix the date the next salon
 * dates count from (tests, reproducible builds), FLYERS_WORKERS=<n> to choose the number of
 * worker processes (0 = render in this process).
 */
import { todayInJapan } from '../src/lib/recurrence.ts';
import { flyerFailures, flyerSummary, makeFlyers } from '../src/flyers/build.ts';
import { loadFlyerContent } from '../src/flyers/load.ts';
import { outDirOption } from './lib/out-dir.ts';

const root = process.cwd();
const outDir = outDirOption(process.argv.slice(2), root, 'dist');
const workers = process.env['FLYERS_WORKERS'];

const result = await makeFlyers(loadFlyerContent(root), {
  root,
  outDir,
  today: process.env['FLYERS_TODAY'] ?? todayInJapan(),
  ...(workers === undefined ? {} : { workers: Number(workers) }),
  fewInThisThread: true,
  log: (line) => console.log(line),
  warn: (line) => console.warn(`  ${line}`),
});
console.log(flyerSummary(result));
const failures = flyerFailures(result);
if (failures) {
  console.error(failures);
  process.exit(1);
}
