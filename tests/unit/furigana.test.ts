/**
 * ふりがな (src/lib/furigana/): the readings of words from the seeds through the real dictionary,
 * the project's corrections and the site's overrides, okurigana outside the ruby, only kanji
 * read, and the page scanner that leaves scripts, code, attributes and marked elements alone.
 */
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import YAML from 'yaml';
import { createFurigana, readingOf as readingOfText, type Furigana } from '../../src/lib/furigana/index.ts';
import { annotateHtml, withBreaks } from '../../src/lib/furigana/html.ts';
import {
  alignReading,
  readingOfSegments as readingOf,
  rubyHtml,
  tokenSegments,
  toHiragana,
  withOverrides,
} from '../../src/lib/furigana/segments.ts';
import { loadTokenizer, onAnalysersReleased, releaseAnalysers } from '../../src/lib/furigana/tokenizer.ts';
import { joinsPrevious } from '../../src/lib/furigana/words.ts';
import { siteOverrides } from '../../src/lib/furigana/site.ts';
import { diskReadings, readingsKey } from '../../src/lib/furigana/store.ts';
import { districtSchema } from '../../src/schemas/district.ts';
import { settingsSchema } from '../../src/schemas/settings.ts';

/** A district file's front matter. */
const parseFrontMatter = (file: string): Record<string, unknown> =>
  YAML.parse(readFileSync(`content/districts/${file}`, 'utf8').split(/^---$/m)[1] ?? '') as Record<string, unknown>;

/** Words of the seeds (地域福祉計画, 社協の事業 …) and the sample town, with their readings. */
const READINGS: [string, string][] = [
  ['地域', 'ちいき'],
  ['見守り', 'みまもり'],
  ['民生委員', 'みんせいいいん'],
  ['児童委員', 'じどういいん'],
  ['避難所', 'ひなんじょ'],
  ['社会福祉協議会', 'しゃかいふくしきょうぎかい'],
  ['子育て', 'こそだて'],
  ['高齢者', 'こうれいしゃ'],
  ['障がい者', 'しょうがいしゃ'],
  ['支え合い', 'ささえあい'],
  ['居場所', 'いばしょ'],
  ['自治会', 'じちかい'],
  ['町内会', 'ちょうないかい'],
  ['防災訓練', 'ぼうさいくんれん'],
  ['相談窓口', 'そうだんまどぐち'],
  ['介護予防', 'かいごよぼう'],
  ['認知症', 'にんちしょう'],
  ['生活支援', 'せいかつしえん'],
  ['一人暮らし', 'ひとりぐらし'],
  ['集会所', 'しゅうかいじょ'],
  ['公民館', 'こうみんかん'],
  ['担い手', 'にないて'],
  ['子ども食堂', 'こどもしょくどう'],
  ['助成金', 'じょせいきん'],
  ['外国人', 'がいこくじん'],
  ['多文化共生', 'たぶんかきょうせい'],
  ['申し込み', 'もうしこみ'],
  ['自主防災組織', 'じしゅぼうさいそしき'],
  ['炊き出し', 'たきだし'],
  ['地域包括支援センター', 'ちいきほうかつしえんせんたー'],
  ['車いす', 'くるまいす'],
  ['健康体操', 'けんこうたいそう'],
  ['送迎', 'そうげい'],
  ['孤立', 'こりつ'],
  ['毎月第2水曜日', 'まいつきだい2すいようび'],
  ['12月', '12がつ'],
  ['5日', '5か'],
  ['徒歩3分', 'とほ3ぷん'],
  ['2人', 'ふたり'],
  ['二人で', 'ふたりで'],
  ['毎週月・木', 'まいしゅうげつ・もく'],
  ['月・水・金', 'げつ・すい・きん'],
  ['5日（火）', '5か（か）'],
  ['月2回', 'つき2かい'],
  ['水・食料', 'みず・しょくりょう'],
  ['参加したい方', 'さんかしたいかた'],
  ['65歳以上の方', '65さいいじょうのかた'],
];

