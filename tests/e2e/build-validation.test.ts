/**
 * The real `astro build` and `npm run check` refuse each bad input with the same message the
 * validator gives, and build the valid fixture. Runs in a copy of the project whose content is
 * the minimal fixture, so nothing here touches the sample content.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BAD_INPUTS } from '../helpers/bad-inputs.ts';
import { acceptedCases, refusedCases } from '../helpers/corpus.ts';
import { ROOT, buildProject, childEnv, copyFixtureProject, removeProject } from './helpers/project.ts';

let dir: string;
beforeAll(() => {
  dir = copyFixtureProject();
});
afterAll(() => removeProject(dir));

const astroBuild = () =>
  spawnSync(process.execPath, [join(ROOT, 'node_modules/astro/bin/astro.mjs'), 'build'], {
    cwd: dir,
    encoding: 'utf8',
    env: childEnv(),
  });
const astroSync = () =>
  spawnSync(process.execPath, [join(ROOT, 'node_modules/astro/bin/astro.mjs'), 'sync'], {
    cwd: dir,
    encoding: 'utf8',
    env: childEnv(),
  });
const check = () =>
  spawnSync(process.execPath, [join(dir, 'scripts/check.ts')], { cwd: dir, encoding: 'utf8', env: childEnv() });

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
    expect(readFileSync(join(dir, 'dist/events/bousai/index.html'), 'utf8')).toContain('東地区防災訓練');
    expect(check().status).toBe(0);
  });
});

/**
 * Lays `files` over the project copy (null removes a file), runs `body`, and puts back exactly
 * what was there before, new files removed, so every case starts from the valid fixture.
 */
function withFiles<T>(files: Record<string, string | Uint8Array | null>, body: () => T): T {
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
    return body();
  } finally {
    for (const [file, data] of Object.entries(originals)) write(file, data);
  }
}

describe('bad input stops the build and npm run check with the file, field, value and fix', () => {
  const cases = [...BAD_INPUTS, ...refusedCases().map((c) => ({ ...c, name: `corpus ${c.id}: ${c.name}` }))];
  for (const bad of cases) {
    it(bad.name, () => {
      withFiles(bad.files, () => {
        const build = astroBuild();
        expect(build.status, build.stdout + build.stderr).not.toBe(0);
        const checked = check();
        expect(checked.status).toBe(1);
        for (const line of bad.expected) {
          expect(build.stdout + build.stderr).toContain(line);
          expect(checked.stderr).toContain(line);
        }
      });
    });
  }
});

describe('input that looks odd but is valid passes npm run check and the whole build (pages and flyers)', () => {
  for (const good of acceptedCases()) {
    it(`corpus ${good.id}: ${good.name}`, () => {
      withFiles(good.files, () => {
        const checked = check();
        expect(checked.status, checked.stdout + checked.stderr).toBe(0);
        // The build makes the flyers too (src/integrations/flyers.ts) and fails if one cannot be made.
        const build = astroBuild();
        expect(build.status, build.stdout + build.stderr).toBe(0);
        expect(build.stdout + build.stderr).toMatch(/flyers: \d+ rendered, \d+ skipped/);
      });
    });
  }
});

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
