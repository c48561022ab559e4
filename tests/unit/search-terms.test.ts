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
import { indexWords, readingKeys, variantReadings, withSearchKeys, wordsOf } from '../../src/lib/search/readings.ts';
import {
  foldKana,
  isKana,
  kanaKey,
  keyReading,
  queryText,
  splitWords,
  stripKeys,
  termData,
  type TermData,
} from '../../src/lib/search/terms.ts';
import { VARIANTS } from '../../src/lib/search/variants.ts';

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

  it('keeps kanji with their okurigana as typed, split into words as the index is, and a one-kana prefix with them', () => {
    expect(queryText('見守り')).toBe(splitWords('見守り'));
    expect(queryText('防災訓練')).toBe('防災 訓練');
    expect(queryText('お知らせ')).toBe('お知らせ');
    expect(queryText('子育て サロン')).toBe(`子育て ${key('さろん')}`);
    expect(queryText('みまもり訪問')).toBe(`${key('みまもり')} 訪問`);
    expect(queryText('サロン情報')).toBe(`${key('さろん')} 情報`);
    expect(queryText('  Café　2026 ')).toBe('Café 2026');
  });

  it('gives every spelling of a variant group its reading’s key', () => {
    for (const group of VARIANTS)
      for (const spelling of group.spellings) expect(queryText(spelling), spelling).toBe(key(group.reading));
    expect(queryText('子供食堂')).toBe(`${key('こども')} 食堂`);
    expect(queryText('こども食堂')).toBe(queryText('子ども食堂'));
    expect(queryText('車ｲｽ')).toBe(queryText('車いす'));
    expect(queryText('車椅子の貸し出し')).toBe(`${key('くるまいす')} の 貸し出し`);
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

  it('splits Japanese into words where ICU does, leaving Latin words, numbers and character references whole', () => {
    expect(splitWords('防災訓練のお知らせ')).toBe('防災 訓練 の お知らせ');
    expect(splitWords('NPO法人')).toBe('NPO 法人');
    expect(splitWords('会&amp;食 Café &amp; 12')).toBe('会 &amp; 食 Café &amp; 12');
    expect(splitWords('（土）10:00〜12:00')).toBe('（ 土 ） 10:00 〜 12:00');
    for (const text of ['社会福祉協議会の見守り活動', '𠮷野家で、カフェ。', ' 子育て　サロン '])
      expect(splitWords(text).replace(/ (?=\S)(?<=\S )/g, ''), text).toBe(text.replace(/ (?=\S)(?<=\S )/g, ''));
  });

  it('is the same in the browser (public/scripts/search-terms.js) as in terms.ts', () => {
    const context: { searchTerms?: { queryText(t: string, d: TermData): string; stripKeys(e: string): string } } = {};
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
      '',
    ];
    for (const t of typed) expect(browser.queryText(t, data), t).toBe(queryText(t, data));
    for (const excerpt of [
      `見守り <mark>${kanaKey('みまもり')}</mark> 活動`,
      '<mark>見</mark> <mark>守り</mark> 活動 の 日. 毎月 第 2 水曜日 Café au lait',
    ])
      expect(browser.stripKeys(excerpt)).toBe(stripKeys(excerpt));
  });
});

describe('the index: keys of readings', () => {
  let tokenize: Tokenize;
  let keysOf: (text: string) => string[];
  beforeAll(async () => {
    tokenize = await loadTokenizer();
    const furigana = createFurigana(tokenize, [
      ...variantReadings(VARIANTS),
      { word: 'みどり野', reading: 'みどりの' },
    ]);
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
      { reading: 'くるまいす', starts: true },
    ]);
    expect(
      wordsOf('車椅子', tokens, [
        { text: '車', reading: 'くるま' },
        { text: '椅子', reading: 'いす' },
      ]),
    ).toEqual([
      { reading: 'くるま', starts: true },
      { reading: 'いす', starts: true },
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
      { reading: 'の', starts: false },
      { reading: 'みまもり', starts: true },
    ]);
    expect(readingKeys(words).map(keyReading)).toEqual(['みまもり']);
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
