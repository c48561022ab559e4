/**
 * The real `astro build` and `npm run check` refuse each bad input with the same message the
 * validator gives, and build the valid fixture. Runs in a copy of the project whose content is
 * the minimal fixture, so nothing here touches the sample content.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BAD_INPUTS } from '../helpers/bad-inputs.ts';
import { FIXTURE } from '../helpers/fixture.ts';
import { ROOT, buildProject, childEnv, copyProject, removeProject } from './helpers/project.ts';

let dir: string;
beforeAll(() => {
  dir = copyProject();
  rmSync(join(dir, 'content'), { recursive: true });
  cpSync(join(FIXTURE, 'content'), join(dir, 'content'), { recursive: true });
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

describe('bad input stops the build and npm run check with the file, field, value and fix', () => {
  for (const bad of BAD_INPUTS) {
    it(bad.name, () => {
      const originals = Object.fromEntries(Object.keys(bad.files).map((f) => [f, readFileSync(join(dir, f), 'utf8')]));
      try {
        for (const [file, text] of Object.entries(bad.files)) {
          if (text === null) rmSync(join(dir, file));
          else writeFileSync(join(dir, file), text);
        }
        const build = astroBuild();
        expect(build.status, build.stdout + build.stderr).not.toBe(0);
        const checked = check();
        expect(checked.status).toBe(1);
        for (const line of bad.expected) {
          expect(build.stdout + build.stderr).toContain(line);
          expect(checked.stderr).toContain(line);
        }
      } finally {
        for (const [file, text] of Object.entries(originals)) writeFileSync(join(dir, file), text);
      }
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
