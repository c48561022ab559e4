/**
 * Where IPADIC reads welfare writing wrong, the project's corrections: words it splits with the
 * wrong sound (避難所 is ひなんじょ, not ひなんしょ) or does not know (障がい), and counters after
 * a number, which it reads as nouns (12月 → つき, 3分 → ふん), and weekdays a schedule writes as
 * one kanji (毎週月・木 → げつ・もく). The site's own readings (site
 * settings `furigana`) take precedence over these.
 */
import { tokenSegments, type Override, type Segment, type Token } from './segments.ts';

export const CORRECTIONS: readonly Override[] = [
  { word: '避難所', reading: 'ひなんじょ' },
  { word: '集会所', reading: 'しゅうかいじょ' },
  { word: '相談所', reading: 'そうだんじょ' },
  { word: '障がい者', reading: 'しょうがいしゃ' },
  { word: '障がい', reading: 'しょうがい' },
  { word: '号棟', reading: 'ごうとう' },
  { word: '各棟', reading: 'かくとう' },
  // Words IPADIC (older than them, or reading them apart) gets wrong.
  { word: '令和', reading: 'れいわ' },
  { word: '茶話会', reading: 'さわかい' },
];

const DIGITS = /^[0-9０-９]+$/;
/** Days of the month read with か (ふつか … とおか, はつか); the others are にち. */
const KA_DAYS = new Set([2, 3, 4, 5, 6, 7, 8, 9, 10, 14, 20, 24]);
/** Minutes read ぷん after these last digits (いっぷん, さんぷん, じゅっぷん …). */
const PUN_DIGITS = new Set([1, 3, 4, 6, 8, 0]);
const PEOPLE: Record<string, string> = {
  '1': 'ひとり',
  '2': 'ふたり',
  '１': 'ひとり',
  '２': 'ふたり',
  一: 'ひとり',
  二: 'ふたり',
};

const toNumber = (digits: string) => Number(digits.replace(/[０-９]/g, (d) => String(d.charCodeAt(0) - 0xff10)));

/**
 * A counter's reading after a number (12月 → がつ, 5日 → か, 3分 → ぷん, 2人 → ふたり over
 * both), or undefined to keep the dictionary's. `previous` is the token before `token`.
 */
export function counterSegments(previous: Token | undefined, token: Token): Segment[] | undefined {
  if (!previous || !DIGITS.test(previous.surface)) return undefined;
  const n = toNumber(previous.surface);
  switch (token.surface) {
    case '月':
      return [{ text: '月', reading: 'がつ' }];
    case '日':
      return [{ text: '日', reading: KA_DAYS.has(n) ? 'か' : 'にち' }];
    case '分':
      return [{ text: '分', reading: PUN_DIGITS.has(n % 10) ? 'ぷん' : 'ふん' }];
    case '棟':
      return [{ text: '棟', reading: 'とう' }];
    case '人':
      return [{ text: '人', reading: 'にん' }];
    default:
      return undefined;
  }
}

/** 方 after a verb, an adjective or の is a person (参加したい方, 65歳以上の方): かた, not ほう. */
export function personReading(previous: Token | undefined, token: Token): Segment[] | undefined {
  if (token.surface !== '方' || !previous) return undefined;
  const pos = previous.pos ?? '';
  if (pos === '動詞' || pos === '助動詞' || pos === '形容詞' || previous.surface === 'の')
    return [{ text: '方', reading: 'かた' }];
  return undefined;
}

/** A weekday written as one kanji, as a schedule abbreviates it (毎週月・木, 5日（火）). */
const WEEKDAYS: Record<string, string> = {
  月: 'げつ',
  火: 'か',
  水: 'すい',
  木: 'もく',
  金: 'きん',
  土: 'ど',
  日: 'にち',
};
const WEEKLY = new Set(['毎週', '隔週', '週']);

/**
 * A weekday kanji standing alone is read as the weekday only where a schedule puts it: after
 * 毎週 (毎週月), in a list of weekdays (月・水・金), or in brackets after a date (5日（火）).
 * IPADIC reads it as the noun (月 つき, 木 き, 水 みず), which is right elsewhere: 月2回, 水・食料.
 */
export function weekdayReading(tokens: readonly Token[], i: number): Segment[] | undefined {
  const token = tokens[i];
  const reading = token ? WEEKDAYS[token.surface] : undefined;
  if (!token || !reading) return undefined;
  const at = (j: number) => tokens[j]?.surface ?? '';
  const isWeekday = (j: number) => WEEKDAYS[at(j)] !== undefined;
  const listed = (at(i - 1) === '・' && isWeekday(i - 2)) || (at(i + 1) === '・' && isWeekday(i + 2));
  const afterDate = /^[（(]$/.test(at(i - 1)) && /^[）)]$/.test(at(i + 1)) && at(i - 2) === '日';
  if (WEEKLY.has(at(i - 1)) || listed || afterDate) return [{ text: token.surface, reading }];
  return undefined;
}

/**
 * Whether `token` is read with the one before it as one word: IPADIC cuts a prefix (小地域,
 * 各地区, 第三) and a suffix (協議会, 参加者, 駐車場, 百歳) off the noun they belong to. Shown
 * as two rubies, the readings spread over each part and leave a gap inside the word (協 議 会
 * under きょうぎ かい); one ruby lays the reading over the word as a reader sees it.
 */
export const joinsPrevious = (previous: Token | undefined, token: Token): boolean =>
  previous?.pos === '接頭詞' || (token.pos === '名詞' && token.detail === '接尾');

const hasReading = (segment: Segment | undefined): segment is Segment & { reading: string } =>
  segment?.reading !== undefined && segment.reading !== '';

/** The segments of analysed text: the dictionary's readings, corrected by the context rules above. */
export function segmentsOf(tokens: readonly Token[]): Segment[] {
  const segments: Segment[] = [];
  tokens.forEach((token, i) => {
    const previous = tokens[i - 1];
    // 1人, 2人: ひとり, ふたり are read over the number and the counter together.
    const people = token.surface === '人' && previous ? PEOPLE[previous.surface] : undefined;
    if (people && previous && segments.at(-1)?.text === previous.surface) {
      segments[segments.length - 1] = { text: previous.surface + token.surface, reading: people };
      return;
    }
    const own =
      counterSegments(previous, token) ??
      personReading(previous, token) ??
      weekdayReading(tokens, i) ??
      tokenSegments(token);
    const [first, ...rest] = own;
    const last = segments.at(-1);
    // Kanji meeting kanji only: 見守り隊 keeps り between its two rubies.
    if (joinsPrevious(previous, token) && hasReading(last) && hasReading(first)) {
      segments[segments.length - 1] = { text: last.text + first.text, reading: last.reading + first.reading };
      segments.push(...rest);
    } else segments.push(...own);
  });
  return segments;
}
