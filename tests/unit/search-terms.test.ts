/**
 * Forgiving search, the pure part (src/lib/search/terms.ts, variants.ts, readings.ts): width and
 * kana folded, keys spelled and read back, variant spellings made one key on the query side and
 * read alike on the index side, keys of words through the real ふりがな analyser, keys added to a
 * search document where Pagefind weighs them as their text, and the browser's copy of the query
 * side (public/scripts/search-terms.js) giving the same queries as terms.ts.
 */
import { readFileSync } from 'node:fs';
import { runInNewContext } from 'node:vm';
import { beforeAll, describe, expect, it } from 'vitest';
import { createFurigana } from '../../src/lib/furigana/index.ts';
import { loadTokenizer, type Tokenize } from '../../src/lib/furigana/tokenizer.ts';
import {
  indexWords,
  readingKeys,
  surfaceKeys,
  variantReadings,
  withSearchKeys,
  wordsOf,
} from '../../src/lib/search/readings.ts';
import {
  foldKana,
  isKana,
  kanaKey,
  keyReading,
  queryText,
  splitWords,
  splitWordsOf,
  markTyped,
  stripKeys,
  surfaceKey,
  termData,
  type TermData,
} from '../../src/lib/search/terms.ts';
import { VARIANTS } from '../../src/lib/search/variants.ts';

/** A kanji's letters in a surface key: z and its code point from 一 in base 26. */
const kanjiLetters = (c: string) =>
  'z' +
  ((c.codePointAt(0) ?? 0) - 0x4e00)
    .toString(26)
    .padStart(3, '0')
    .replace(/./g, (d) => String.fromCharCode(0x61 + parseInt(d, 26)));

describe('folding and keys', () => {
  it('folds width with NFKC and katakana to hiragana', () => {
    expect(foldKana('ｻﾛﾝ')).toBe('さろん');
    expect(foldKana('ﾎﾞﾗﾝﾃｨｱ')).toBe('ぼらんてぃあ');
    expect(foldKana('ＡＢＣ１２３')).toBe('ABC123');
    expect(foldKana('ヴァイオリン・ケース')).toBe('ゔぁいおりん・けーす');
    expect(foldKana('見守り')).toBe('見守り');
  });

  it('knows kana from anything else', () => {
    expect(isKana('さろん')).toBe(true);
    expect(isKana('こーひー')).toBe(true);
    expect(isKana('サロン')).toBe(false); // not folded
    expect(isKana('見守り')).toBe(false);
    expect(isKana('')).toBe(false);
  });

  it('spells every kana as one or two letters behind qq, the same for every script and width, and reads it back', () => {
    expect(kanaKey('さろん')).toBe('qqlydd');
    expect(kanaKey('サロン')).toBe('qqlydd');
    expect(kanaKey('ｻﾛﾝ')).toBe('qqlydd');
    expect(kanaKey('みまもり')).toBe('qqquxuk');
    // Every kana and ー has its own code, and none is the start of another (a prefix code).
    const all = [...Array.from({ length: 0x56 }, (_, i) => String.fromCharCode(0x3041 + i)), 'ー'];
    const codes = all.map((c) => kanaKey(c).slice(2));
    expect(new Set(codes).size).toBe(all.length);
    for (const a of codes) for (const b of codes) if (a !== b) expect(b.startsWith(a), `${a} / ${b}`).toBe(false);
    expect(keyReading(kanaKey(all.join('')))).toBe(all.join(''));
    for (const reading of ['みまもり', 'ぁゖ', 'ゔぁいおりん', 'こーひー', 'しゃかいふくしきょうぎかい'])
      expect(keyReading(kanaKey(reading))).toBe(reading);
  });

  it('refuses what is not kana, and what is not a key', () => {
    expect(() => kanaKey('見守り')).toThrow('kanaKey: 「見守り」 is not kana only');
    expect(() => keyReading('saron')).toThrow('keyReading: 「saron」 is not a search key');
  });
});

