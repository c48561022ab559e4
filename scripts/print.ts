/**
 * The second half of `npm run build`: renders the flyers and newsletter PDFs the build left in
 * its print queue (src/flyers/print-queue.ts), once Astro's process has ended and its memory is
 * free. scripts/build.mjs runs it when `astro build` succeeded and left a queue; the queue holds
 * the plans (models, keys, files), so nothing under content/ is read again.
 *
 *   node scripts/print.ts <queue file>
 *
 * Logs as Astro's does, so the build's log reads as one; exits 1 naming every file whose flyer
 * or PDF could not be made.
 */
import { printQueued, takePrintQueue } from '../src/flyers/print-queue.ts';

const file = process.argv[2];
if (!file) {
  console.error('使い方 / usage: node scripts/print.ts <queue file>');
  process.exit(2);
}
const time = () => new Date().toLocaleTimeString('en-GB', { hour12: false });
const failures = await printQueued(
  takePrintQueue(file),
  (line) => console.log(`${time()} [tsunagari] ${line}`),
  (line) => console.warn(`${time()} [WARN] [tsunagari] ${line}`),
);
if (failures.length) {
  console.error(failures.join('\n'));
  process.exit(1);
}
