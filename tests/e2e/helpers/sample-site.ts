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
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { inject } from 'vitest';
import { buildProject, copyProject } from './project.ts';

const BUILT = '.sample-site-built';

/** The folder of a copy of this project whose dist/ is the built sample site. */
export async function sampleSite(): Promise<string> {
  const dir = inject('sampleSite');
  if (existsSync(join(dir, BUILT))) return dir;
  copyProject(dir);
  await buildProject(dir, { TZ: 'UTC' });
  writeFileSync(join(dir, BUILT), new Date().toISOString());
  return dir;
}