let tokenize: Awaited<ReturnType<typeof loadTokenizer>>;
let furigana: Furigana;
beforeAll(async () => {
  tokenize = await loadTokenizer();
  furigana = createFurigana(tokenize, [
    { word: 'みどり野', reading: 'みどりの' },
    { word: '上町', reading: 'かんまち' },
    { word: '民生委員', reading: 'みんせいいいん' },
  ]);
}, 60_000);

describe('readings from the dictionary and the corrections', () => {
  it.each(READINGS)('%s → %s', (word, reading) => {
    expect(readingOf(furigana.segments(word))).toBe(reading);
  });

  it('has at least 30 words in its table', () => {
    expect(READINGS.length).toBeGreaterThanOrEqual(30);
  });
});

describe('the sample site’s own readings (settings and districts)', () => {
  const settings = settingsSchema.parse(YAML.parse(readFileSync('content/settings/site.yml', 'utf8')));
  const districts = readdirSync('content/districts')
    .filter((f) => f.endsWith('.ja.md'))
    .map((f) => districtSchema.parse({ id: f.replace(/\.ja\.md$/, ''), ...parseFrontMatter(f) }));
  const overrides = siteOverrides(settings.furigana, districts);
  const words: [string, string][] = [
    ['みどり野市', 'みどりのし'],
    ['みどり野地区の民生委員', 'みどりのちくのみんせいいいん'],
    ['若葉台の集会所', 'わかばだいのしゅうかいじょ'],
    ['民生委員・児童委員', 'みんせいいいん・じどういいん'],
    ['本町一丁目町内会の見守り', 'ほんちょういっちょうめちょうないかいのみまもり'],
    ['みどり野東小学校区', 'みどりのひがししょうがっこうく'],
    ['若葉三丁目町内会', 'わかばさんちょうめちょうないかい'],
  ];
  it('lists the settings’ names and every district whose kana fits its name', () => {
    expect(settings.furigana.map((o) => o.word)).toEqual(expect.arrayContaining(['みどり野', '若葉台', '民生委員']));
    expect(overrides.map((o) => o.word)).toEqual(expect.arrayContaining(districts.map((d) => d.name)));
  });
  it.each(words)('%s → %s', async (text, reading) => {
    expect(await readingOfText(text, overrides)).toBe(reading);
  });
  it('reads a district as the district says, where the dictionary reads it otherwise', async () => {
    expect(await readingOfText('本町一丁目町内会')).not.toBe('ほんちょういっちょうめちょうないかい');
    expect(furigana.reading('本町一丁目')).not.toBe('ほんちょういっちょうめ');
  });
  it('leaves out a kana that does not fit its name, and lets the settings win over a district', () => {
    expect(
      siteOverrides(
        [{ word: '西町', reading: 'さいまち' }],
        [
          { name: '西町', kana: 'にし まち' },
          { name: 'あさひ台団地', kana: 'みどりだいだんち' },
          { name: 'あさひ台', kana: undefined },
        ],
      ),
    ).toEqual([
      { word: '西町', reading: 'にしまち' },
      { word: '西町', reading: 'さいまち' },
    ]);
    expect(
      readingOf(
        createFurigana(tokenize, [
          { word: '西町', reading: 'にしまち' },
          { word: '西町', reading: 'さいまち' },
        ]).segments('西町'),
      ),
    ).toBe('さいまち');
  });
});

describe('readingOf (for search)', () => {
  it('gives the hiragana of a text: kanji read, katakana as hiragana, the rest as written', async () => {
    expect(await readingOfText('地域の見守りサロン')).toBe('ちいきのみまもりさろん');
    expect(await readingOfText('避難所 NPO 10:00')).toBe('ひなんじょ NPO 10:00');
    expect(await readingOfText('')).toBe('');
  });
  it('agrees with the page’s ruby, through the same corrections and overrides', () => {
    for (const [word] of READINGS) expect(furigana.reading(word)).toBe(readingOf(furigana.segments(word)));
  });
});

