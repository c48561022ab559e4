/**
 * `npm run build` is scripts/build.mjs, which runs `astro build` with glibc's malloc held to two
 * arenas and mimalloc returning what it frees: the script hands Astro the variables (a value
 * already set wins) and its arguments, and the bench still knows the script for the Astro stage
 * (the one that makes the flyers), and renders what the build left to print once Astro's process
 * has ended (scripts/print.ts). `npm start` (scripts/start.mjs) runs the dev server with the
 * same variables (scripts/lib/allocators.mjs).
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildStages } from '../../scripts/bench/stages.ts';
import { removeFixtureCopies, tempFolder } from '../helpers/fixture.ts';

const root = process.cwd();
/** The scripts under test and what they import, as a fake project gets them. */
const SCRIPTS = ['build.mjs', 'start.mjs', join('lib', 'allocators.mjs')];

afterAll(removeFixtureCopies);

/**
 * A project whose `astro` prints what it was given, so the script runs without building (or runs
 * `astro`, a script of its own).
 */
function fakeProject(astro?: string): string {
  const dir = tempFolder('tsunagari-build-script-');
  mkdirSync(join(dir, 'scripts', 'lib'), { recursive: true });
  for (const name of SCRIPTS) writeFileSync(join(dir, 'scripts', name), readFileSync(join(root, 'scripts', name)));
  // npm start's other server: here one that waits until the script stops it.
  writeFileSync(join(dir, 'scripts', 'cms-server.ts'), 'setInterval(() => {}, 1000);');
  writeFileSync(join(dir, 'package.json'), '{"type":"module"}');
  const astroDir = join(dir, 'node_modules', 'astro');
  mkdirSync(join(astroDir, 'bin'), { recursive: true });
  writeFileSync(join(astroDir, 'package.json'), '{"name":"astro","version":"0.0.0"}');
  writeFileSync(
    join(astroDir, 'bin', 'astro.mjs'),
    astro ??
      `const e = process.env;
console.log(JSON.stringify({ args: process.argv.slice(2), arenas: e.MALLOC_ARENA_MAX ?? null, purgeDelay: e.MIMALLOC_PURGE_DELAY ?? null, eagerCommit: e.MIMALLOC_ARENA_EAGER_COMMIT ?? null }));
process.exit(3);`,
  );
  return dir;
}

const VARIABLES = ['MALLOC_ARENA_MAX', 'MIMALLOC_PURGE_DELAY', 'MIMALLOC_ARENA_EAGER_COMMIT'];

/** Runs a script with this machine's environment less the variables it sets, plus `env`. */
function run(dir: string, env: Record<string, string> = {}, script = 'build.mjs') {
  const inherited = { ...process.env };
  for (const name of VARIABLES) delete inherited[name];
  const result = spawnSync(process.execPath, [join(dir, 'scripts', script), '--verbose'], {
    cwd: dir,
    env: { ...inherited, ...env },
    encoding: 'utf8',
    timeout: 60_000,
  });
  // npm start also prints where the site is: the fake astro's line is the JSON one.
  const printed = result.stdout.split('\n').find((line) => line.startsWith('{')) ?? 'null';
  return {
    status: result.status,
    out: JSON.parse(printed) as {
      args: string[];
      arenas: string | null;
      purgeDelay: string | null;
      eagerCommit: string | null;
    },
  };
}

describe('npm run build', () => {
  it('runs astro build with two malloc arenas, mimalloc returning memory, its arguments and its exit code', () => {
    const { status, out } = run(fakeProject());
    expect(status).toBe(3);
    expect(out).toEqual({ args: ['build', '--verbose'], arenas: '2', purgeDelay: '0', eagerCommit: '0' });
  });

  it('keeps the values already set', () => {
    const { out } = run(fakeProject(), {
      MALLOC_ARENA_MAX: '8',
      MIMALLOC_PURGE_DELAY: '10',
      MIMALLOC_ARENA_EAGER_COMMIT: '1',
    });
    expect(out).toMatchObject({ arenas: '8', purgeDelay: '10', eagerCommit: '1' });
  });

  /** A project whose astro leaves a print queue (or not) and exits with `code`, and whose printing says what it got. */
  function printingProject(code: number, leavesQueue: boolean): string {
    const dir = fakeProject(`import { existsSync, writeFileSync } from 'node:fs';
const queue = process.env.TSUNAGARI_PRINT_QUEUE;
console.log('stale queue: ' + existsSync(queue));
if (${leavesQueue}) writeFileSync(queue, 'plans');
process.exit(${code});`);
    writeFileSync(
      join(dir, 'scripts', 'print.ts'),
      `import { readFileSync } from 'node:fs';
console.log('printed ' + readFileSync(process.argv[2], 'utf8'));
process.exit(5);`,
    );
    // An earlier build's queue, left by a build that stopped: never this one's.
    mkdirSync(join(dir, '.cache'));
    writeFileSync(join(dir, '.cache', 'print-queue.v8'), 'old plans');
    return dir;
  }
  const build = (dir: string) => {
    const env = { ...process.env };
    delete env['TSUNAGARI_PRINT_QUEUE'];
    return spawnSync(process.execPath, [join(dir, 'scripts', 'build.mjs')], {
      cwd: dir,
      env,
      encoding: 'utf8',
      timeout: 60_000,
    });
  };

  it('prints what astro build left in its queue once it has ended, with the printing’s exit code', () => {
    const result = build(printingProject(0, true));
    expect(result.stdout).toContain('stale queue: false');
    expect(result.stdout).toContain('printed plans');
    expect(result.status).toBe(5);
  });

  it('prints nothing when astro build failed or left nothing to print', () => {
    const failed = build(printingProject(2, true));
    expect(failed.status).toBe(2);
    expect(failed.stdout).not.toContain('printed');
    const nothing = build(printingProject(0, false));
    expect(nothing.status).toBe(0);
    expect(nothing.stdout).not.toContain('printed');
  });

  it('is the bench’s Astro stage, the one that makes the flyers', () => {
    const scripts = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).scripts;
    expect(scripts.build).toBe('node scripts/build.mjs');
    const astro = buildStages(root).find((s) => s.name === 'astro');
    expect(astro).toMatchObject({ command: 'node scripts/build.mjs', makesFlyers: true });
  });
});

describe('npm start', () => {
  it('runs astro dev with the build’s allocator settings, its arguments and its exit code', () => {
    const { status, out } = run(fakeProject(), {}, 'start.mjs');
    expect(status).toBe(3);
    expect(out).toEqual({ args: ['dev', '--verbose'], arenas: '2', purgeDelay: '0', eagerCommit: '0' });
  });

  it('keeps the values already set', () => {
    const { out } = run(fakeProject(), { MALLOC_ARENA_MAX: '4', MIMALLOC_PURGE_DELAY: '100' }, 'start.mjs');
    expect(out).toMatchObject({ arenas: '4', purgeDelay: '100', eagerCommit: '0' });
  });
});
