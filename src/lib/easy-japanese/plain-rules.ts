/**
 * The やさしい日本語 checks that need no dictionary of the language, only the project's word
 * list (words.json) and the shapes of numbers: hard words, katakana loanwords without an
 * explanation, dates and times not written as the guideline asks. Pure, so the same code runs
 * as textlint rules in Node (rules.ts) and in the CMS preview in the browser (admin/preview.ts),
 * where textlint's dictionary-based Japanese rules cannot load.
 */
import words from './words.json' with { type: 'json' };

/** One thing a plain rule found in a string: where (0-based index), what, and what to write. */
export interface PlainFinding {
  rule: PlainRuleId;
  index: number;
  /** The text found. */
  found: string;
  /** What to write instead (Japanese). */
  suggestion: string;
}

export type PlainRuleId = 'easy-ja/hard-word' | 'easy-ja/katakana' | 'easy-ja/date-time';

export interface HardWord {
  word: string;
  easy: string[];
}

export const HARD_WORDS: readonly HardWord[] = words.hardWords;
export const KNOWN_KATAKANA: ReadonlySet<string> = new Set(words.knownKatakana);

/** A word explained where it stands: 「避難（にげる こと）」 or 「サロン(あつまり)」. */
const explainedAt = (text: string, end: number) => /^[（(]/.test(text.slice(end));

// Longer words first, so 問い合わせ is reported once and not also as a shorter word inside it.
const hardWordsByLength = [...HARD_WORDS].sort((a, b) => b.word.length - a.word.length);

export function findHardWords(text: string): PlainFinding[] {
  const findings: PlainFinding[] = [];
  const taken: [number, number][] = [];
  for (const { word, easy } of hardWordsByLength) {
    for (let at = text.indexOf(word); at !== -1; at = text.indexOf(word, at + word.length)) {
      const end = at + word.length;
      if (explainedAt(text, end) || taken.some(([s, e]) => at < e && end > s)) continue;
      taken.push([at, end]);
      findings.push({ rule: 'easy-ja/hard-word', index: at, found: word, suggestion: easy.join('／') });
    }
  }
  return findings.sort((a, b) => a.index - b.index);
}

/** Runs of katakana (with ー and ・ inside), e.g. パーティション, アルファ米's アルファ. */
const KATAKANA_RUN = /[ァ-ヺー]{2,}(?:・[ァ-ヺー]+)*/gu;

/**
 * Katakana loanwords the reader may not know: any run of two or more katakana that is not in the
 * known list (words everyone learns early, country names) and not explained by a （…） after it.
 */
export function findUnexplainedKatakana(text: string): PlainFinding[] {
  const findings: PlainFinding[] = [];
  for (const match of text.matchAll(KATAKANA_RUN)) {
    const word = match[0];
    const index = match.index;
    if (/^ー/.test(word) || explainedAt(text, index + word.length)) continue;
    if (word.split('・').every((part) => KNOWN_KATAKANA.has(part))) continue;
    findings.push({
      rule: 'easy-ja/katakana',
      index,
      found: word,
      suggestion: `${word}（やさしい ことばで せつめい）`,
    });
  }
  return findings;
}

const WEEKDAYS: Record<string, string> = {
  月: '月曜日',
  火: '火曜日',
  水: '水曜日',
  木: '木曜日',
  金: '金曜日',
  土: '土曜日',
  日: '日曜日',
  祝: '祝日',
};

/** 14 → 午後2時, 9 → 午前9時, 12 → 午後0時 is how the guideline's examples say noon: 午後0時. */
export function plainHour(hour: number, minute = 0): string {
  const half = hour < 12 ? '午前' : '午後';
  const h = hour % 12;
  return `${half}${h}時${minute ? `${minute}分` : ''}`;
}

const DATE_TIME_PATTERNS: { re: RegExp; suggest: (m: RegExpExecArray) => string }[] = [
  // 2026-12-05, 2026/12/05: the order of year, month and day is not the same everywhere.
  {
    re: /(?<![\d])(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?![\d])/gu,
    suggest: (m) => `${Number(m[1])}年${Number(m[2])}月${Number(m[3])}日`,
  },
  // 12/5: month first or day first?
  { re: /(?<![\d/])(\d{1,2})\/(\d{1,2})(?![\d/])/gu, suggest: (m) => `${Number(m[1])}月${Number(m[2])}日` },
  // 14:00, 9:30: write 午前・午後 and 時.
  {
    re: /(?<![\d])([01]?\d|2[0-3])[:：]([0-5]\d)(?![\d])/gu,
    suggest: (m) => plainHour(Number(m[1]), Number(m[2])),
  },
  // 14時: the 24-hour clock is not what people say.
  { re: /(?<![\d])(1[3-9]|2[0-3])時/gu, suggest: (m) => plainHour(Number(m[1])) },
  // （土） → （土曜日）: one kanji is hard to read as a weekday.
  {
    re: /[（(]([月火水木金土日祝])[）)]/gu,
    suggest: (m) => `（${WEEKDAYS[m[1] ?? ''] ?? ''}）`,
  },
  // 令和8年: the era is unknown to many; the Western year is known everywhere.
  { re: /(令和|平成)(\d+|元)年/gu, suggest: (m) => `${eraYear(m[1] ?? '', m[2] ?? '')}年` },
];

function eraYear(era: string, year: string): number {
  const n = year === '元' ? 1 : Number(year);
  return (era === '令和' ? 2018 : 1988) + n;
}

export function findUnplainDates(text: string): PlainFinding[] {
  const findings: PlainFinding[] = [];
  const taken: [number, number][] = [];
  for (const { re, suggest } of DATE_TIME_PATTERNS) {
    for (const m of text.matchAll(re)) {
      const start = m.index;
      const end = start + m[0].length;
      if (taken.some(([s, e]) => start < e && end > s)) continue;
      taken.push([start, end]);
      findings.push({
        rule: 'easy-ja/date-time',
        index: start,
        found: m[0],
        suggestion: suggest(m as RegExpExecArray),
      });
    }
  }
  return findings.sort((a, b) => a.index - b.index);
}

/** Every plain rule over one string, in order of place. */
export const findPlain = (text: string): PlainFinding[] =>
  [...findHardWords(text), ...findUnexplainedKatakana(text), ...findUnplainDates(text)].sort(
    (a, b) => a.index - b.index,
  );

/**
 * The two length rules for the CMS preview, where textlint's kernel does not load (it and
 * max-kanji-continuous-len require Node's assert). Same limits as the textlint rules that
 * check and the build run (messages.ts: EASY_LIMITS); tests/unit/easy-japanese.test.ts checks
 * both find the same on sample texts. Sentences end at 。！？ or a line break; spaces between
 * words and Markdown's marks (list bullets, emphasis, headings) are not counted.
 */
export interface LengthFinding {
  rule: 'sentence-length' | 'max-kanji-continuous-len';
  index: number;
  found: string;
}

const MARKDOWN_MARKS = /^\s*(?:[-*+]|\d+\.|#{1,6}|>)\s+|\*\*|__/gmu;

export function findLongSentences(text: string, max: number): LengthFinding[] {
  const findings: LengthFinding[] = [];
  for (const m of text.matchAll(/[^。！？!?\n]+[。！？!?]?/gu)) {
    const counted = m[0].replace(MARKDOWN_MARKS, '').replace(/[ \u3000\t]+/gu, '');
    if ([...counted].length > max) findings.push({ rule: 'sentence-length', index: m.index, found: m[0].trim() });
  }
  return findings;
}

export function findKanjiRuns(text: string, max: number): LengthFinding[] {
  const findings: LengthFinding[] = [];
  // The same characters as textlint-rule-max-kanji-continuous-len counts, and counted as it does.
  for (const m of text.matchAll(/(?:[々〇〻\u3400-\u9FFF\uF900-\uFAFF]|[\uD840-\uD87F][\uDC00-\uDFFF])+/gu))
    if (m[0].length > max) findings.push({ rule: 'max-kanji-continuous-len', index: m.index, found: m[0] });
  return findings;
}
