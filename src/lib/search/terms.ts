/**
 * Search that forgives how Japanese is typed (issue 16, item 7). Residents type サロン, さろん
 * or ｻﾛﾝ, 車いす or くるまいす, 子ども or 子供; Pagefind matches only what is written. So both
 * sides meet on the reading, written as a *search key*:
 * - the index (src/lib/search/readings.ts) adds, after each Japanese text of a search
 *   document, the key of every word's reading (from the ふりがな analyser: 見守り → みまもり);
 * - the query (`queryText`, run in the browser by public/scripts/search-terms.js) has its width
 *   folded (NFKC), the spellings of src/lib/search/variants.ts replaced by their reading's key,
 *   and every run of kana made a key too.
 * A key is the reading in hiragana, each kana as one or two Latin letters behind `qq` (みまもり →
 * qqquxuk). Latin, because neither Pagefind's Japanese segmenter at indexing nor the
 * browser's Intl.Segmenter at query time splits a Latin word, while both split kana unpredictably
 * (くるまいす as く/るま/いす): a key matches whole, or as the start of a longer key. Keys never
 * reach a page: the search page takes them out of result excerpts (`stripKeys`).
 */
import { VARIANTS, type VariantGroup } from './variants.ts';

/** What every key starts with: two letters no Japanese text's Latin words start with in practice. */
export const KEY_PREFIX = 'qq';
/**
 * A *surface key* spells the same spans of words as the reading keys as they are written, from
 * their first kanji (外国人相談窓口 → 外国人相談窓口, 人相談窓口 …): kana as a reading key spells
 * them, each kanji as z and three letters. A query's kanji meet these rather than the words of
 * the text, so 外国人 finds the pages that write 外国人, not those with 外国 in one place and 人 in
 * another (ICU splits 外国/人 and Pagefind looks for every word of a query apart), and finds them
 * through the same spans, so the same pages, as がいこくじん does through the reading keys. A
 * reading key has no z. Latin letters, because Pagefind splits a word where Latin meets kanji.
 */
const KANJI_LEAD = 'z';
/**
 * How a key spells kana: the 22 kana most frequent in the readings of the sample content (69 % of
 * all) one letter each, the other 65 and ー two letters, w, x or y and a letter. A prefix code, so a
 * reading's start is its key's start. Two letters for every kana made the first search at
 * N = 10,000 fetch 150.3 kB (budget 150): the keys are part of the text Pagefind keeps per page.
 */
const ONE_LETTER_KANA = 'いうしんかくょきちたりさこつだじみどあとまな';
const ONE_LETTERS = 'abcdefghijklmnopqrstuv';
const LEADS = 'wxy';
const ALL_KANA = [...Array.from({ length: 0x56 }, (_, i) => String.fromCharCode(0x3041 + i)), 'ー'];
const CODES = new Map<string, string>();
[...ONE_LETTER_KANA].forEach((kana, i) => CODES.set(kana, ONE_LETTERS.charAt(i)));
ALL_KANA.filter((kana) => !ONE_LETTER_KANA.includes(kana)).forEach((kana, i) =>
  CODES.set(kana, LEADS.charAt(Math.floor(i / 26)) + String.fromCharCode(0x61 + (i % 26))),
);
const KANA_OF = new Map([...CODES].map(([kana, code]) => [code, kana]));

/** Width and kana folded: NFKC (ｻﾛﾝ → サロン, ＡＢＣ → ABC), then katakana to hiragana (サロン → さろん). */
export function foldKana(text: string): string {
  return text.normalize('NFKC').replace(/[\u30a1-\u30f6]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0x60));
}

/** Whether folded text is kana only (hiragana and ー), and so can be a key. */
export const isKana = (folded: string): boolean => /^[\u3041-\u3096ー]+$/.test(folded);

