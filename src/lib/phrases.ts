/**
 * The one phrase splitter of the site and the flyers: where a Japanese text may break across
 * lines. The site puts a <wbr> between phrases (headings use word-break: keep-all, so the
 * browser breaks nowhere else); the flyers (src/flyers/text.ts) break their lines at the same
 * places, so a title breaks the same way on the page and on paper.
 *
 * BudouX's phrases are the start. Its model was trained on news text and cuts words that
 * community titles are full of (年末も / ちつき大会, みどり / 野, NPO法 / 人), so:
 * 1. more breaks: after a space, before an opening bracket, after a closing one that a new
 *    word follows (「もぐもぐ」/ クリスマス会), after ・ in a list, after 〜 before a date;
 * 2. never a break inside a known word (KEEP_WORDS), a short 「…」 name, a number with its
 *    counter or a date (10時, 3月, 11月21日, 2日間), a character (grapheme), a weekday after its
 *    date (8日(日)), nor where 禁則 forbids it (no line starts with 、。」ー or a small kana,
 *    none ends with 「（);
 * 3. a phrase still too long for one line on a phone is cut where a known word starts or
 *    hiragana turns into katakana (ふれあい / いきいき / サロン), so the browser never has to
 *    fall back to breaking anywhere (ふれあいいきいきサ / ロン).
 *
 * Every break also says how much it holds together (Glue): the browser cannot rank breaks, but
 * a flyer, which can shrink its title, keeps a bracketed name or a word whole where a line has
 * room (ふれあいいきいきサロン on one line at 48 px rather than ふれあいいきいき / サロン at 50).
 */
import { loadDefaultJapaneseParser } from 'budoux';
import { Memo } from './memo.ts';

const parser = loadDefaultJapaneseParser();

/**
 * Words of organization names that BudouX cuts in two (NPO法 / 人つなぐ / 手): never broken,
 * on the site or on the flyers.
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
  'まるや商店',
  'もぐもぐ',
  'ぴよぴよ',
  'ひだまり',
  'かわばた',
  'あさひ台',
];

/** Longest phrase (in characters) that fits a heading line on a 375 px phone with large text. */
export const MAX_PHRASE = 8;
/** A 「…」 name up to this many characters is never broken. */
const MAX_QUOTED = 10;
/** Longest bracketed name a line keeps whole where it has room (longer ones are sentences). */
const MAX_BRACKETED = 20;

/** Characters that may not start a line (行頭禁則). */
export const NO_START: ReadonlySet<string> = new Set([
  ...'、。，．,.）)］]｝}」』】〉》〕〙〗”’ー〜～…‥・：；:;！？!?ぁぃぅぇぉっゃゅょゎゕゖァィゥェォッャュョヮヵヶ々ゝゞヽヾ％%',
]);
/** Characters that may not end a line (行末禁則). */
export const NO_END: ReadonlySet<string> = new Set([...'（(［[｛{「『【〈《〔〘〖“‘']);

/**
 * How strongly a break holds the phrases on either side together. The site breaks at all of
 * them alike; a flyer's title uses a stronger one only when the phrases around it do not fit.
 */
export const Glue = {
  /** A phrase boundary: break freely. */
  free: 0,
  /** Inside a bracketed name (サロン作品展 /（やさしい日本語で…）) or between a date and its time. */
  name: 1,
  /**
   * Inside what may be one word: kana running on into kana where BudouX cut (なる / あの), or
   * a phrase cut only so that it fits a phone (ふれあい / いきいき / サロン). Running text on a
   * flyer breaks here freely.
   */
  word: 2,
} as const;
export type Glue = (typeof Glue)[keyof typeof Glue];

export interface Phrasing {
  /** The text cut at its break opportunities: concatenated they are the text. */
  phrases: string[];
  /** glue[i]: how the break before phrases[i] holds in a title or another short line; glue[0] is Glue.free. */
  glue: Glue[];
  /**
   * The same in running text, where a word's breaks hold nothing (keeping every kana word
   * whole, 今年の / もちつき, leaves ragged lines; a phrase break reads fine) but a name's do.
   */
  textGlue: Glue[];
}