describe('ruby markup', () => {
  it('keeps okurigana outside the ruby', () => {
    expect(furigana.text('見守り')).toBe('<ruby>見守<rp>(</rp><rt aria-hidden="true">みまも</rt><rp>)</rp></ruby>り');
    expect(furigana.segments('申し込み')).toEqual([
      { text: '申', reading: 'もう' },
      { text: 'し' },
      { text: '込', reading: 'こ' },
      { text: 'み' },
    ]);
  });

  it('reads only kanji: kana, numbers and Latin stay as written', () => {
    const segments = furigana.segments('ひだまりサロンは毎月第2水曜日 10:00から、NPOと一緒に');
    expect(segments.filter((s) => s.reading).map((s) => s.text)).toEqual(['毎月', '第', '水曜日', '一緒']);
    expect(segments.map((s) => s.text).join('')).toBe('ひだまりサロンは毎月第2水曜日 10:00から、NPOと一緒に');
    expect(furigana.text('サロン 10:00 NPO')).toBe('サロン 10:00 NPO');
  });

  it('reads a mixed sentence word by word', () => {
    expect(furigana.text('避難所へ行く')).toBe(
      '<ruby>避難所<rp>(</rp><rt aria-hidden="true">ひなんじょ</rt><rp>)</rp></ruby>へ<ruby>行<rp>(</rp><rt aria-hidden="true">い</rt><rp>)</rp></ruby>く',
    );
  });

  it('gives the site’s overrides precedence, with kana in the name outside the ruby', () => {
    expect(furigana.text('みどり野市')).toBe(
      'みどり<ruby>野<rp>(</rp><rt aria-hidden="true">の</rt><rp>)</rp></ruby><ruby>市<rp>(</rp><rt aria-hidden="true">し</rt><rp>)</rp></ruby>',
    );
    expect(readingOf(furigana.segments('上町の集会所'))).toBe('かんまちのしゅうかいじょ');
    // Without the override the dictionary reads the place name otherwise.
    expect(readingOf(createFurigana(tokenize).segments('上町'))).not.toBe('かんまち');
  });

  it('keeps HTML text as written: entities and markup characters pass through', () => {
    expect(furigana.text('地域&amp;福祉')).toBe(
      '<ruby>地域<rp>(</rp><rt aria-hidden="true">ちいき</rt><rp>)</rp></ruby>&amp;<ruby>福祉<rp>(</rp><rt aria-hidden="true">ふくし</rt><rp>)</rp></ruby>',
    );
  });
});

/**
 * Words a reader sees as one that IPADIC cuts into a prefix or a suffix and a noun (協議 + 会):
 * one ruby each, so no gap opens inside the word when its reading is wider than its kanji.
 */
const ONE_WORD: [string, string][] = [
  ['協議会', 'きょうぎかい'],
  ['参加者', 'さんかしゃ'],
  ['支援者', 'しえんしゃ'],
  ['高齢者', 'こうれいしゃ'],
  ['交付金', 'こうふきん'],
  ['助成金', 'じょせいきん'],
  ['駐車場', 'ちゅうしゃじょう'],
  ['認知症', 'にんちしょう'],
  ['調理室', 'ちょうりしつ'],
  ['作品展', 'さくひんてん'],
  ['開催日', 'かいさいび'],
  ['募集中', 'ぼしゅうちゅう'],
  ['外国語', 'がいこくご'],
  ['外国人', 'がいこくじん'],
  ['町内会', 'ちょうないかい'],
  ['自治会', 'じちかい'],
  ['茶話会', 'さわかい'],
  ['小地域', 'しょうちいき'],
  ['多文化', 'たぶんか'],
  ['多目的', 'たもくてき'],
  ['大規模', 'だいきぼ'],
  ['要支援', 'ようしえん'],
  ['各地区', 'かくちく'],
  ['副会長', 'ふくかいちょう'],
  ['百歳', 'ひゃくさい'],
  ['三丁目', 'さんちょうめ'],
  ['第三', 'だいさん'],
  ['令和', 'れいわ'],
];