describe('the query', () => {
  const key = kanaKey;
  it('makes kana keys in any script and width', () => {
    expect(queryText('サロン')).toBe(key('さろん'));
    expect(queryText('さろん')).toBe(key('さろん'));
    expect(queryText('ｻﾛﾝ')).toBe(key('さろん'));
    expect(queryText('みまもり')).toBe(key('みまもり'));
  });

  it('makes kanji, with their okurigana, the surface keys of the spans the index keys, particles and endings left out', () => {
    const surface = (span: string) => surfaceKey(span) as string;
    expect(queryText('見守り')).toBe(surface('見守り'));
    // ICU splits 外国人 in two: one key, so 外国 in one place and 人 in another is no match.
    expect(splitWords('外国人')).toBe('外国 人');
    expect(queryText('外国人')).toBe(surface('外国人'));
    expect(queryText('防災訓練')).toBe(surface('防災訓練'));
    expect(queryText('お知らせ')).toBe(surface('知らせ'));
    expect(queryText('見守りの会')).toBe(`${surface('見守り')} ${surface('会')}`);
    expect(queryText('参加する')).toBe(surface('参加'));
    expect(queryText('子育て サロン')).toBe(`${surface('子育て')} ${key('さろん')}`);
    expect(queryText('みまもり訪問')).toBe(`${key('みまもり')} ${surface('訪問')}`);
    expect(queryText('サロン情報')).toBe(`${key('さろん')} ${surface('情報')}`);
    expect(queryText('  Café　2026 ')).toBe('Café 2026');
    expect(queryText('NPO法人')).toBe(`NPO ${surface('法人')}`);
  });

  it('keeps kanji as words, split as the index is, where the index has no surface keys (a Chinese page)', () => {
    const plain = termData(VARIANTS, { surface: false });
    expect(queryText('外国人', plain)).toBe('外国 人');
    expect(queryText('子育て サロン', plain)).toBe(`子育て ${key('さろん')}`);
  });

  it('spells a surface key as a reading key spells kana, each kanji as z and three letters, and reads it back', () => {
    expect(surfaceKey('見守り')).toBe(`qq${kanjiLetters('見')}${kanjiLetters('守')}${kanaKey('り').slice(2)}`);
    expect(surfaceKey('サロン')).toBeUndefined();
    expect(surfaceKey('お知らせ')).toBe(surfaceKey('知らせ'));
    expect(surfaceKey('歌声サロン')).toBe(surfaceKey('歌声さろん'));
    for (const text of ['外国人相談窓口', '見守り', '一', '銧'])
      expect(keyReading(surfaceKey(text) as string)).toBe(text);
    // Beyond 銧 (and 々), letters that may be another kanji's: three letters each all the same.
    expect(surfaceKey('人々')).toMatch(/^qq(z[a-z]{3}){2}$/);
    // No reading key has a z: a kanji query never meets a reading, nor kana a surface.
    expect(kanaKey('ゔぁいおりん・'.replace('・', 'ー'))).not.toContain('z');
  });

  it('gives every spelling of a variant group its reading’s key', () => {
    for (const group of VARIANTS)
      for (const spelling of group.spellings) expect(queryText(spelling), spelling).toBe(key(group.reading));
    expect(queryText('子供食堂')).toBe(`${key('こども')} ${surfaceKey('食堂')}`);
    expect(queryText('こども食堂')).toBe(queryText('子ども食堂'));
    expect(queryText('車ｲｽ')).toBe(queryText('車いす'));
    expect(queryText('車椅子の貸し出し')).toBe(`${key('くるまいす')} ${surfaceKey('貸し出し')}`);
  });

  it('gives the browser the spellings longest first, so 一人暮らし wins over a shorter spelling inside it', () => {
    const { variants } = termData();
    const lengths = variants.map(([s]) => s.length);
    expect(lengths).toEqual([...lengths].sort((a, b) => b - a));
    expect(variants).toContainEqual(['車椅子', key('くるまいす')]);
    expect(termData([{ reading: 'ａ', spellings: [] }]).variants).toEqual([]);
  });

  it('takes the keys out of excerpts, marked or not, and the spaces the index put between Japanese words', () => {
    expect(stripKeys(`歌声 <mark>サロン</mark> ${key('うたごえさろん')} ${key('さろん')} の 会`)).toBe(
      '歌声<mark>サロン</mark>の会',
    );
    expect(stripKeys(`見守り <mark>${key('みまもり')}</mark> 活動`)).toBe('見守り活動');
    expect(stripKeys('<mark>見</mark> <mark>守り</mark> 活動 の 日 （ 土 ） 10:00 〜 12:00')).toBe(
      '<mark>見</mark><mark>守り</mark>活動の日（土）10:00〜12:00',
    );
    // Latin words keep their spaces, and so does Pagefind's full stop after a block.
    expect(stripKeys('日時. 毎月 第 2 水曜日 Café au lait')).toBe('日時. 毎月第2水曜日Café au lait');
    // Other towns' bundles, segmented by Pagefind, put zero-width spaces between words.
    expect(stripKeys('見守り\u200b活動\u200b です')).toBe('見守り活動です');
  });

  it('marks what was typed in an excerpt, kanji runs as typed and kana in either script, not inside marks or tags', () => {
    expect(markTyped('地域の見守り活動です', '見守り')).toBe('地域の<mark>見守り</mark>活動です');
    expect(markTyped('外国人の相談と外国語', '外国人')).toBe('<mark>外国人</mark>の相談と外国語');
    expect(markTyped('見守りの会の集まり', '見守りの会')).toBe('<mark>見守り</mark>の<mark>会</mark>の集まり');
    expect(markTyped('歌声サロンとさろん', 'さろん')).toBe('歌声<mark>サロン</mark>と<mark>さろん</mark>');
    expect(markTyped('<mark>Café</mark> で見守り', 'Café 見守り')).toBe('<mark>Café</mark> で<mark>見守り</mark>');
    expect(markTyped('<a title="見守り">x</a>', '見守り')).toBe('<a title="見守り">x</a>');
    expect(markTyped('見守り', 'Café')).toBe('見守り');
    expect(markTyped('見(守)り', '見(守')).toBe(
      '見(守)り'.replace('見', '<mark>見</mark>').replace('(守', '(<mark>守</mark>'),
    );
  });

  it('splits Japanese into words where ICU does, leaving Latin words, numbers and character references whole', () => {
    expect(splitWords('防災訓練のお知らせ')).toBe('防災 訓練 の お知らせ');
    expect(splitWords('NPO法人')).toBe('NPO 法人');
    expect(splitWords('会&amp;食 Café &amp; 12')).toBe('会 &amp; 食 Café &amp; 12');
    expect(splitWords('（土）10:00〜12:00')).toBe('（ 土 ） 10:00 〜 12:00');
    for (const text of ['社会福祉協議会の見守り活動', '𠮷野家で、カフェ。', ' 子育て　サロン '])
      expect(splitWords(text).replace(/ (?=\S)(?<=\S )/g, ''), text).toBe(text.replace(/ (?=\S)(?<=\S )/g, ''));
  });

  it('splits many texts at once as it splits each alone', () => {
    const texts = [
      '防災訓練のお知らせ',
      '',
      '見守り\r',
      '\n活動',
      'Café\u2029サロン',
      '𠮷野家で、カフェ。',
      ' ',
      '（土）10:00〜12:00',
      '',
    ];
    expect(splitWordsOf(texts)).toEqual(texts.map((text) => splitWords(text)));
    expect(splitWordsOf([])).toEqual([]);
    expect(splitWordsOf([''])).toEqual(['']);
  });

  it('is the same in the browser (public/scripts/search-terms.js) as in terms.ts', () => {
    const context: {
      searchTerms?: {
        queryText(t: string, d: TermData): string;
        stripKeys(e: string): string;
        markTyped(e: string, t: string): string;
      };
    } = {};
    runInNewContext(readFileSync('public/scripts/search-terms.js', 'utf8'), { window: context });
    const browser = context.searchTerms!;
    const data = termData();
    const typed = [
      'サロン',
      'ｻﾛﾝ',
      'ぼらんてぃあ',
      'ﾎﾞﾗﾝﾃｨｱ',
      '見守り',
      'みまもり訪問',
      'お知らせ',
      'こども食堂',
      '子供食堂',
      '車ｲｽ',
      '車椅子の貸し出し',
      'しょうがい',
      '障碍',
      '一人暮らし',
      'ゴミ出し',
      'こーひー',
      'Café 2026',
      '子育て　サロン',
      '防災訓練',
      '社会福祉協議会',
      'NPO法人の見守り活動（土）',
      '外国人',
      '民生委員・児童委員',
      '人々',
      '参加する',
      '',
    ];
    for (const t of typed) expect(browser.queryText(t, data), t).toBe(queryText(t, data));
    const plain = termData(VARIANTS, { surface: false });
    for (const t of typed) expect(browser.queryText(t, plain), t).toBe(queryText(t, plain));
    for (const excerpt of [
      `見守り <mark>${kanaKey('みまもり')}</mark> 活動`,
      `外国 人 ${kanaKey('がいこくじん')} <mark>${surfaceKey('外国人')}</mark> の 相談`,
      '<mark>見</mark> <mark>守り</mark> 活動 の 日. 毎月 第 2 水曜日 Café au lait',
    ])
      expect(browser.stripKeys(excerpt)).toBe(stripKeys(excerpt));
    for (const t of typed) {
      const excerpt = '<mark>Café</mark> 地域の見守り活動、外国人の相談、歌声サロン、お知らせ、子育て支援 2026';
      expect(browser.markTyped(excerpt, t), t).toBe(markTyped(excerpt, t));
    }
  });
});