const graphemeSegmenter = new Intl.Segmenter('ja', { granularity: 'grapheme' });
const HIRAGANA = /^\p{Script=Hiragana}$/u;
const KATAKANA = /^[\p{Script=Katakana}ー]$/u;
const SPACE = /^\s$/u;
/** Particles after which a new word begins (世界の家庭料理で / おしゃべり会). */
const PARTICLE_END = /^[をにがはでとへの]$/u;
const CLOSE: Record<string, string> = { '「': '」', '『': '』', '（': '）', '(': ')' };
/** What may follow a closing bracket without a break: a particle or punctuation, 」に / 」を … */
const STAYS_AFTER_CLOSE =
  /[\sにをがはのとでへもやかねよ、。，．,.）)」』】〉》〕！？!?ー〜…・：；ぁぃぅぇぉっゃゅょゎ]/u;
/**
 * A number and what belongs to it: a date (2027年2月19日, 11月21日), a time (10:00), a
 * number with its counter or unit (10時, 3月, 2日間, 35人, 約850人, 1年, 3丁目, 50%).
 */
const NUMBER =
  /(?:\p{Nd}+[年月])*\p{Nd}+(?:[.,:：．，]\p{Nd}+)*(?:日間|時間|週間|か月|ヶ月|カ月|か所|ヶ所|丁目|番地|歳|才|[年月日時分秒人名回円件枚個本台号階度点歳%％])?/gu;

/** Where each occurrence of each word starts and ends (UTF-16 offsets). */
function wordSpans(text: string, words: readonly string[]): [number, number][] {
  const spans: [number, number][] = [];
  for (const word of words) {
    for (let at = text.indexOf(word); at >= 0; at = text.indexOf(word, at + 1)) spans.push([at, at + word.length]);
  }
  return spans;
}

/** The bracketed stretches of a text no longer than `max` characters inside, brackets included. */
function bracketSpans(text: string, open: string, max: number): [number, number][] {
  const spans: [number, number][] = [];
  for (let at = 0; at < text.length; at++) {
    const close = CLOSE[text[at] as string];
    if (!close || !open.includes(text[at] as string)) continue;
    const end = text.indexOf(close, at + 1);
    if (end > at && [...text.slice(at + 1, end)].length <= max) spans.push([at, end + 1]);
  }
  return spans;
}

const within = (spans: readonly [number, number][], i: number) => spans.some(([start, end]) => i > start && i < end);

/** The character (grapheme) just before and just after offset i. */
function around(text: string, i: number): [string, string] {
  const before = [...graphemeSegmenter.segment(text.slice(Math.max(0, i - 16), i))].pop()?.segment ?? '';
  const [after] = Array.from(graphemeSegmenter.segment(text.slice(i, i + 16)), (s) => s.segment);
  return [before, after ?? ''];
}

/**
 * `around` for one text. Where every grapheme of the text is one UTF-16 unit (no emoji, no
 * combining marks: nearly every title) the neighbours are its characters, without segmenting
 * two slices at every offset asked (most of the splitter's time).
 */
function aroundIn(text: string, graphemeCount: number): (i: number) => [string, string] {
  if (graphemeCount !== text.length) return (i) => around(text, i);
  return (i) => [text[i - 1] ?? '', text[i] ?? ''];
}

// A title is shown on its page and in every list it is in (district, category, calendar, home),
// and a flyer breaks the same texts again at every size it tries: at 10,000 entries BudouX ran
// ~50,000 times for ~10,000 distinct texts. A memo (./memo.ts), so a long build does not keep every text.
const known = new Memo<string, Phrasing>(20_000);

/** Forgets the phrases, so a benchmark can time each flyer as if its texts were new. */
export function clearPhraseCache(): void {
  known.clear();
}

/** The text's phrases and how each break holds together. `keep`: words never broken. */
export function phrasing(text: string, keep: readonly string[] = KEEP_WORDS): Phrasing {
  if (keep !== KEEP_WORDS) return split(text, keep);
  const result = known.remember(text, () => split(text, keep));
  return { phrases: [...result.phrases], glue: [...result.glue], textGlue: [...result.textGlue] };
}

/** The text's phrases: where the site puts a <wbr> and where a flyer's lines may break. */
export function phrases(text: string, keep: readonly string[] = KEEP_WORDS): string[] {
  return phrasing(text, keep).phrases;
}

