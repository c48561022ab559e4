/**
 * A translation behind its original (src/lib/content/staleness.ts): from the Git history, as a
 * save in Decap leaves it (a commit) and a fresh clone has it, with the working tree's
 * uncommitted state considered; only the translatable text counts.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  behindTranslations,
  changedText,
  translatedText,
  type TranslationPair,
} from '../../src/lib/content/staleness.ts';
import { describeFields } from '../../src/lib/schema/walk.ts';
import { salonSchema } from '../../src/schemas/salon.ts';
import { formatWarning } from '../../src/lib/validation/warnings.ts';

const fields = describeFields(salonSchema);
const ORIGINAL = 'content/salons/a.ja.md';
const ENGLISH = 'content/salons/a.en.md';
const pair: TranslationPair = { file: ENGLISH, original: ORIGINAL, locale: 'en', fields, frontMatter: true };
const salon = (title: string, time = '10:00', body = 'お茶をどうぞ。') =>
  `---\nid: a\ntitle: ${title}\nschedule:\n  startTime: '${time}'\nplace: kominkan\n---\n${body}\n`;

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function repo(): { dir: string; write: (file: string, text: string) => void; commit: (message: string) => void } {
  const dir = mkdtempSync(join(tmpdir(), 'tsunagari-stale-'));
  dirs.push(dir);
  const git = (...args: string[]) =>
    execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.jp', '-c', 'commit.gpgsign=false', ...args], {
      cwd: dir,
      stdio: 'pipe',
    });
  git('init', '-q');
  mkdirSync(join(dir, 'content/salons'), { recursive: true });
  return {
    dir,
    write: (file, text) => writeFileSync(join(dir, file), text),
    commit: (message) => {
      git('add', '-A');
      git('commit', '-q', '-m', message);
    },
  };
}

describe('the text a translator translates', () => {
  it('is the translatable fields and the body, not the schedule or the place', () => {
    expect(translatedText(salon('ひだまり'), fields, true)).toEqual({ title: 'ひだまり', body: 'お茶をどうぞ。' });
    expect(changedText({ title: 'a', body: 'b' }, { title: 'a', body: 'c', summary: 'd' })).toEqual([
      'body',
      'summary',
    ]);
    expect(translatedText('---\n: [\n---\n', fields, true)).toEqual({});
  });
});

describe('a translation behind its original, from Git', () => {
  it('is reported when the original’s text changed in a later commit, Japanese first, with what to do', () => {
    const r = repo();
    r.write(ORIGINAL, salon('ひだまりサロン'));
    r.write(ENGLISH, '---\ntitle: Hidamari Salon\n---\n');
    r.commit('both');
    r.write(ORIGINAL, salon('ひだまりサロン（お休み中）'));
    r.commit('original only, as a save in Decap commits it');
    const [warning, ...rest] = behindTranslations(r.dir, [pair]);
    expect(rest).toEqual([]);
    expect(formatWarning(warning!)).toMatch(
      /^content\/salons\/a\.en\.md:1: English: 「title」 — この翻訳（English）は元の日本語より古くなっています。content\/salons\/a\.ja\.md の「title」が、翻訳を書いたあと（[0-9a-f]{7}）に変わりました。元の日本語に合わせて翻訳を直して保存してください。 \/ this English translation is behind its original: title of content\/salons\/a\.ja\.md changed after it was last written \([0-9a-f]{7}\); update the translation to match and save it\.$/,
    );
  });

  it('counts an uncommitted change to the original, and not one to the schedule only', () => {
    const r = repo();
    r.write(ORIGINAL, salon('ひだまりサロン'));
    r.write(ENGLISH, '---\ntitle: Hidamari Salon\n---\n');
    r.commit('both');
    r.write(ORIGINAL, salon('ひだまりサロン', '13:30'));
    expect(behindTranslations(r.dir, [pair])).toEqual([]);
    r.write(ORIGINAL, salon('ひだまりサロン', '13:30', 'お茶とお菓子をどうぞ。'));
    expect(behindTranslations(r.dir, [pair]).map((w) => w.shown)).toEqual(['body']);
  });

  it('is not reported once the translation is saved after the original, or while it is being edited', () => {
    const r = repo();
    r.write(ORIGINAL, salon('ひだまりサロン'));
    r.write(ENGLISH, '---\ntitle: Hidamari Salon\n---\n');
    r.commit('both');
    r.write(ORIGINAL, salon('ひだまりサロン（お休み中）'));
    r.commit('original');
    r.write(ENGLISH, '---\ntitle: Hidamari Salon (paused)\n---\n');
    expect(behindTranslations(r.dir, [pair])).toEqual([]);
    r.commit('translation updated');
    expect(behindTranslations(r.dir, [pair])).toEqual([]);
  });

  it('says nothing of a translation Git does not know yet, or without Git', () => {
    const r = repo();
    r.write(ORIGINAL, salon('ひだまりサロン'));
    r.commit('original');
    r.write(ENGLISH, '---\ntitle: Hidamari Salon\n---\n');
    expect(behindTranslations(r.dir, [pair])).toEqual([]);
    const plain = mkdtempSync(join(tmpdir(), 'tsunagari-nogit-'));
    dirs.push(plain);
    expect(behindTranslations(plain, [pair])).toEqual([]);
  });
});