/** The key of a reading (kana, either script, any width): みまもり → qqquxuk. Throws on anything but kana. */
export function kanaKey(reading: string): string {
  const folded = foldKana(reading);
  if (!isKana(folded)) throw new Error(`kanaKey: 「${reading}」 is not kana only`);
  return KEY_PREFIX + [...folded].map((c) => CODES.get(c)).join('');
}

/** The reading a key spells, or a surface key's text (for tests and for looking into an index): qqquxuk → みまもり. */
export function keyReading(key: string): string {
  if (!key.startsWith(KEY_PREFIX)) throw new Error(`keyReading: 「${key}」 is not a search key`);
  const codes = key.slice(KEY_PREFIX.length).match(/z[a-z]{3}|[wxy][a-z]|[a-v]/g) ?? [];
  const kanji = (code: string) =>
    String.fromCharCode(0x4e00 + [...code.slice(1)].reduce((n, c) => n * 26 + c.charCodeAt(0) - 0x61, 0));
  return codes.map((code) => (code.startsWith(KANJI_LEAD) ? kanji(code) : (KANA_OF.get(code) ?? ''))).join('');
}

/** What the browser needs to turn a query into keys: the variant spellings and their readings' keys. */
export interface TermData {
  /** Every spelling of src/lib/search/variants.ts (NFKC), longest first, with its group's key. */
  variants: [spelling: string, key: string][];
  /**
   * Whether the index searched has surface keys (the Japanese one): kanji typed become them.
   * Elsewhere (a Chinese page's index) kanji stay words.
   */
  surface?: boolean;
}

/**
 * The letters of a kanji in a surface key: z and its code point from 一 in base 26, three
 * letters (17,576 code points: 一 to 銧 without a clash; rarer kanji may share letters with one).
 */
function kanjiCode(char: string): string {
  let n = ((((char.codePointAt(0) ?? 0) - 0x4e00) % 17576) + 17576) % 17576;
  let out = '';
  for (let i = 0; i < 3; i++, n = Math.floor(n / 26)) out = String.fromCharCode(0x61 + (n % 26)) + out;
  return KANJI_LEAD + out;
}

/** The surface key of a span of Japanese words, from its first kanji, kana folded (お知らせ as 知らせ); none without kanji. */
export function surfaceKey(span: string): string | undefined {
  const from = span.search(KANJI);
  if (from < 0) return undefined;
  return KEY_PREFIX + [...foldKana(span.slice(from))].map((c) => CODES.get(c) ?? kanjiCode(c)).join('');
}

/** The variant spellings as the browser gets them (the search page's data-terms attribute). */
export function termData(groups: readonly VariantGroup[] = VARIANTS, { surface = true } = {}): TermData {
  const variants = groups.flatMap((g) =>
    g.spellings.map((s): [string, string] => [s.normalize('NFKC'), kanaKey(g.reading)]),
  );
  variants.sort((a, b) => b[0].length - a[0].length || (a[0] < b[0] ? -1 : 1));
  return { variants, surface };
}

// A word's pieces: kanji with the hiragana written after them (okurigana: 見守り, 子育て), a
// run of katakana, a run of hiragana, or anything else (Latin, digits, punctuation).
const PIECES =
  /[\p{Script=Han}々〆ヵヶ]+[\u3041-\u3096]*|[\u30a1-\u30faー]+|[\u3041-\u3096ー]+|[^\p{Script=Han}々〆\u3041-\u3096\u30a1-\u30faー]+/gu;
const HIRAGANA_RUN = /^[\u3041-\u3096ー]+$/;
const KANJI_START = /^[\p{Script=Han}々〆ヵヶ]/u;
/** A kanji (what a surface key starts at; readings.ts asks the same of a word). */
export const KANJI = /[\p{Script=Han}々〆]/u;

/**
 * Characters of Japanese writing: kanji, kana, ー, and the Japanese and full-width punctuation
 * (「」、。・（）…). A word boundary next to one is where `splitWords` puts a space.
 */
export const JAPANESE_CHAR = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\u3000-\u303f\u30fc\uff00-\uffef]/u;
let wordSegmenter: Intl.Segmenter | undefined;

