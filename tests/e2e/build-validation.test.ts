/**
 * The real `astro build` and `npm run check` refuse each bad input with the same message the
 * validator gives, and build the valid fixture. Runs in a copy of the project whose content is
 * the minimal fixture, so nothing here touches the sample content.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BAD_INPUTS } from '../helpers/bad-inputs.ts';
import { acceptedCases, refusedCases } from '../helpers/corpus.ts';
import { ROOT, buildProject, childEnv, copyFixtureProject, removeProject } from './helpers/project.ts';
import { withoutReadings } from './helpers/readings.ts';

/**
 * The cases run in two copies of the fixture project, a case in each at a time: a case is a build
 * and a check, Node processes that mostly use one core each, so one copy alone left CI's second
 * core idle for most of this file. `dir` is the first copy, for the tests that run on their own.
 */
const copies: string[] = [];
let dir: string;
/** The copies no case is using, and the cases waiting for one. */
const idle: string[] = [];
beforeAll(() => {
  copies.push(copyFixtureProject(), copyFixtureProject());
  idle.push(...copies);
  dir = copies[0] as string;
});
afterAll(() => copies.forEach(removeProject));

const waiting: ((copy: string) => void)[] = [];
/** Runs `body` in a copy no other case uses meanwhile, once one is free. */
async function inCopy<T>(body: (copy: string) => Promise<T>): Promise<T> {
  const copy = idle.pop() ?? (await new Promise<string>((resolve) => waiting.push(resolve)));
  try {
    return await body(copy);
  } finally {
    const next = waiting.shift();
    if (next) next(copy);
    else idle.push(copy);
  }
}

interface Ran {
  status: number | null;
  stdout: string;
  stderr: string;
}
/** Runs a Node script in `cwd` without blocking, so the other copy's case runs meanwhile. */
const node = (cwd: string, args: string[]) =>
  new Promise<Ran>((done, fail) => {
    const child = spawn(process.execPath, args, { cwd, env: childEnv(), stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.once('error', fail);
    child.once('close', (status) => done({ status, stdout, stderr }));
  });
const ASTRO = join(ROOT, 'node_modules/astro/bin/astro.mjs');
const astroBuild = (cwd: string) => node(cwd, [ASTRO, 'build']);
const check = (cwd: string) => node(cwd, [join(cwd, 'scripts/check.ts')]);
const astroSync = () => spawnSync(process.execPath, [ASTRO, 'sync'], { cwd: dir, encoding: 'utf8', env: childEnv() });

describe('the build on the valid fixture', () => {
  it('builds a page for every entry', async () => {
    await buildProject(dir);
    for (const page of [
      'events/bousai',
      'salons/hidamari',
      'recruitments/bousai-staff',
      'reports/hidamari-2026-11',
      'places/kominkan',
      'districts/honcho-1',
    ])
      expect(existsSync(join(dir, 'dist', page, 'index.html')), page).toBe(true);
    expect(withoutReadings(readFileSync(join(dir, 'dist/events/bousai/index.html'), 'utf8'))).toContain(
      '東地区防災訓練',
    );
    expect((await check(dir)).status).toBe(0);
  });
});

/**
 * Lays `files` over the project copy `dir` (null removes a file), runs `body`, and puts back exactly
 * what was there before, new files removed, so every case starts from the valid fixture.
 */
async function withFiles<T>(
  dir: string,
  files: Record<string, string | Uint8Array | null>,
  body: () => Promise<T>,
): Promise<T> {
  const originals = Object.fromEntries(
    Object.keys(files).map((f) => [f, existsSync(join(dir, f)) ? readFileSync(join(dir, f)) : null]),
  );
  const write = (file: string, data: string | Uint8Array | null) => {
    const path = join(dir, file);
    if (data === null) rmSync(path, { force: true });
    else {
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(path, data);
    }
  };
  try {
    for (const [file, data] of Object.entries(files)) write(file, data);
    return await body();
  } finally {
    for (const [file, data] of Object.entries(originals)) write(file, data);
  }
}

// Concurrent: the cases take turns at the copies (inCopy), each case in a copy of its own; the
// build and the check of a case read the same files and run side by side.
describe.concurrent('bad input stops the build and npm run check with the file, field, value and fix', () => {
  const cases = [...BAD_INPUTS, ...refusedCases().map((c) => ({ ...c, name: `corpus ${c.id}: ${c.name}` }))];
  for (const bad of cases) {
    it(bad.name, async ({ expect }) => {
      await inCopy((copy) =>
        withFiles(copy, bad.files, async () => {
          const [build, checked] = await Promise.all([astroBuild(copy), check(copy)]);
          expect(build.status, build.stdout + build.stderr).not.toBe(0);
          expect(checked.status).toBe(1);
          for (const line of bad.expected) {
            expect(build.stdout + build.stderr).toContain(line);
            expect(checked.stderr).toContain(line);
          }
        }),
      );
    });
  }
});

describe.concurrent(
  'input that looks odd but is valid passes npm run check and the whole build (pages and flyers)',
  () => {
    for (const good of acceptedCases()) {
      it(`corpus ${good.id}: ${good.name}`, async ({ expect }) => {
        await inCopy((copy) =>
          withFiles(copy, good.files, async () => {
            const [checked, build] = await Promise.all([check(copy), astroBuild(copy)]);
            expect(checked.status, checked.stdout + checked.stderr).toBe(0);
            // The build makes the flyers too (src/integrations/flyers.ts) and fails if one cannot be made.
            expect(build.status, build.stdout + build.stderr).toBe(0);
            expect(build.stdout + build.stderr).toMatch(/flyers: \d+ rendered, \d+ skipped/);
          }),
        );
      });
    }
  },
);

describe('missing site settings', () => {
  const settings = 'content/settings/site.yml';
  const bad = BAD_INPUTS.find((b) => b.files[settings] === null);

  it('stop the content loader too (astro dev and sync, which only log validation) with the same words', () => {
    expect(bad).toBeDefined();
    const original = readFileSync(join(dir, settings), 'utf8');
    try {
      rmSync(join(dir, settings));
      const sync = astroSync();
      const output = sync.stdout + sync.stderr;
      expect(sync.status, output).not.toBe(0);
      for (const line of bad?.expected ?? []) expect(output).toContain(line);
      expect(output).not.toContain('ENOENT');
    } finally {
      writeFileSync(join(dir, settings), original);
    }
  });
});
