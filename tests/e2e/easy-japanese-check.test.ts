/**
 * Issue 16, item 3: a やさしい日本語 translation with hard text is pointed out by the real
 * `npm run check` and by `astro build`, each line with the file, the line, the field, the rule
 * and what to write instead — and neither stops: check exits 0 and the site is built (the build
 * reads translation files without making pages of them yet).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildProject, childEnv, copyFixtureProject, removeProject } from './helpers/project.ts';

const FILE = 'content/salons/hidamari.ja-easy.md';
const TEXT = `---
title: ひだまりサロン（あつまって はなす かい）
summary: 毎月 第2水曜日 14:00からです。
---
まいしゅう あいましょう。

訓練を実施します。
`;
const EXPECTED = [
  `${FILE}:3: ひとこと紹介: 「14:00」 — 【日付・時間の書き方】日付と時間は「2026年12月5日（土曜日）午後2時」のように書いてください。→ 午後2時（easy-ja/date-time）`,
  `${FILE}:7: 詳しい内容: 「実施」 — 【むずかしいことば】むずかしいことばです。やさしいことばにするか、（\u3000）で説明してください。→ します／やります（easy-ja/hard-word）`,
];

let dir: string;
beforeAll(() => {
  dir = copyFixtureProject();
  writeFileSync(join(dir, FILE), TEXT);
});
afterAll(() => removeProject(dir));

describe('hard やさしい日本語 in a translation', () => {
  it('is pointed out by npm run check with file, line, field, rule and suggestion; check passes', () => {
    const result = spawnSync(process.execPath, [join(dir, 'scripts/check.ts')], {
      cwd: dir,
      encoding: 'utf8',
      env: childEnv(),
    });
    const output = result.stdout + result.stderr;
    expect(result.status, output).toBe(0);
    for (const line of EXPECTED) expect(output).toContain(line);
    expect(output).toContain('内容に問題はありません。');
  });

  it('is pointed out by the build, which goes on and makes the site', async () => {
    const output = await buildProject(dir);
    for (const line of EXPECTED) expect(output).toContain(line);
    expect(existsSync(join(dir, 'dist/salons/hidamari/index.html'))).toBe(true);
  });
});