/**
 * Japanese text with a space between its words, where ICU's Japanese word segmentation
 * (`Intl.Segmenter('ja')`, the same in Node at indexing and in the browser at query time) puts
 * boundaries: 見守り活動の日 → 見守り 活動 の 日. Both sides of search split words this way, so
 * Pagefind, which splits the index on spaces only (src/lib/search/document.ts,
 * JAPANESE_INDEX_LANG), holds the words a query has. Only boundaries next to a Japanese
 * character get a space: Latin words, numbers and HTML character references (&amp;) stay whole.
 */
export function splitWords(text: string): string {
  return splitWordsOf([text])[0] ?? '';
}

/** A hard word boundary on both sides (Unicode's WB3a/WB3b): no segment crosses it. */
const TEXT_SEPARATOR = '\u2029';

/**
 * `splitWords` of many texts, in one pass of the segmenter over them joined: each call of
 * `segment()` has a fixed cost about five times that of segmenting a short text, and a search
 * document has hundreds of texts (the 210,000 texts of 1,000 pages of the bench town: 0.26 s
 * joined against 1.3 s one by one). The texts are joined with a paragraph separator, which ICU
 * always breaks on both sides, so each text's segments are those it has alone (a unit test holds
 * them equal).
 */
export function splitWordsOf(texts: readonly string[]): string[] {
  wordSegmenter ??= new Intl.Segmenter('ja', { granularity: 'word' });
  const out: string[] = [];
  let text = '';
  let before = '';
  let end = texts[0]?.length ?? 0;
  for (const { segment, index } of wordSegmenter.segment(texts.join(TEXT_SEPARATOR))) {
    if (index === end && out.length < texts.length - 1) {
      out.push(text);
      text = '';
      before = '';
      end = index + 1 + (texts[out.length]?.length ?? 0);
      continue;
    }
    const first = firstCharacter(segment);
    if (before && !/\s/.test(before) && !/\s/.test(first) && (JAPANESE_CHAR.test(before) || JAPANESE_CHAR.test(first)))
      text += ' ';
    text += segment;
    before = lastCharacter(segment) || before;
  }
  if (texts.length) out.push(text);
  return out;
}

const isHighSurrogate = (code: number) => code >= 0xd800 && code <= 0xdbff;
const isLowSurrogate = (code: number) => code >= 0xdc00 && code <= 0xdfff;
/** The first and last character of a text (a surrogate pair whole), without spreading it. */
export const firstCharacter = (text: string) => text.slice(0, isHighSurrogate(text.charCodeAt(0)) ? 2 : 1);
export const lastCharacter = (text: string) => text.slice(isLowSurrogate(text.charCodeAt(text.length - 1)) ? -2 : -1);

/**
 * The query Pagefind is given for what a resident typed: width folded, variant spellings
 * replaced by their key (子供食堂 → qqmrxu 食堂), and kana made keys (さろん, サロン, ｻﾛﾝ →
 * qqlydd). Kanji and what follows them as okurigana stay as typed, for Pagefind to match the
 * text; so does a single hiragana before kanji (お知らせ), which is a prefix, not a word.
 * public/scripts/search-terms.js does the same in the browser (a unit test holds them equal).
 */
export function queryText(typed: string, data: TermData = termData()): string {
  let text = typed.normalize('NFKC');
  for (const [spelling, key] of data.variants) text = text.split(spelling).join(` ${key} `);
  const words: string[] = [];
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const pieces = word.match(PIECES) ?? [];
    let plain = '';
    pieces.forEach((piece, i) => {
      const next = pieces[i + 1];
      const prefix = HIRAGANA_RUN.test(piece) && piece.length === 1 && next !== undefined && KANJI_START.test(next);
      if (isKana(foldKana(piece)) && !prefix) {
        if (plain) words.push(plain);
        plain = '';
        words.push(kanaKey(piece));
      } else plain += piece;
    });
    if (plain) words.push(plain);
  }
  // What is not a key, split into words as the index is (splitWords); with surface keys, the
  // kanji in those words as the index's surface keys (kanjiKeys).
  return words
    .map((w) => (w.startsWith(KEY_PREFIX) ? w : data.surface ? kanjiKeys(splitWords(w)) : splitWords(w)))
    .filter(Boolean)
    .join(' ');
}

