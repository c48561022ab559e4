/**
 * Issue 13: a report whose body looks like it holds a private person's data is pointed out by
 * the real `npm run check` and by Astro's own start-up (`astro sync` runs the integration that
 * `astro build` runs first), with the file, the line, what was found and why — and neither
 * stops: check exits 0. Once the entry states consent, the warning is gone.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, childEnv, copyFixtureProject, removeProject } from './helpers/project.ts';

const REPORT = 'content/reports/hidamari-2026-11.ja.md';
const WARNING = 'content/reports/hidamari-2026-11.ja.md:14: 報告の本文: 「090-****-5678」 — 携帯電話の番号のようです。';

let dir: string;
let original: string;
beforeAll(() => {
  dir = copyFixtureProject();
  original = readFileSync(join(dir, REPORT), 'utf8');
});
afterAll(() => removeProject(dir));

const run = (args: string[]) => {
  const result = spawnSync(process.execPath, args, { cwd: dir, encoding: 'utf8', env: childEnv() });
  return { status: result.status, output: result.stdout + result.stderr };
};
const check = () => run([join(dir, 'scripts/check.ts')]);
const astroSync = () => run([join(ROOT, 'node_modules/astro/bin/astro.mjs'), 'sync']);

describe('a mobile number in a report body', () => {
  it('is pointed out by npm run check and by the build, which both go on', () => {
    writeFileSync(join(dir, REPORT), `${original.trimEnd()}\n\n当日の連絡は090-1234-5678（山田）まで。\n`);
    const checked = check();
    expect(checked.status, checked.output).toBe(0);
    expect(checked.output).toContain(WARNING);
    expect(checked.output).toContain('内容に問題はありません。');
    const synced = astroSync();
    expect(synced.status, synced.output).toBe(0);
    expect(synced.output).toContain(WARNING);
  });

  it('is no longer pointed out once the entry says whose consent it has', () => {
    writeFileSync(
      join(dir, REPORT),
      `${original.trimEnd()}\n\n当日の連絡は090-1234-5678（山田）まで。\n`.replace(
        /\n---\n/,
        '\nprivacyConsent: 山田さん本人の了解を得た\n---\n',
      ),
    );
    const checked = check();
    expect(checked.status, checked.output).toBe(0);
    expect(checked.output).not.toContain('090-****-5678');
  });
});