describe('words IPADIC cuts in two', () => {
  it.each(ONE_WORD)('%s is one ruby read %s', (word, reading) => {
    expect(furigana.segments(word)).toEqual([{ text: word, reading }]);
  });

  it('joins only kanji meeting kanji, and keeps words of a compound apart', () => {
    // 見守り + 隊: り stays between the rubies; 第 + 2: a digit has no reading to join.
    expect(furigana.segments('見守り隊').map((s) => s.text)).toEqual(['見守', 'り', '隊']);
    expect(furigana.segments('毎月第2水曜日').map((s) => s.text)).toEqual(['毎月', '第', '2', '水曜日']);
    // 社会福祉協議会: three words, the last with its suffix.
    expect(furigana.segments('社会福祉協議会').map((s) => s.text)).toEqual(['社会', '福祉', '協議会']);
    expect(joinsPrevious({ surface: '協議', pos: '名詞' }, { surface: '会', pos: '名詞', detail: '接尾' })).toBe(true);
    expect(joinsPrevious({ surface: '小', pos: '接頭詞' }, { surface: '地域', pos: '名詞' })).toBe(true);
    expect(joinsPrevious({ surface: '社会', pos: '名詞' }, { surface: '福祉', pos: '名詞', detail: '一般' })).toBe(
      false,
    );
    expect(joinsPrevious(undefined, { surface: '会', pos: '名詞', detail: '接尾' })).toBe(true);
  });
});

describe('segments without the dictionary', () => {
  it('aligns a reading with the kana of its word, or refuses one that does not fit', () => {
    expect(alignReading('見守り', 'ミマモリ')).toEqual([{ text: '見守', reading: 'みまも' }, { text: 'り' }]);
    expect(alignReading('見守り', 'みまもる')).toBeNull();
    expect(tokenSegments({ surface: '見守り', reading: 'みまもる' })).toEqual([{ text: '見守り' }]);
    expect(tokenSegments({ surface: '謎', reading: '*' })).toEqual([{ text: '謎' }]);
    expect(tokenSegments({ surface: '霞ヶ関', reading: 'カスミガセキ' })).toEqual([
      { text: '霞ヶ関', reading: 'かすみがせき' },
    ]);
  });

  it('converts katakana and escapes readings', () => {
    expect(toHiragana('ミンセイイイン・ー')).toBe('みんせいいいん・ー');
    expect(rubyHtml([{ text: '字', reading: '<じ>' }])).toBe(
      '<ruby>字<rp>(</rp><rt aria-hidden="true">&lt;じ&gt;</rt><rp>)</rp></ruby>',
    );
  });

  it('splits text at the longest override first', () => {
    const plain = (text: string) => [{ text }];
    expect(
      withOverrides(
        '本町本町通り',
        [
          { word: '本町', reading: 'もとまち' },
          { word: '本町通り', reading: 'ほんまちどおり' },
        ],
        plain,
      ),
    ).toEqual([{ text: '本町', reading: 'もとまち' }, { text: '本町通', reading: 'ほんまちどお' }, { text: 'り' }]);
  });
});