/**
 * Words split by splitWords with their kanji as surface keys: each run of words holding kanji
 * becomes one key (民生 委員 → the key of 民生委員, as the index's span from 民生), and the hiragana words
 * between runs are left out (見守り の 会 → the keys of 見守り and 会; 参加 する → of 参加): the index's spans
 * stop at particles and endings, which start no key. Other words (Latin, digits) stay.
 */
export function kanjiKeys(split: string): string {
  return kanjiRuns(split)
    .map((run) => (KANJI.test(run) ? surfaceKey(run) : run))
    .join(' ');
}

/** The runs of words with kanji (from their first kanji) and the other words but kana, of words split by splitWords (kanjiKeys). */
function kanjiRuns(split: string): string[] {
  const out: string[] = [];
  let run = '';
  const end = () => {
    if (run) out.push(run);
    run = '';
  };
  for (const word of split.split(' ').filter(Boolean)) {
    if (KANJI.test(word)) run += run ? word : word.slice(word.search(KANJI));
    else {
      end();
      if (!isKana(foldKana(word))) out.push(word);
    }
  }
  end();
  return out;
}

/**
 * An excerpt with what the resident typed marked: Pagefind marks the keys a query matched, and
 * stripKeys takes them out, so the words themselves are marked here — each run of kanji as
 * typed (見守りの会 → 見守り, 会), and each kana word in either script (さろん marks サロン).
 * Marks already there (a Latin word's) stay; nothing inside a tag is touched.
 */
export function markTyped(excerpt: string, typed: string): string {
  const words: string[] = [];
  for (const word of typed.normalize('NFKC').split(/\s+/).filter(Boolean)) {
    for (const piece of word.match(PIECES) ?? [])
      if (isKana(foldKana(piece)) && piece.length > 1)
        words.push(
          [...foldKana(piece)]
            .map((c) => (/[\u3041-\u3096]/.test(c) ? `[${c}${String.fromCharCode(c.charCodeAt(0) + 0x60)}]` : c))
            .join(''),
        );
    for (const run of kanjiRuns(splitWords(word)))
      if (KANJI.test(run)) words.push(run.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&'));
  }
  if (!words.length) return excerpt;
  const found = new RegExp(words.sort((a, b) => b.length - a.length).join('|'), 'g');
  return excerpt
    .split(/(<mark>[\s\S]*?<\/mark>|<[^>]*>)/)
    .map((part, i) => (i % 2 ? part : part.replace(found, '<mark>$&</mark>')))
    .join('');
}

/**
 * Spaces in an excerpt with what is on either side, a <mark> between allowed: those the index put
 * between words (splitWords) have a Japanese character on one side. Not after a full stop, which
 * Pagefind adds after a block (日時. 毎月) where the space is its own.
 */
const SPACED = /([^\s.])((?:<\/mark>)?)[ \u200b]+((?:<mark>)?)(?=([^\s<]))/gu;

/**
 * An excerpt as the page reads it: Pagefind builds excerpts from the indexed text, so they hold
 * the keys (a kana query's key marked, <mark>qqquxuk</mark>) and the spaces the index put between
 * Japanese words (見守り 活動 → 見守り活動). Both are taken out; spaces between Latin words stay.
 */
export function stripKeys(excerpt: string): string {
  return excerpt
    .replace(/\s*(?:<mark>)?qq[a-z]+(?:<\/mark>)?/g, '')
    .replace(SPACED, (spaced, before: string, close: string, open: string, after: string) =>
      JAPANESE_CHAR.test(before) || JAPANESE_CHAR.test(after) ? before + close + open : spaced,
    );
}
