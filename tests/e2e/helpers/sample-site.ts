/**
 * The sample site, built once per test run and shared by the test files that only read it
 * (serve dist/, read its files, open it in Chromium): see tests/e2e/setup/sample-site.ts. A test
 * that changes content, settings or the environment before building makes its own copy
 * (copyProject) instead.
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
  await buildProject(dir);
  writeFileSync(join(dir, BUILT), new Date().toISOString());
  return dir;
}