describe('pages', () => {
  const mark = (text: string) => `[${text}]`;
  it('annotates the body’s text, not the head, attributes, scripts, code or marked elements', () => {
    const html = [
      '<html><head><title>地域</title></head><body class="地域">',
      '<h1 aria-label="地域">地域</h1><script>const a = "地域" < 1;</script>',
      '<p>福祉<code>地域</code><svg><text>図</text></svg>の<ruby>漢字<rt>かんじ</rt></ruby></p>',
      '<div data-no-furigana><div>名前</div>名簿</div><p lang="zh">中文</p><p lang="ja-JP">日本</p>',
      '<img alt="写真"><br/>終<!-- 注 --></body></html>',
    ].join('');
    expect(annotateHtml(html, mark)).toBe(
      [
        '<html><head><title>地域</title></head><body class="地域">',
        '<h1 aria-label="地域">[地域]</h1><script>const a = "地域" < 1;</script>',
        '<p>[福祉]<code>地域</code><svg><text>図</text></svg>の<ruby>漢字<rt>かんじ</rt></ruby></p>',
        '<div data-no-furigana><div>名前</div>名簿</div><p lang="zh">中文</p><p lang="ja-JP">[日本]</p>',
        '<img alt="写真"><br/>[終]<!-- 注 --></body></html>',
      ].join(''),
    );
  });

  it('reads a page in another language only where it is marked Japanese (Chinese is kanji too)', () => {
    const html =
      '<html lang="zh-Hans"><body><p>中文</p><div lang="ja"><div>日本</div>語</div><p>汉字</p></body></html>';
    expect(annotateHtml(html, mark)).toBe(
      '<html lang="zh-Hans"><body><p>中文</p><div lang="ja"><div>[日本]</div>[語]</div><p>汉字</p></body></html>',
    );
    expect(annotateHtml('<html lang="ja"><body><p>日本</p></body></html>', mark)).toBe(
      '<html lang="ja"><body><p>[日本]</p></body></html>',
    );
  });

  it('reads text split by <wbr> as one, putting each break back between words, never inside one', () => {
    // Phrases (src/lib/phrases.ts) broke 今日 in two; read apart, 今 and 日 were いま and にち.
    const page = furigana.html('<body><h2>今<wbr>日から<wbr>1週間の<wbr>予定</h2><p>避難<wbr>行動</p></body>');
    expect(page).toContain('<h2><ruby>今日<rp>(</rp><rt aria-hidden="true">きょう</rt>');
    expect(page).toContain('</ruby>から<wbr>1<ruby>週間');
    expect(page).toContain('</ruby>の<wbr><ruby>予定');
    expect(page).toContain('<p><ruby>避難<rp>(</rp><rt aria-hidden="true">ひなん</rt><rp>)</rp></ruby><wbr><ruby>行動');
    // Where nothing is read (kana, or another language), the breaks stay where they were.
    expect(annotateHtml('<body><p>ふれあい<wbr>サロン</p><p lang="en">a<wbr>b</p></body>', mark)).toBe(
      '<body><p>ふれあい<wbr>サロン</p><p lang="en">a<wbr>b</p></body>',
    );
    expect(withBreaks('ab', [0, 1, 2])).toBe('<wbr>a<wbr>b<wbr>');
  });

  it('reads a whole page through the cache: the same text is analysed once', () => {
    let calls = 0;
    const counting = createFurigana((text) => {
      calls += 1;
      return tokenize(text);
    });
    const page = '<body><nav>地域</nav><p>地域</p><p>地域</p></body>';
    expect(counting.html(page)).toBe(
      '<body><nav><ruby>地域<rp>(</rp><rt aria-hidden="true">ちいき</rt><rp>)</rp></ruby></nav>' +
        '<p><ruby>地域<rp>(</rp><rt aria-hidden="true">ちいき</rt><rp>)</rp></ruby></p><p><ruby>地域<rp>(</rp><rt aria-hidden="true">ちいき</rt><rp>)</rp></ruby></p></body>',
    );
    expect(calls).toBe(1);
  });
});