function split(text: string, keep: readonly string[]): Phrasing {
  const breaks = new Set<number>();
  let offset = 0;
  for (const chunk of parser.parse(text).slice(0, -1)) breaks.add((offset += chunk.length));

  // 1. More breaks than BudouX offers.
  const add = (pattern: RegExp) => {
    for (const m of text.matchAll(pattern)) if (m.index > 0 && m.index < text.length) breaks.add(m.index);
  };
  add(/(?<=\s)(?=\S)/gu); // after a space: Latin text wraps, and facts set apart by a full-width space
  add(/(?<=[^\s「『（(［【〈《])(?=[「『（(［【〈《])/gu); // before an opening bracket
  add(/(?<=〜)(?=\p{Nd}+[年月])/gu); // a period's end date: 10:00〜 / 2027年2月21日
  add(/(?<=・)(?=[^・\s])/gu); // a list: 東小学校区・/ 西小学校区
  for (const m of text.matchAll(/[」』）)]/gu)) {
    const next = text[m.index + 1];
    if (next !== undefined && !STAYS_AFTER_CLOSE.test(next)) breaks.add(m.index + 1);
  }

  // 2. Never a break here.
  const words = wordSpans(text, keep);
  const quoted = bracketSpans(text, '「『', MAX_QUOTED);
  const numbers = Array.from(text.matchAll(NUMBER), (m): [number, number] => [m.index, m.index + m[0].length]);
  const whole = [...words, ...quoted, ...numbers];
  const graphemeStarts = new Set(Array.from(graphemeSegmenter.segment(text), (s) => s.index));
  const neighbours = aroundIn(text, graphemeStarts.size);
  for (const i of [...breaks]) {
    const [before, after] = neighbours(i);
    if (
      !graphemeStarts.has(i) ||
      within(whole, i) ||
      SPACE.test(after) || // a space ends the phrase before it
      NO_START.has(after) ||
      NO_END.has(before) ||
      /^[（(][^）)][）)]/u.test(text.slice(i)) // 11月8日(日), never 11月8日 / (日)
    )
      breaks.delete(i);
  }

  // 3. Phrases still too long for a phone: the browser would break them anywhere
  // (overflow-wrap), so offer the least bad places ourselves.
  const cuts = new Set<number>();
  const sorted = [0, ...[...breaks].sort((a, b) => a - b), text.length];
  for (let p = 0; p < sorted.length - 1; p++) {
    const [from, to] = [sorted[p] as number, sorted[p + 1] as number];
    if ([...text.slice(from, to).trimEnd()].length <= MAX_PHRASE) continue;
    const candidates = words.map(([start]) => start);
    for (let i = from + 1; i < to; i++) {
      const [before, after] = neighbours(i);
      if (HIRAGANA.test(before) && KATAKANA.test(after)) candidates.push(i);
    }
    for (const i of candidates) {
      const [before, after] = neighbours(i);
      if (
        i > from &&
        i < to &&
        graphemeStarts.has(i) &&
        !within(whole, i) &&
        !SPACE.test(before) &&
        !NO_START.has(after)
      )
        cuts.add(i);
    }
  }

  const at = [0, ...[...breaks, ...cuts].sort((a, b) => a - b), text.length];
  const pieces = at.slice(0, -1).map((start, i) => text.slice(start, at[i + 1]));
  return { phrases: pieces, ...glueOf(text, pieces, cuts, neighbours) };
}

function glueOf(
  text: string,
  pieces: readonly string[],
  cuts: ReadonlySet<number>,
  neighbours: (i: number) => [string, string],
) {
  const names = bracketSpans(text, '「『（(', MAX_BRACKETED);
  const glue: Glue[] = [];
  const textGlue: Glue[] = [];
  let offset = 0;
  pieces.forEach((piece, i) => {
    if (i === 0) {
      glue.push(Glue.free);
      textGlue.push(Glue.free);
      offset += piece.length;
      return;
    }
    const previous = pieces[i - 1] as string;
    const [before, after] = neighbours(offset);
    // BudouX cut kana running on into kana (年末も / ちつき, なる / あの) or left a kana alone
    // (まる / や / 商店); after a particle, though, a new word begins.
    const kana =
      (HIRAGANA.test(before) && HIRAGANA.test(after) && !PARTICLE_END.test(before)) ||
      (KATAKANA.test(before) && KATAKANA.test(after));
    const lone = (p: string) => HIRAGANA.test(p.trim());
    // 11月8日(日) 15:00: a date and its time.
    const dateTime = /[)）]\s$/u.test(previous) && /^\p{Nd}{1,2}:\p{Nd}{2}/u.test(piece);
    const name = dateTime || within(names, offset) ? Glue.name : Glue.free;
    glue.push(kana || lone(previous) || lone(piece) || cuts.has(offset) ? Glue.word : name);
    textGlue.push(name);
    offset += piece.length;
  });
  return { glue, textGlue };
}
