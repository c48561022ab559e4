/**
 * Issue 18, items 2, 3 and 5: the count, SDGs and application fields refuse what a volunteer
 * gets wrong with one Japanese-first message naming the file, field, value and fix.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { validateContent } from '../../src/lib/validation/validate.ts';
import { formatProblem } from '../../src/lib/validation/messages.ts';
import { FIXTURE, fixtureCopy, removeFixtureCopies } from '../helpers/fixture.ts';

afterEach(removeFixtureCopies);

const REPORT = 'content/reports/hidamari-2026-11.ja.md';
const RECRUITMENT = 'content/recruitments/bousai-staff.ja.md';
function edit(path: string, from: string, to: string): Record<string, string> {
  const text = readFileSync(join(FIXTURE, path), 'utf8');
  if (!text.includes(from)) throw new Error(`${path} does not contain ${JSON.stringify(from)}`);
  return { [path]: text.replace(from, to) };
}
const report = (extra: string) => edit(REPORT, 'participants: 18', `participants: 18\n${extra}`);
const recruitment = (extra: string) =>
  edit(RECRUITMENT, 'howToApply: 社協へお電話ください。', `howToApply: 社協へお電話ください。\n${extra}`);
const problems = (files: Record<string, string>) => validateContent(fixtureCopy(files)).problems.map(formatProblem);

describe('count fields', () => {
  it('refuse a negative count', () => {
    expect(problems(report('volunteers: -2'))).toEqual([
      'content/reports/hidamari-2026-11.ja.md: volunteers（ボランティア数（人））: 「-2」 — 0以上にしてください。 / must be at least 0.',
    ]);
  });
  it('refuse 開催回数 written in kanji', () => {
    expect(problems(report('timesHeld: 二'))).toEqual([
      'content/reports/hidamari-2026-11.ja.md: timesHeld（開催回数（回））: 「二」 — 数字で書いてください。 / expected a number.',
    ]);
  });
  it('refuse counts by audience that add up to more than the participants', () => {
    expect(
      problems(report('audienceCounts:\n  - audience: elderly\n    count: 15\n  - audience: children\n    count: 5')),
    ).toEqual([
      'content/reports/hidamari-2026-11.ja.md: audienceCounts（対象ごとの参加者数（わかれば））: 対象ごとの参加者数の合計（20人）が参加者数（18人）より多くなっています。どちらかの数を直してください。 / the counts by audience add up to 20, more than the 18 participants; correct one of them.',
    ]);
  });
  it('refuse an audience listed twice, naming it in Japanese', () => {
    expect(
      problems(report('audienceCounts:\n  - audience: elderly\n    count: 5\n  - audience: elderly\n    count: 3')),
    ).toEqual([
      'content/reports/hidamari-2026-11.ja.md: audienceCounts[2].audience（対象）: 「elderly」 — 対象「高齢の方」が2回出てきます。1つにまとめてください。 / the audience elderly is listed twice; merge the two lines.',
    ]);
  });
  it('accept counts that fit', () => {
    expect(
      problems(report('volunteers: 4\ntimesHeld: 2\naudienceCounts:\n  - audience: elderly\n    count: 15')),
    ).toEqual([]);
  });
});

describe('SDGs goals', () => {
  it('accept the numbers as the CMS writes them and as typed by hand', () => {
    expect(problems(report('sdgs:\n  - "3"\n  - 11'))).toEqual([]);
  });
  it('refuse a goal 18, listing the 17 with their Japanese names', () => {
    const [message] = problems(report('sdgs:\n  - 18'));
    expect(message).toMatch(
      /^content\/reports\/hidamari-2026-11\.ja\.md: sdgs\[1\]（SDGs（持続可能な開発目標））: 「18」 — 選べる値ではありません。次のどれかにしてください: 1（貧困をなくそう）、.*17（パートナーシップで目標を達成しよう）。 \/ not an allowed value/,
    );
  });
});

describe('ways to apply', () => {
  it('refuse a javascript: form address', () => {
    expect(problems(recruitment('applyBy:\n  form: javascript:alert(1)'))).toEqual([
      'content/recruitments/bousai-staff.ja.md: applyBy.form（申し込みフォームのURL）: 「javascript:alert(1)」 — 書き方が違います。http:// か https:// で始まるアドレスを書いてください。 / wrong format; write an address starting with http:// or https://.',
    ]);
  });
  it('refuse an e-mail address without a domain, and one with mailto:', () => {
    expect(problems(recruitment('applyBy:\n  email: info@example'))).toEqual([
      'content/recruitments/bousai-staff.ja.md: applyBy.email（申し込みのメールアドレス）: 「info@example」 — 書き方が違います。メールアドレスの形で書いてください（例: info@example.jp。mailto: や空白、全角文字は入れません）。 / wrong format; write an e-mail address (e.g. info@example.jp), without mailto:, spaces or full-width characters.',
    ]);
    expect(problems(recruitment('applyBy:\n  email: mailto:info@example.jp'))).toHaveLength(1);
  });
  it('refuse a LINE address that is not an official account’s friend-add URL', () => {
    expect(problems(recruitment('applyBy:\n  line: https://example.com/line'))).toEqual([
      "content/recruitments/bousai-staff.ja.md: applyBy.line（LINE公式アカウントのURL）: 「https://example.com/line」 — 書き方が違います。LINE公式アカウントの友だち追加のURL（https://lin.ee/… か https://line.me/R/ti/p/@… ）を書いてください。 / wrong format; write the LINE official account's friend-add URL (https://lin.ee/… or https://line.me/R/ti/p/@…).",
    ]);
    expect(problems(recruitment('applyBy:\n  line: http://lin.ee/abc'))).toHaveLength(1);
  });
  it('accept every way LINE gives out, a form, an e-mail, a phone and a counter', () => {
    for (const line of [
      'https://lin.ee/abcDEF1',
      'https://line.me/R/ti/p/@tsunagute',
      'https://line.me/R/ti/p/%40tsunagute',
    ])
      expect(
        problems(
          recruitment(
            `applyBy:\n  form: https://forms.example.jp/a\n  email: a.b+c@example.jp\n  line: ${line}\n  phone: 0123-45-6789\n  inPerson: 社協の窓口（平日9時から17時）`,
          ),
        ),
        line,
      ).toEqual([]);
  });
  it('refuse a tag written in Japanese, naming the allowed ones', () => {
    expect(problems(recruitment('tags:\n  - 土日'))).toEqual([
      'content/recruitments/bousai-staff.ja.md: tags[1]（参加しやすさ）: 「土日」 — 選べる値ではありません。次のどれかにしてください: once-ok（1回だけOK）、weekends（土日）、weekday-evenings（平日夜）、remote（在宅・オンライン）、beginners（初めての方歓迎）、kids-ok（子ども連れOK）。 / not an allowed value; use one of: once-ok, weekends, weekday-evenings, remote, beginners, kids-ok.',
    ]);
  });
});