describe('site settings: furigana', () => {
  const base = {
    siteName: 'みどり野つながりネット',
    town: 'みどり野市',
    tagline: '支え合い',
    description: '説明',
    url: 'https://tsunagari.example.jp',
    publisher: '社協',
    phone: '0000-12-3456',
  };
  it('accepts a name with its reading and defaults to none', () => {
    expect(settingsSchema.parse(base).furigana).toEqual([]);
    const parsed = settingsSchema.parse({ ...base, furigana: [{ word: 'みどり野', reading: 'みどりの' }] });
    expect(parsed.furigana).toEqual([{ word: 'みどり野', reading: 'みどりの' }]);
  });

  it('refuses a reading that is not hiragana or does not fit the word, saying how to fix it', () => {
    const katakana = settingsSchema.safeParse({ ...base, furigana: [{ word: '若葉台', reading: 'ワカバダイ' }] });
    expect(katakana.success).toBe(false);
    expect(JSON.stringify(katakana.error?.issues)).toContain('ひらがな');
    const misfit = settingsSchema.safeParse({ ...base, furigana: [{ word: 'みどり野', reading: 'あおばの' }] });
    expect(misfit.success).toBe(false);
    expect(JSON.stringify(misfit.error?.issues)).toContain('みどり野');
    const noKanji = settingsSchema.safeParse({ ...base, furigana: [{ word: 'みどり', reading: 'みどり' }] });
    expect(noKanji.success).toBe(false);
  });
});

describe('readings kept between builds (.cache/furigana/)', () => {
  const root = mkdtempSync(join(tmpdir(), 'furigana-store-'));
  afterAll(() => rmSync(root, { recursive: true, force: true }));
  const file = join(root, '.cache', 'furigana', 'readings.json');

  it('keeps what a build made and gives it to the next build of the same key, which then analyses nothing', () => {
    const key = readingsKey(root, []);
    const first = diskReadings(root, key);
    expect(first.known.size).toBe(0);
    const made = createFurigana(tokenize, [], first.known).html('<body><p>地域の見守り</p></body>');
    first.save();
    const second = diskReadings(root, key);
    expect(second.known.get('地域の見守り')).toContain('>ちいき</rt>');
    const never = () => {
      throw new Error('the dictionary was asked');
    };
    expect(createFurigana(never, [], second.known).html('<body><p>地域の見守り</p></body>')).toBe(made);
  });

  it('writes nothing when the run added nothing, and reads nothing of another key or a broken file', () => {
    const key = readingsKey(root, []);
    const before = readFileSync(file, 'utf8');
    diskReadings(root, key).save();
    expect(readFileSync(file, 'utf8')).toBe(before);
    expect(diskReadings(root, readingsKey(root, [{ word: '上町', reading: 'かんまち' }])).known.size).toBe(0);
    writeFileSync(file, '{ not json');
    expect(diskReadings(root, key).known.size).toBe(0);
  });

  it('changes its key with the site’s readings and with the code that reads', () => {
    const code = join(root, 'src', 'lib', 'furigana');
    mkdirSync(code, { recursive: true });
    writeFileSync(join(code, 'words.ts'), 'export const A = 1;');
    const a = readingsKey(root, []);
    expect(readingsKey(root, [])).toBe(a);
    expect(readingsKey(root, [{ word: 'みどり野', reading: 'みどりの' }])).not.toBe(a);
    writeFileSync(join(code, 'words.ts'), 'export const A = 2;');
    expect(readingsKey(root, [])).not.toBe(a);
  });
});

describe('the analyser, once the build no longer needs it', () => {
  it('is let go by every holder, and loaded again by the next use', async () => {
    const before = loadTokenizer();
    expect(loadTokenizer()).toBe(before);
    let told = 0;
    onAnalysersReleased('test', () => told++);
    // A holder evaluated again (a module under astro dev) replaces its entry: told once, not twice.
    onAnalysersReleased('test', () => told++);
    releaseAnalysers();
    expect(told).toBe(1);
    const after = loadTokenizer();
    expect(after).not.toBe(before);
    // The new analyser reads as the first did.
    expect((await after)('地域')[0]?.reading).toBe('チイキ');
    expect(await readingOfText('地域')).toBe('ちいき');
  });
});
