/**
 * The やさしい日本語 checker (issue 16, item 3): one hard sample per rule, flagged by that rule
 * with its Japanese name and a suggestion; the plain rules' details (explained words, dates and
 * their plain form); front matter lines; the warning line that check and the build print; and
 * the sample `ja-easy` files in content/ pass.
 */
import { existsSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { lintEasyJapanese, PLAIN_RULES } from '../../src/lib/easy-japanese/lint.ts';
import { ALL_RULES } from '../../src/lib/easy-japanese/node-rules.ts';
import { describeFinding, RULE_TEXTS } from '../../src/lib/easy-japanese/messages.ts';
import {
  findHardWords,
  findUnexplainedKatakana,
  findUnplainDates,
  plainHour,
} from '../../src/lib/easy-japanese/plain-rules.ts';
import {
  easyJapaneseCache,
  easyJapaneseFiles,
  easyJapaneseWarnings,
  frontMatterTexts,
} from '../../src/lib/easy-japanese/content.ts';
import type { FileResult, ValidationCache } from '../../src/lib/validation/cache.ts';
import { fixtureCopy, removeFixtureCopies } from '../helpers/fixture.ts';
import { formatWarning } from '../../src/lib/validation/warnings.ts';
import { checkDraft, checkText, draftTexts } from '../../src/lib/easy-japanese/draft.ts';
import { easyDraft } from '../../admin/preview.ts';

const ROOT = resolve(import.meta.dirname, '../..');

/** One text per rule that only that rule's kind of difficulty makes hard, and what it finds. */
const SAMPLES: [rule: string, text: string, found: string, suggestion: RegExp][] = [
  [
    'sentence-length',
    'この文はとても長いので読む人がつかれてしまいますし途中で何の話だったのかわからなくなります。',
    'この文はとても長いので読む人がつかれてしまいま…',
    /分ける/,
  ],
  ['max-kanji-continuous-len', 'こくみん健康保険料です。', '健康保険料', /ことばに分けて/],
  ['no-double-negative-ja', 'それは わからないことはないです。', '〜ないことはない', /肯定/],
  ['ja-hiragana-keishikimeishi', 'みた事が あります。', '事', /^こと$/],
  ['ja-hiragana-fukushi', '敢えて いいます。', '敢えて', /^あえて$/],
  ['ja-hiragana-hojodoushi', 'ほんを よんで頂きます。', '頂き', /^いただき$/],
  ['ja-hiragana-daimeishi', '何処に いきますか。', '何処', /^どこ$/],
  ['easy-ja/hard-word', 'くんれんを 実施します。', '実施', /^します／やります$/],
  ['easy-ja/katakana', 'パーティションを つかいます。', 'パーティション', /パーティション（/],
  ['easy-ja/date-time', '10:00に あつまります。', '10:00', /^午前10時$/],
  ['easy-ja/keigo', 'せんせいが いらっしゃいます。', 'いらっしゃい', /いる/],
  ['easy-ja/passive', 'かいが 開かれます。', '開かれ', /ことが できます/],
];

describe('one sample per rule', () => {
  // kuromoji's dictionary loads once per process, in seconds on a loaded machine.
  beforeAll(() => lintEasyJapanese('あ', ALL_RULES), 180_000);

  it('covers every rule the checker runs', () => {
    expect(SAMPLES.map(([rule]) => rule).sort()).toEqual(ALL_RULES.map((r) => r.ruleId).sort());
    expect(Object.keys(RULE_TEXTS).sort()).toEqual(ALL_RULES.map((r) => r.ruleId).sort());
  });

  it.each(SAMPLES)('%s flags 「%s」 with its name and a suggestion', async (rule, text, found, suggestion) => {
    const findings = await lintEasyJapanese(text, ALL_RULES);
    const mine = findings.filter((f) => f.rule === rule);
    expect(mine, JSON.stringify(findings)).toHaveLength(1);
    const [f] = mine;
    expect(f?.found).toBe(found);
    expect(f?.name).toBe(RULE_TEXTS[rule]?.name);
    expect(f?.suggestion).toMatch(suggestion);
    expect(f?.line).toBe(1);
    // Only the kind of difficulty the sample was written for (hojodoushi's 頂く is keigo too).
    const others = findings.filter(
      (x) => x.rule !== rule && !(rule === 'ja-hiragana-hojodoushi' && x.rule === 'easy-ja/keigo'),
    );
    expect(others.map(describeFinding)).toEqual([]);
  });

  it('leaves plain やさしい日本語 alone', async () => {
    const text = 'にほんごで はなしましょう。\n\nまいしゅう 土曜日、午前10時から あります。おかねは いりません。';
    expect(await lintEasyJapanese(text, ALL_RULES)).toEqual([]);
  });

  it('gives line and column in the text, in Markdown', async () => {
    const [f] = await lintEasyJapanese('# おしらせ\n\n- あさ 9:30に きて ください。\n', PLAIN_RULES);
    expect(f).toMatchObject({
      rule: 'easy-ja/date-time',
      line: 3,
      column: 6,
      found: '9:30',
      suggestion: '午前9時30分',
    });
  });
});

describe('plain rules (also run by the CMS preview)', () => {
  it('takes a word explained in brackets right after it as explained', () => {
    expect(findHardWords('避難（にげる こと）します')).toEqual([]);
    expect(findUnexplainedKatakana('サロン(あつまり)です')).toEqual([]);
    expect(findHardWords('避難します').map((f) => f.found)).toEqual(['避難']);
  });

  it('reports a longer word once, not the shorter one inside it', () => {
    expect(findHardWords('おそれがあります').map((f) => f.found)).toEqual(['おそれがあります']);
  });

  it('knows everyday katakana and country names, and finds unknown ones joined by ・', () => {
    expect(findUnexplainedKatakana('バスと テレビ、ベトナム・ブラジル')).toEqual([]);
    expect(findUnexplainedKatakana('ワークショップ・イベント').map((f) => f.found)).toEqual([
      'ワークショップ・イベント',
    ]);
  });

  it.each([
    ['2026-12-05', '2026年12月5日'],
    ['2026/12/05', '2026年12月5日'],
    ['12/5', '12月5日'],
    ['14:00', '午後2時'],
    ['9:30', '午前9時30分'],
    ['17時', '午後5時'],
    ['（土）', '（土曜日）'],
    ['(祝)', '（祝日）'],
    ['令和8年', '2026年'],
    ['平成元年', '1989年'],
  ])('writes %s as %s', (text, plain) => {
    expect(findUnplainDates(`${text}です`).map((f) => f.suggestion)).toEqual([plain]);
  });

  it('leaves dates written plainly alone', () => {
    expect(findUnplainDates('2026年12月5日（土曜日）午後2時から 10時まで')).toEqual([]);
  });

  it('says noon and midnight the way the guideline does', () => {
    expect([plainHour(0), plainHour(12, 5), plainHour(23)]).toEqual(['午前0時', '午後0時5分', '午後11時']);
  });
});

describe('translation files', () => {
  it('finds the front matter text values at their file lines, leaving dates and ids', () => {
    const text =
      '---\ntitle: にほんご\nstart: 2027-01-17T09:00\nhelpsWith:\n  - てつづき\n  - がっこう\n---\nほんぶん\n';
    expect(frontMatterTexts(text)).toEqual([
      { key: 'title', line: 2, value: 'にほんご' },
      { key: 'helpsWith', line: 5, value: 'てつづき' },
      { key: 'helpsWith', line: 6, value: 'がっこう' },
    ]);
    expect(frontMatterTexts('ほんぶんだけ')).toEqual([]);
  });

  it('prints a warning with file, line, field, rule and suggestion', () => {
    const line = formatWarning({
      file: 'content/salons/a.ja-easy.md',
      line: 9,
      label: '詳しい内容',
      shown: '実施',
      rule: 'easy-ja/hard-word',
      suggestion: 'します／やります',
      message: { ja: '【むずかしいことば】むずかしいことばです', en: 'a hard word' },
    });
    expect(line).toBe(
      'content/salons/a.ja-easy.md:9: 詳しい内容: 「実施」 — 【むずかしいことば】むずかしいことばです。→ します／やります（easy-ja/hard-word） / a hard word.',
    );
  });

  it('the sample やさしい日本語 in content/ passes the checker', async () => {
    const files = easyJapaneseFiles(ROOT).map((f) => f.file);
    expect(files).toEqual(
      expect.arrayContaining([
        'content/salons/nihongo-salon.ja-easy.md',
        'content/events/bosai-kunren-wakaba-2027.ja-easy.md',
        'content/desks/gaikokujin-sodan.ja-easy.md',
      ]),
    );
    expect((await easyJapaneseWarnings(ROOT)).map(formatWarning)).toEqual([]);
  });
});

describe('the CMS preview’s check (draft.ts, no textlint in the browser)', () => {
  const SAME: string[] = [
    'この文はとても長いので読む人がつかれてしまいますし途中で何の話だったのかわからなくなります。',
    'まいにち あさ 9じに みんなで あつまって、いっしょに たいそうを して、おちゃを のみながら はなしを します。',
    'みじかい ぶんです。つぎも みじかいです。',
    'こくみん健康保険料と 国民健康保険です。市役所です。',
    '- リストの なかの ぶんも かぞえます。\n- **ふとじ**も おなじです。',
  ];

  it.each(SAME)('finds what textlint’s length rules find in 「%s」', async (text) => {
    const lengthRules = PLAIN_RULES.filter(
      (r) => r.ruleId === 'sentence-length' || r.ruleId === 'max-kanji-continuous-len',
    );
    const textlint = (await lintEasyJapanese(text, lengthRules)).map((f) => `${f.rule} ${f.line}`);
    expect(
      checkText(text)
        .filter((f) => lengthRules.some((r) => r.ruleId === f.rule))
        .map((f) => `${f.rule} ${f.line}`),
    ).toEqual(textlint);
  });

  it('finds the plain rules with the same names and suggestions as check', () => {
    expect(checkText('10:00に 実施します。\nパーティションです。').map(describeFinding)).toEqual([
      '【日付・時間の書き方】「10:00」 日付と時間は「2026年12月5日（土曜日）午後2時」のように書いてください。→ 午前10時（easy-ja/date-time）',
      '【むずかしいことば】「実施」 むずかしいことばです。やさしいことばにするか、（\u3000）で説明してください。→ します／やります（easy-ja/hard-word）',
      '【説明のないカタカナ語】「パーティション」 外来語（カタカナのことば）は、外国の人にもわかるとはかぎりません。ほかのことばにするか、すぐ後に（\u3000）で説明してください。→ パーティション（やさしい ことばで せつめい）（easy-ja/katakana）',
    ]);
    expect(checkText('パーティションです。')[0]).toMatchObject({ line: 1, column: 1 });
    expect(checkText('あ\nいい 実施')[0]).toMatchObject({ line: 2, column: 4 });
  });

  it('checks every text value of a draft, lists and groups too, and names the field', () => {
    const findings = checkDraft({
      id: 'nihongo-salon',
      title: 'にほんごサロン（はなす かい）',
      start: '2027-01-17T09:00',
      helpsWith: ['国民健康保険の こと'],
      schedule: { note: '14:00から' },
      body: 'くんれんを 実施します。',
    });
    expect(findings.map((f) => `${f.field} ${f.rule} ${f.found}`)).toEqual([
      'helpsWith max-kanji-continuous-len 国民健康保険',
      'schedule easy-ja/date-time 14:00',
      'body easy-ja/hard-word 実施',
    ]);
    expect(draftTexts({ id: 'abc', n: 3, body: 'ほんぶん' })).toEqual([{ field: 'body', text: 'ほんぶん' }]);
  });

  it('reads the やさしい日本語 draft of an entry the CMS edits with i18n', () => {
    const entry = (i18n: unknown) => ({
      get: (key: string) =>
        key === 'i18n' && i18n ? { get: () => undefined, set: () => entry(i18n), toJS: () => i18n } : undefined,
      set: () => entry(i18n),
      toJS: () => ({}),
    });
    expect(easyDraft(entry({ 'ja-easy': { data: { title: 'にほんご' } } }))).toEqual({ title: 'にほんご' });
    expect(easyDraft(entry({ en: { data: { title: 'Japanese' } } }))).toBeUndefined();
    expect(easyDraft(entry(undefined))).toBeUndefined();
  });
});

describe('the check’s cache (.cache/easy-japanese/)', () => {
  it('lints a file whose bytes it has not seen, and takes the kept warnings of one it has', async () => {
    const root = fixtureCopy();
    const file = 'content/salons/hidamari.ja-easy.md';
    writeFileSync(join(root, file), '---\ntitle: ひだまり\n---\nくんれんを 実施します。\n');
    const stored = new Map<string, { digest: string; result: FileResult }>();
    let saved = 0;
    const cache: ValidationCache = {
      get: (f, digest) => (stored.get(f)?.digest === digest ? stored.get(f)?.result : undefined),
      set: (f, digest, result) => void stored.set(f, { digest, result }),
      spanning: (_name, _key, check) => check(),
      save: () => void saved++,
    };
    const first = await easyJapaneseWarnings(root, cache);
    expect(first.map((w) => `${w.file}:${w.line} ${w.rule}`)).toEqual([`${file}:4 easy-ja/hard-word`]);
    expect(saved).toBe(1);
    // What the cache holds is what is said: the file is not linted again while its bytes stay.
    const kept = stored.get(file);
    kept?.result.warnings?.splice(0, 1, { ...first[0]!, shown: 'キャッシュから' });
    expect((await easyJapaneseWarnings(root, cache)).map((w) => w.shown)).toEqual(['キャッシュから']);
    writeFileSync(join(root, file), '---\ntitle: ひだまり\n---\nくんれんを します。\n');
    expect(await easyJapaneseWarnings(root, cache)).toEqual([]);
    removeFixtureCopies();
  });

  it('is kept on disk beside the validation cache', async () => {
    const root = fixtureCopy();
    writeFileSync(join(root, 'content/salons/hidamari.ja-easy.md'), '---\ntitle: ひだまり\n---\n10:00です。\n');
    expect(await easyJapaneseWarnings(root, easyJapaneseCache(root))).toHaveLength(1);
    expect(existsSync(join(root, '.cache/easy-japanese/validated.v8'))).toBe(true);
    expect((await easyJapaneseWarnings(root, easyJapaneseCache(root))).map((w) => w.suggestion)).toEqual(['午前10時']);
    removeFixtureCopies();
  });
});
