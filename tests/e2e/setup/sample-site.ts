/**
 * vitest globalSetup of the e2e project: a folder for one build of the sample site that every
 * test file which only reads it shares (tests/e2e/helpers/sample-site.ts), instead of each
 * building its own — a build of the sample town is most of such a file's time. Nothing is built
 * here: the first file that asks builds it, so a run of one unrelated file pays nothing.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Where the shared sample site is (or will be) built: a copy of the project. */
    sampleSite: string;
  }
}

export default function setup(project: TestProject) {
  const dir = mkdtempSync(join(tmpdir(), 'tsunagari-sample-'));
  project.provide('sampleSite', dir);
  return () => rmSync(dir, { recursive: true, force: true });
}