describe('the index: keys of readings', () => {
  let tokenize: Tokenize;
  let keysOf: (text: string) => string[];
  let furigana: ReturnType<typeof createFurigana>;
  beforeAll(async () => {
    tokenize = await loadTokenizer();
    furigana = createFurigana(tokenize, [...variantReadings(VARIANTS), { word: 'みどり野', reading: 'みどりの' }]);
    keysOf = (text) => readingKeys(wordsOf(text, tokenize(text), furigana.segments(text)));
  });
  const readings = (text: string) => keysOf(text).map(keyReading);

  it('keys each word a search starts with, with the words after it up to a particle', () => {
    expect(readings('車いすの貸し出し')).toEqual(['くるまいす', 'かしだし']);
    expect(readings('見守り活動のボランティア')).toEqual(['みまもりかつどう', 'かつどう', 'ぼらんてぃあ']);
    // 会 is 協議会's suffix, one ruby with it (src/lib/furigana/words.ts): no search starts at かい.
    expect(readings('社会福祉協議会')).toEqual(['しゃかいふくしきょうぎかい', 'ふくしきょうぎかい', 'きょうぎかい']);
    expect(readings('歌声サロン「わかば」')).toEqual(['うたごえさろん', 'さろん', 'わかば']);
  });

  it('reads every spelling of a variant group as the group reads, and site readings as the site does', () => {
    expect(readings('車椅子')).toEqual(['くるまいす']);
    expect(readings('一人暮らし')[0]).toBe('ひとりぐらし');
    expect(readings('障碍')).toEqual(['しょうがい']);
    expect(readings('みどり野')).toEqual(['みどりの']);
    // The query side meets them: what is typed starts a key of the text.
    for (const [typed, text] of [
      ['くるまいす', '車椅子'],
      ['こども', '子供の居場所'],
      ['しょうがい', '障害のある方'],
    ] as const)
      expect(keysOf(text)[0]?.startsWith(queryText(typed)), `${typed} / ${text}`).toBe(true);
  });

  it('ends keys at what has no reading (digits, Latin, symbols) and keeps a word read as one whole', () => {
    expect(readings('10時から NPO法人')).toEqual(['ほうじん']);
    expect(readings('')).toEqual([]);
    // A read part spanning the analyser's words (車/椅子 read くるまいす as one) stays one word.
    const tokens = [
      { surface: '車', pos: '名詞' },
      { surface: '椅子', pos: '名詞' },
    ];
    expect(wordsOf('車椅子', tokens, [{ text: '車椅子', reading: 'くるまいす' }])).toEqual([
      { reading: 'くるまいす', starts: true, surface: '車椅子' },
    ]);
    expect(
      wordsOf('車椅子', tokens, [
        { text: '車', reading: 'くるま' },
        { text: '椅子', reading: 'いす' },
      ]),
    ).toEqual([
      { reading: 'くるま', starts: true, surface: '車' },
      { reading: 'いす', starts: true, surface: '椅子' },
    ]);
  });

  it('gives nothing where the analyser and the readings do not add up to the text', () => {
    expect(wordsOf('見守り', [{ surface: '見守' }], [{ text: '見守り' }])).toEqual([]);
    expect(wordsOf('見守り', [{ surface: '見守り' }], [{ text: '見守' }])).toEqual([]);
  });

  it('keys no one-kana reading, nor short hiragana verbs and adjectives (grammar, never searched)', () => {
    expect(readings('参加し、話をしてください')).toEqual(['さんか', 'はなし', 'ください']);
    expect(readings('ごみ出しがあり')).toEqual(['ごみだし', 'だし']);
    expect(readings('ふれあいいきいきサロン')).toEqual(['ふれあいいきいきさろん', 'いきいきさろん', 'さろん']);
  });

  it('does not start keys at particles', () => {
    const words = wordsOf(
      'の見守り',
      [
        { surface: 'の', pos: '助詞' },
        { surface: '見守り', pos: '名詞' },
      ],
      [{ text: 'の' }, { text: '見守', reading: 'みまも' }, { text: 'り' }],
    );
    expect(words).toEqual([
      { reading: 'の', starts: false, surface: 'の' },
      { reading: 'みまもり', starts: true, surface: '見守り' },
    ]);
    expect(readingKeys(words).map(keyReading)).toEqual(['みまもり']);
    expect(surfaceKeys(words).map(keyReading)).toEqual(['見守り']);
  });

  it('gives a span with kanji its surface key beside its reading key, from its first kanji, a kanji word without a reading too', () => {
    const both = (text: string) => {
      const words = wordsOf(text, tokenize(text), furigana.segments(text));
      return { readings: readingKeys(words).map(keyReading), surfaces: surfaceKeys(words).map(keyReading) };
    };
    expect(both('外国人相談窓口')).toEqual({
      readings: ['がいこくじんそうだんまどぐち', 'そうだんまどぐち', 'まどぐち'],
      surfaces: ['外国人相談窓口', '相談窓口', '窓口'],
    });
    expect(both('見守り活動のボランティア').surfaces).toEqual(['見守り活動', '活動']);
    expect(both('歌声サロン').surfaces).toEqual(['歌声さろん']);
    expect(both('10時から NPO法人').surfaces).toEqual(['時', '法人']);
    // The query of the kanji starts the surface key of the text, as the kana's the reading key.
    for (const [typed, text] of [
      ['外国人', '在住外国人の相談'],
      ['民生委員', '民生委員・児童委員'],
      ['お知らせ', '区からのお知らせ'],
    ] as const)
      expect(
        surfaceKeys(wordsOf(text, tokenize(text), furigana.segments(text))).some((k) => k.startsWith(queryText(typed))),
        `${typed} / ${text}`,
      ).toBe(true);
  });

  it('adds keys after each text, a heading’s after the heading with its weight, none to ignored parts', () => {
    const html =
      '<article data-pagefind-body><h1>歌声<wbr>サロン</h1><dl><dd data-pagefind-weight="3">見守り</dd></dl>' +
      '<p>Café &amp; 12</p><!-- 見守り --><br><div hidden data-pagefind-ignore><span data-pagefind-filter="地区">若葉<b>台</b></span></div></article>';
    expect(withSearchKeys(html, keysOf)).toBe(
      `<article data-pagefind-body><h1>歌声<wbr>サロン</h1><p data-pagefind-weight="7">${kanaKey('うたごえ')} ${kanaKey('さろん')}</p>` +
        `<dl><dd data-pagefind-weight="3">見守り ${kanaKey('みまもり')} </dd></dl>` +
        '<p>Café &amp; 12</p><!-- 見守り --><br><div hidden data-pagefind-ignore><span data-pagefind-filter="地区">若葉<b>台</b></span></div></article>',
    );
    expect(withSearchKeys('<h2>12</h2>', keysOf)).toBe('<h2>12</h2>');
  });

  it('splits the Japanese index’s text into words, across tags too, and leaves ignored parts as written', () => {
    const html =
      '<h1>歌声<wbr>サロン</h1><p>防災訓練の<strong>お知らせ</strong>、Café &amp; 12</p>' +
      '<div hidden data-pagefind-ignore><span data-pagefind-meta="title">防災訓練</span></div>';
    expect(withSearchKeys(html, () => [], indexWords)).toBe(
      '<h1> 歌声 <wbr> サロン </h1><p> 防災 訓練 の <strong> お知らせ </strong> 、 Café &amp; 12</p>' +
        '<div hidden data-pagefind-ignore><span data-pagefind-meta="title">防災訓練</span></div>',
    );
  });
});
