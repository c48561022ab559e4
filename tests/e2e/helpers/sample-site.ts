/**
 * The sample site, built once per test run and shared by the test files that only read it
 * (serve dist/, read its files, open it in Chromium): see tests/e2e/setup/sample-site.ts. A test
 * that changes content, settings or the environment before building makes its own copy
 * (copyProject) instead.
 *
 * It is built with TZ=UTC, as tests/e2e/site.test.ts and newsletters.test.ts always built theirs:
 * pages are Japan time whatever the machine's zone (site.test.ts builds again in Los Angeles
 * and compares), so every reader gets the same pages as before, and the run does not depend on
 * the CI machine's zone.
 */
import { cpSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { inject } from 'vitest';
import { prepareOnce } from './prepare-once.ts';
import { buildProject, copyProject } from './project.ts';

/**
 * The folder of a copy of this project whose dist/ is the built sample site. Built by the first
 * caller only, however many ask at once (prepare-once.ts): two files copying into the folder
 * together failed with EEXIST.
 */
export async function sampleSite(): Promise<string> {
  const dir = inject('sampleSite');
  await prepareOnce(dir, async () => {
    copyProject(dir);
    // On the day itself, whichever file asks first: cms.test.ts and flyers-dev.test.ts fix
    // FLYERS_TODAY in their own process, and a rerun (vitest runs the slow and failed files
    // first) once built the shared site for that day, a past event's flyer still current.
    await buildProject(dir, { TZ: 'UTC', FLYERS_TODAY: undefined });
  });
  return dir;
}

/** The shared build's caches of finished output, each kept under a hash of its inputs (.cache/<name>/). */
const OUTPUT_CACHES = ['flyers', 'newsletters', 'bosai-memo', 'photos', 'uploads', 'furigana'];

/**
 * Gives `dir`, a copy of the sample whose content or settings a test changes before building it,
 * the shared build's finished output: flyers, newsletter and 防災メモ PDFs and re-encoded photos
 * (OUTPUT_CACHES, ふりがな's readings too) and Astro's optimized images (node_modules/.astro/assets/). Each is kept under
 * a hash of its inputs, so the copy's build still makes everything its changes touch and takes
 * the rest from the cache, as a volunteer's second build does; without them, rendering every
 * flyer and image again was most of such a build's time. Nothing about content is copied (Astro's
 * content store, a cache of parsed files): the build reads and validates all content itself.
 * `flyers: false` leaves out the flyers, for a test of their own rendering.
 */
export async function withSampleCaches(dir: string, { flyers = true } = {}): Promise<void> {
  const sample = await sampleSite();
  for (const name of OUTPUT_CACHES.filter((n) => flyers || n !== 'flyers')) {
    const from = join(sample, '.cache', name);
    if (existsSync(from)) cpSync(from, join(dir, '.cache', name), { recursive: true });
  }
  const assets = 'node_modules/.astro/assets';
  if (existsSync(join(sample, assets))) cpSync(join(sample, assets), join(dir, assets), { recursive: true });
}
