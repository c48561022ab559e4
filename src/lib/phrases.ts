/**
 * Splits Japanese text at phrase boundaries (BudouX), so that headings wrap between phrases
 * (ふれあいいきいきサロン /「ひだまり」) instead of inside a word (ふれあ / いいきいき).
 *
 * BudouX's model was trained on news text and cuts some all-kana words that community titles
 * are full of (年末も / ちつき大会, みどり / 野). Three corrections follow, in order:
 * 1. no break inside a known word (KEEP_WORDS),
 * 2. no break inside a short 「…」 name (「にほんごサロン」 stays one piece),
 * 3. a piece still too long for one line on a phone is cut where a known word starts or
 *    hiragana turns into katakana (ふれあい / いきいき / サロン), so the browser
 *    never has to fall back to breaking anywhere (ふれあいいきいきサ / ロン).
 */
import { loadDefaultJapaneseParser } from 'budoux';

const parser = loadDefaultJapaneseParser();

/**
 * Words of organization names that BudouX cuts in two (NPO法 / 人つなぐ / 手): never broken on
 * the site, and kept together on the flyers where a line has room (src/flyers/text.ts).
 */
export const NAME_WORDS: readonly string[] = ['NPO法人', '社会福祉法人', '法人', '協議会', '町内会', '自治会'];

/** Words of local community life that BudouX splits; add here when a heading breaks badly. */
export const KEEP_WORDS: readonly string[] = [
  ...NAME_WORDS,
  'つなぐ手',
  'もちつき',
  'みどり野',
  'ふれあい',
  'いきいき',
  'つながり',
  'えんがわ',
  'にほんご',
  'わたしたち',
  'すくすく',
  'まるや',
  'もぐもぐ',
  'ぴよぴよ',
  'ひだまり',
  'かわばた',
  'あさひ台',
];

/** Longest piece (in characters) that fits a heading line on a 375 px phone with large text. */
export const MAX_PHRASE = 8;
/** A 「…」 name up to this many characters is kept whole. */
const MAX_QUOTED = 10;

const HIRAGANA = /\p{Script=Hiragana}/u;
const KATAKANA = /\p{Script=Katakana}/u;

/** Where each occurrence of each word starts and ends (UTF-16 offsets). */
function wordSpans(text: string, words: readonly string[]) {
  const spans: [number, number][] = [];
  for (const word of words) {
    for (let at = text.indexOf(word); at >= 0; at = text.indexOf(word, at + 1)) spans.push([at, at + word.length]);
  }
  return spans;
}

// A title is shown on its page and in every list it is in (district, category, calendar, home):
// at 10,000 entries BudouX ran ~50,000 times for ~10,000 distinct texts.
const known = new Map<string, string[]>();

export function phrases(text: string, keep: readonly string[] = KEEP_WORDS): string[] {
  if (keep !== KEEP_WORDS) return splitPhrases(text, keep);
  let result = known.get(text);
  if (!result) known.set(text, (result = splitPhrases(text, keep)));
  return [...result];
}

function splitPhrases(text: string, keep: readonly string[]): string[] {
  const breaks = new Set<number>();
  let offset = 0;
  for (const chunk of parser.parse(text).slice(0, -1)) breaks.add((offset += chunk.length));

  const known = wordSpans(text, keep);
  for (const [start, end] of known) for (let i = start + 1; i < end; i++) breaks.delete(i);
  const quoted: [number, number][] = [];
  for (const quote of text.matchAll(/「[^「」]+」/g)) {
    if (quote[0].length - 2 <= MAX_QUOTED) quoted.push([quote.index, quote.index + quote[0].length]);
  }
  const whole = [...known, ...quoted];
  for (const [start, end] of whole) for (let i = start + 1; i < end; i++) breaks.delete(i);
  const inside = (i: number) => whole.some(([start, end]) => i > start && i < end);

  // Pieces still too long: the browser would break them anywhere (overflow-wrap), so offer
  // the least bad places ourselves. Spaces are break opportunities already.
  const sorted = [0, ...[...breaks].sort((a, b) => a - b), text.length];
  for (let p = 0; p < sorted.length - 1; p++) {
    const [from, to] = [sorted[p]!, sorted[p + 1]!];
    const longest = Math.max(
      ...text
        .slice(from, to)
        .split(/\s/)
        .map((s) => [...s].length),
    );
    if (longest <= MAX_PHRASE) continue;
    for (const [start] of known) {
      if (start > from && start < to && !inside(start) && !/\s/.test(text[start - 1]!)) breaks.add(start);
    }
    for (let i = from + 1; i < to; i++) {
      if (!inside(i) && HIRAGANA.test(text[i - 1]!) && KATAKANA.test(text[i]!)) breaks.add(i);
    }
  }

  const cuts = [0, ...[...breaks].sort((a, b) => a - b), text.length];
  return cuts.slice(0, -1).map((start, i) => text.slice(start, cuts[i + 1]));
}
