/**
 * Where IPADIC reads welfare writing wrong, the project's corrections: words it splits with the
 * wrong sound (避難所 is ひなんじょ, not ひなんしょ) or does not know (障がい), and counters after
 * a number, which it reads as nouns (12月 → つき, 3分 → ふん). The site's own readings (site
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
];

const DIGITS = /^[0-9０-９]+$/;
/** Days of the month read with か (ふつか … とおか, はつか); the others are にち. */
const KA_DAYS = new Set([2, 3, 4, 5, 6, 7, 8, 9, 10, 14, 20, 24]);
/** Minutes read ぷん after these last digits (いっぷん, さんぷん, じゅっぷん …). */
const PUN_DIGITS = new Set([1, 3, 4, 6, 8, 0]);
const PEOPLE: Record<string, string> = { '1': 'ひとり', '2': 'ふたり', '１': 'ひとり', '２': 'ふたり' };

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
    segments.push(...(counterSegments(previous, token) ?? personReading(previous, token) ?? tokenSegments(token)));
  });
  return segments;
}
